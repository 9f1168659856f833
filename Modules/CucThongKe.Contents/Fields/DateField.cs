using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>A calendar date (no time), such as an issue date.</summary>
public sealed class DateField : ContentField
{
    public DateOnly? Value { get; set; }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), context.Settings<ContentFieldSettings>().Required);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The editor of a DateField: a date picker.</summary>
public sealed class DateFieldEditorDriver : ContentFieldEditorDriver<DateField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Date", FieldInput(context, nameof(DateField.Value), context.Text(nameof(DateField.Value))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(DateField.Value), context.ReadText(nameof(DateField.Value)));
}
