using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Text;

namespace CucThongKe.Contents.Fields;

/// <summary>Rich text, sanitised on the server.</summary>
public sealed class HtmlField : ContentField
{
    public string? Html { get; set; }

    public override void Prepare(ContentElementContext context) => Html = RichTextSanitizer.Sanitize(Html ?? "");

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<HtmlFieldSettings>();
        FieldChecks.Text(context, nameof(Html), Html, settings.Required, settings.MaxLength);
        if (RichTextImages.WithoutAlt(Html) is { Count: > 0 } missing)
        {
            context.AddError(nameof(Html), RichTextImages.Message(missing));
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class HtmlFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 1_000_000;
}

/// <summary>The editor of an HtmlField: the rich-text editor.</summary>
public sealed class HtmlFieldEditorDriver : ContentFieldEditorDriver<HtmlField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Html", FieldInput(context, nameof(HtmlField.Html), context.Text(nameof(HtmlField.Html))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(HtmlField.Html), context.ReadText(nameof(HtmlField.Html)));
}
