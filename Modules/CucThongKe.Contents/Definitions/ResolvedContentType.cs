using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Definitions;

/// <summary>A content type with each of its parts resolved: the code behind it and the fields it carries.</summary>
public sealed class ResolvedContentType
{
    private readonly ContentOptions? _options;
    private readonly ConcurrentDictionary<Type, object?> _sections = new();

    /// <param name="options">The registered type-settings sections; without them (a type shown as a fallback) every section reads as absent.</param>
    public ResolvedContentType(ContentTypeDefinition definition, IReadOnlyList<ResolvedPart> parts, ContentOptions? options = null)
    {
        Definition = definition;
        Parts = parts;
        _options = options;
    }

    public ContentTypeDefinition Definition { get; }

    public string Name => Definition.Name;

    public IReadOnlyList<ResolvedPart> Parts { get; }

    /// <summary>
    /// The type's section of the settings a module declared as <typeparamref name="TSettings"/>
    /// (<c>AddContentTypeSettings&lt;TSettings&gt;(name)</c>), or null when the type has none or no module declared it.
    /// </summary>
    public TSettings? Section<TSettings>() where TSettings : class =>
        (TSettings?)_sections.GetOrAdd(typeof(TSettings), t => _options?.TypeSettingsName(t) is { } name ? Definition.Settings.Section(name, t) : null);

    /// <summary>Every field of kind <typeparamref name="TField"/> in <paramref name="item"/>, with its path and settings.</summary>
    public IEnumerable<(string Path, TField Field, TSettings Settings)> FindFields<TField, TSettings>(ContentItem item)
        where TField : ContentField
        where TSettings : class, new()
    {
        foreach (var part in Parts)
        {
            foreach (var field in part.Fields.Where(f => f.FieldType == typeof(TField).Name))
            {
                if (item.Content[part.Name]?[field.Name] is JsonObject node && node.Deserialize<TField>(CmsJson.Options) is { } value)
                {
                    yield return ($"{part.Name}.{field.Name}", value, field.Settings.Deserialize<TSettings>(CmsJson.Options) ?? new TSettings());
                }
            }
        }
    }

    /// <summary>The field at <paramref name="path"/> (<c>Part.Field</c>, the part as named in the type), or null when the type has none there.</summary>
    public (ResolvedPart Part, ContentPartFieldDefinition Field)? FindField(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var part = dot > 0 ? Parts.FirstOrDefault(p => p.Name == path[..dot]) : null;
        var field = part?.Fields.FirstOrDefault(f => f.Name == path[(dot + 1)..]);
        return part is null || field is null ? null : (part, field);
    }

    /// <summary>The value of the field of kind <typeparamref name="TField"/> at <paramref name="path"/> in <paramref name="item"/>, or null when there is none.</summary>
    public TField? FieldValue<TField>(ContentItem item, string path) where TField : ContentField =>
        FindField(path) is { } found && found.Field.FieldType == typeof(TField).Name && item.Content[found.Part.Name]?[found.Field.Name] is JsonObject node
            ? node.Deserialize<TField>(CmsJson.Options)
            : null;
}

/// <summary>A part of a type, resolved.</summary>
/// <param name="Name">The key it is stored under.</param>
/// <param name="Code">The code part, when the part is one (title, route...).</param>
/// <param name="Fields">The fields its definition carries.</param>
public sealed record ResolvedPart(string Name, ContentTypePartDefinition TypePart, ContentElementDescriptor? Code, IReadOnlyList<ContentPartFieldDefinition> Fields);
