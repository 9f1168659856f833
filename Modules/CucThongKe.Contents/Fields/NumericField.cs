using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>A number, with optional bounds and decimal places.</summary>
public sealed class NumericField : ContentField
{
    public decimal? Value { get; set; }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<NumericFieldSettings>();
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), settings.Required);
        }
        else if (Value < settings.Minimum || Value > settings.Maximum)
        {
            context.AddError(nameof(Value), $"{context.DisplayName} phải nằm trong khoảng {settings.Minimum} đến {settings.Maximum}.");
        }
        else if (decimal.Round(Value.Value, settings.Scale) != Value)
        {
            context.AddError(nameof(Value), $"{context.DisplayName} có tối đa {settings.Scale} chữ số thập phân.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class NumericFieldSettings : ContentFieldSettings
{
    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public int Scale { get; init; } = 4;
}

/// <summary>The editor of a NumericField: a number, typed the Vietnamese or the English way.</summary>
public sealed class NumericFieldEditorDriver : ContentFieldEditorDriver<NumericField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Number", FieldInput(context, nameof(NumericField.Value), context.Text(nameof(NumericField.Value))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(NumericField.Value), context.ReadNumber(nameof(NumericField.Value)));
}
