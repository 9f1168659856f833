using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>One line of text.</summary>
public sealed class TextField : ContentField
{
    public string? Text { get; set; }

    public override void Prepare(ContentElementContext context) => Text = Text?.Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<TextFieldSettings>();
        FieldChecks.Text(context, nameof(Text), Text, settings.Required, settings.MaxLength);
        if (Text?.Contains('\n', StringComparison.Ordinal) == true)
        {
            context.AddError(nameof(Text), $"{context.DisplayName} chỉ có một dòng.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class TextFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 500;
}

/// <summary>The editor of a TextField: one line of text.</summary>
public sealed class TextFieldEditorDriver : ContentFieldEditorDriver<TextField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Text", FieldInput(context, nameof(TextField.Text), context.Text(nameof(TextField.Text))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(TextField.Text), context.ReadText(nameof(TextField.Text)));
}
