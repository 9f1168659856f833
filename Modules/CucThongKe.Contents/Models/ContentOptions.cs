namespace CucThongKe.Contents.Models;

/// <summary>The parts and field kinds modules registered, by name.</summary>
public sealed class ContentOptions
{
    internal Dictionary<string, ContentElementDescriptor> Parts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ContentElementDescriptor> Fields { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> PartNames => Parts.Keys;

    public IReadOnlyCollection<string> FieldNames => Fields.Keys;

    public ContentElementDescriptor? FindPart(string name) => Parts.GetValueOrDefault(name);

    public ContentElementDescriptor? FindField(string name) => Fields.GetValueOrDefault(name);
}

/// <summary>A registered part or field kind: its CLR type, and the type its settings must have.</summary>
public sealed record ContentElementDescriptor(string Name, Type Type, Type SettingsType);
