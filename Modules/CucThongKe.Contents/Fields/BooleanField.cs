using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>Yes or no.</summary>
public sealed class BooleanField : ContentField
{
    public bool Value { get; set; }
}

/// <summary>The editor of a BooleanField: a checkbox.</summary>
public sealed class BooleanFieldEditorDriver : ContentFieldEditorDriver<BooleanField>
{
    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Boolean", FieldInput(context, nameof(BooleanField.Value), context.Text(nameof(BooleanField.Value))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(BooleanField.Value), context.ReadBoolean(nameof(BooleanField.Value)));
}
