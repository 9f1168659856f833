namespace CucThongKe.Contents.Models;

/// <summary>The parts, field kinds and type-settings sections modules registered, by name.</summary>
public sealed class ContentOptions
{
    internal Dictionary<string, Type> TypeSettings { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ContentElementDescriptor> Parts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, ContentElementDescriptor> Fields { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> PartNames => Parts.Keys;

    public IReadOnlyCollection<string> FieldNames => Fields.Keys;

    public ContentElementDescriptor? FindPart(string name) => Parts.GetValueOrDefault(name);

    public ContentElementDescriptor? FindField(string name) => Fields.GetValueOrDefault(name);

    /// <summary>The names of the type-settings sections modules declared.</summary>
    public IReadOnlyCollection<string> TypeSettingsNames => TypeSettings.Keys;

    /// <summary>The class of the type-settings section <paramref name="name"/>, or null when no module declared it.</summary>
    public Type? FindTypeSettings(string name) => TypeSettings.GetValueOrDefault(name);

    /// <summary>The name under which <paramref name="settingsType"/> was declared as a type-settings section, or null.</summary>
    public string? TypeSettingsName(Type settingsType) =>
        TypeSettings.FirstOrDefault(s => s.Value == settingsType).Key;
}

/// <summary>A registered part or field kind: its CLR type, and the type its settings must have.</summary>
public sealed record ContentElementDescriptor(string Name, Type Type, Type SettingsType);
