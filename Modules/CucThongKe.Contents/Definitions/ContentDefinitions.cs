using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Definitions;

/// <summary>A content type: its name, display name, settings and the parts it is made of.</summary>
public sealed class ContentTypeDefinition
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public ContentTypeSettings Settings { get; init; } = new();

    public IReadOnlyList<ContentTypePartDefinition> Parts { get; init; } = [];

    public ContentTypePartDefinition? FindPart(string name) => Parts.FirstOrDefault(p => p.Name == name);
}

/// <summary>What a content type allows, and the sections other modules keep in it.</summary>
/// <remarks>
/// The engine's own settings are the properties; any other key is a module's section
/// (<c>services.AddContentTypeSettings&lt;T&gt;(name)</c>), kept as read in <see cref="Sections"/> and written back in its place,
/// so a stored definition keeps every section even while the module that owns it is absent. A recipe refuses a key no
/// module declared (see the <c>ContentDefinition</c> step); code reads a section through <see cref="ResolvedContentType.Section{TSettings}"/>.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed class ContentTypeSettings
{
    /// <summary>Editors can create items of the type in the back office.</summary>
    public bool Creatable { get; init; } = true;

    /// <summary>Items of the type appear in the back office's content list.</summary>
    public bool Listable { get; init; } = true;

    /// <summary>Items can be saved as drafts before publishing.</summary>
    public bool Draftable { get; init; } = true;

    /// <summary>Every save keeps a new version; when false an unpublished draft is saved over.</summary>
    public bool Versionable { get; init; } = true;

    /// <summary>
    /// Whether items of the type may ever be published; false for what is for the office only (citizens' feedback, which
    /// carries personal data): every publishing path refuses it.
    /// </summary>
    public bool Publishable { get; init; } = true;

    /// <summary>Where the items shown as related to an item come from; none when null.</summary>
    public RelatedItemsSettings? RelatedItems { get; init; }

    /// <summary>How the public page shows an item (its image for sharing); nothing special when null.</summary>
    public ContentTypeDisplaySettings? Display { get; init; }

    /// <summary>The modules' sections, by name (their JSON as stored): read them with <see cref="ResolvedContentType.Section{TSettings}"/>.</summary>
    /// <remarks><see cref="JsonElement"/>s, not nodes: a snapshot of definitions is read by many requests at once.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Sections { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The keys of <see cref="Sections"/> that are none of <paramref name="declared"/>: settings nobody reads, which a recipe refuses.</summary>
    public IEnumerable<string> UndeclaredSections(IEnumerable<string> declared) =>
        Sections.Keys.Except(declared, StringComparer.Ordinal);

    /// <summary>The section <paramref name="name"/> read as <paramref name="settingsType"/>, or null when the type has none.</summary>
    internal object? Section(string name, Type settingsType) =>
        Sections.TryGetValue(name, out var section) && section.ValueKind != JsonValueKind.Null
            ? section.Deserialize(settingsType, CmsJson.Options)
            : null;

    /// <summary>
    /// Accepted and dropped: older recipes and stored definitions may carry a "Stereotype" that nothing ever read.
    /// Without this, a strict recipe read would refuse them as an unknown setting.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("Stereotype")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The serializer binds instance members only.")]
    private string? IgnoredStereotype
    {
        get => null;
        set { }
    }
}

/// <summary>A part as it sits in a type: the name it is stored under, the part it is, its settings.</summary>
public sealed class ContentTypePartDefinition
{
    /// <summary>The key under which the part is stored in the item's JSON.</summary>
    public required string Name { get; init; }

    /// <summary>The part's definition (a code part such as <c>TitlePart</c>, or a part defined with fields).</summary>
    public string PartName { get; init; } = "";

    public string? DisplayName { get; init; }

    public JsonObject Settings { get; init; } = [];
}

/// <summary>A reusable part: a set of fields (a code part may also carry fields).</summary>
public sealed class ContentPartDefinition
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<ContentPartFieldDefinition> Fields { get; init; } = [];
}

/// <summary>A field of a part: its name, its kind (<c>TextField</c>, <c>DateField</c>...) and settings.</summary>
public sealed class ContentPartFieldDefinition
{
    public required string Name { get; init; }

    public required string FieldType { get; init; }

    public string? DisplayName { get; init; }

    public JsonObject Settings { get; init; } = [];
}
