namespace CucThongKe.Contents.Definitions;

/// <summary>
/// Marks a string property of a type-settings section as naming one of the type's fields, as <c>Part.Field</c>, of kind
/// <see cref="FieldType"/>: the <c>ContentDefinition</c> recipe step refuses a name that is not such a field of the type.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ContentFieldReferenceAttribute(string fieldType) : Attribute
{
    /// <summary>The field kind the name must have (<c>BooleanField</c>, <c>AttachmentField</c>...).</summary>
    public string FieldType { get; } = fieldType;
}
