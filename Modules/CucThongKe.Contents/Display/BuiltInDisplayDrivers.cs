using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Parts;

namespace CucThongKe.Contents.Display;

// The drivers of the built-in parts and fields. Each shape's template is named after its part or field kind; the theme
// holds the templates. Parts go at Content:5, fields after them at Content:10, in the type's order.

/// <summary>The title heads an item in lists; its own page writes it as the page's heading.</summary>
public sealed class TitlePartDisplayDriver : ContentPartDisplayDriver<TitlePart>
{
    protected override ValueTask DisplayAsync(TitlePart part, ContentElementDisplayContext context)
    {
        if (context.DisplayType == DisplayTypes.Summary)
        {
            context.Add(nameof(TitlePart), part, "Header:1");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The summary heads the page (and is its description), or stands for the item in lists.</summary>
public sealed class SummaryPartDisplayDriver : ContentPartDisplayDriver<SummaryPart>
{
    protected override ValueTask DisplayAsync(SummaryPart part, ContentElementDisplayContext context)
    {
        if (context.DisplayType == DisplayTypes.Detail)
        {
            context.Page.Description = part.Summary;
            if (!string.IsNullOrEmpty(part.Summary))
            {
                context.Add(nameof(SummaryPart), part, "Header:5");
            }
        }
        else if (context.DisplayType == DisplayTypes.Summary && !string.IsNullOrEmpty(part.Summary))
        {
            context.Add(nameof(SummaryPart), part, "Content:1");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The body, on the item's own page.</summary>
public sealed class HtmlBodyPartDisplayDriver : ContentPartDisplayDriver<HtmlBodyPart>
{
    protected override ValueTask DisplayAsync(HtmlBodyPart part, ContentElementDisplayContext context)
    {
        if (context.DisplayType == DisplayTypes.Detail)
        {
            context.Add(nameof(HtmlBodyPart), part, "Content:5");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A field on the item's own page: a <see cref="FieldDisplay{TField}"/> for the template of its kind.</summary>
public class FieldDetailDisplayDriver<TField> : ContentFieldDisplayDriver<TField> where TField : ContentField
{
    protected override ValueTask DisplayAsync(TField field, ContentElementDisplayContext context)
    {
        if (context.DisplayType == DisplayTypes.Detail)
        {
            context.Add(typeof(TField).Name, Model(field, context), "Content:10");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A media field on the item's page; the one the type's <see cref="ContentTypeDisplaySettings.ImageField"/> names gives the page's image.</summary>
public sealed class MediaFieldDisplayDriver : FieldDetailDisplayDriver<MediaField>
{
    protected override ValueTask DisplayAsync(MediaField field, ContentElementDisplayContext context)
    {
        if (context.DisplayType == DisplayTypes.Detail && field.Items.Count > 0
            && context.Type.Definition.Settings.Display?.ImageField == context.Name)
        {
            context.Page.ImagePath = field.Items[0].Path;
        }

        return base.DisplayAsync(field, context);
    }
}
