using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>An exact moment, stored in UTC and shown in Vietnam time.</summary>
public sealed class DateTimeField : ContentField
{
    public DateTime? Value { get; set; }

    public override void Prepare(ContentElementContext context)
    {
        if (Value is { Kind: not DateTimeKind.Utc } value)
        {
            Value = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), context.Settings<ContentFieldSettings>().Required);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The editor of a DateTimeField: a date and time, typed in Vietnam time.</summary>
public sealed class DateTimeFieldEditorDriver : ContentFieldEditorDriver<DateTimeField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/DateTime", FieldInput(context, nameof(DateTimeField.Value), context.VietnamDateTime(nameof(DateTimeField.Value))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(DateTimeField.Value), context.ReadVietnamDateTime(nameof(DateTimeField.Value)));
}
