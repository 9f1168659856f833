using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>Several lines of plain text.</summary>
public sealed class MultilineTextField : ContentField
{
    public string? Text { get; set; }

    public override void Prepare(ContentElementContext context) => Text = Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<MultilineTextFieldSettings>();
        FieldChecks.Text(context, nameof(Text), Text, settings.Required, settings.MaxLength);
        return ValueTask.CompletedTask;
    }
}

public sealed class MultilineTextFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 10_000;
}

/// <summary>The editor of a MultilineTextField: a text area.</summary>
public sealed class MultilineTextFieldEditorDriver : ContentFieldEditorDriver<MultilineTextField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Multiline", FieldInput(context, nameof(MultilineTextField.Text), context.Text(nameof(MultilineTextField.Text))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(MultilineTextField.Text), context.ReadText(nameof(MultilineTextField.Text)));
}
