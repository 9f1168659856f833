using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Display;

/// <summary>An item drawn for a display type: its shapes in page order, and what its page says about it elsewhere.</summary>
public sealed class ContentDisplay
{
    private readonly List<ContentShape> _shapes = [];

    internal ContentDisplay(ContentItem item, ResolvedContentType type, string displayType)
    {
        Item = item;
        Type = type;
        DisplayType = displayType;
    }

    public ContentItem Item { get; }

    public ResolvedContentType Type { get; }

    public string DisplayType { get; }

    /// <summary>Every shape, by zone in the order zones were first used, then by position, then in the type's order.</summary>
    public IReadOnlyList<ContentShape> Shapes => _shapes;

    public ContentPageMetadata Page { get; } = new();

    /// <summary>The shapes of a zone, in order.</summary>
    public IEnumerable<ContentShape> Zone(string zone) => _shapes.Where(s => s.Zone == zone);

    /// <summary>The view model of the shape an element built (a part's name, a field's path such as <c>News.LeadImage</c>), or null.</summary>
    /// <remarks>What a type's own template reads instead of the item's JSON.</remarks>
    public TModel? Get<TModel>(string name) where TModel : class =>
        _shapes.FirstOrDefault(s => s.Name == name && s.Model is TModel)?.Model as TModel;

    /// <summary>The value of the field at <paramref name="name"/> (<c>News.Category</c>), from its shape; null when it has none.</summary>
    public TField? Field<TField>(string name) where TField : ContentField => Get<FieldDisplay<TField>>(name)?.Field;

    internal void Add(ContentShape shape) => _shapes.Add(shape);

    internal void Sort()
    {
        var zones = _shapes.Select(s => s.Zone).Distinct(StringComparer.Ordinal).ToList();
        var sorted = _shapes
            .Select((shape, index) => (shape, index))
            .OrderBy(x => zones.IndexOf(x.shape.Zone))
            .ThenBy(x => x.shape.Position, Comparer<string>.Create(ContentShape.ComparePositions))
            .ThenBy(x => x.index)
            .Select(x => x.shape)
            .ToList();
        _shapes.Clear();
        _shapes.AddRange(sorted);
    }
}

/// <summary>A display driver attached to a part or field kind (what <c>.UseDisplayDriver&lt;T&gt;()</c> registers).</summary>
public sealed record DisplayDriverRegistration(ContentElementKind Kind, string Name, IContentDisplayDriver Driver);

/// <summary>Draws an item: the drivers of its type's parts, then of each part's fields, in the type's order, into one list of shapes.</summary>
public sealed class ContentDisplayManager(IEnumerable<DisplayDriverRegistration> drivers, IOptions<ContentOptions> options)
{
    private readonly ILookup<(ContentElementKind, string), IContentDisplayDriver> _drivers =
        drivers.ToLookup(d => (d.Kind, d.Name), d => d.Driver);

    public async Task<ContentDisplay> BuildDisplayAsync(ContentItem item, ResolvedContentType type, string displayType)
    {
        var display = new ContentDisplay(item, type, displayType);
        var registry = options.Value;
        foreach (var part in type.Parts)
        {
            var node = item.Content[part.Name] as JsonObject;
            if (part.Code is { } code && node is not null && _drivers.Contains((ContentElementKind.Part, code.Name)))
            {
                var element = node.Deserialize(code.Type, CmsJson.Options);
                foreach (var driver in _drivers[(ContentElementKind.Part, code.Name)])
                {
                    await driver.BuildDisplayAsync(new ContentElementDisplayContext(display, part, null, element!, part.TypePart.Settings));
                }
            }

            foreach (var field in part.Fields)
            {
                if (node?[field.Name] is not JsonObject fieldNode || registry.FindField(field.FieldType) is not { } kind)
                {
                    continue;
                }

                if (!_drivers.Contains((ContentElementKind.Field, kind.Name)))
                {
                    continue;
                }

                var element = fieldNode.Deserialize(kind.Type, CmsJson.Options);
                foreach (var driver in _drivers[(ContentElementKind.Field, kind.Name)])
                {
                    await driver.BuildDisplayAsync(new ContentElementDisplayContext(display, part, field, element!, field.Settings));
                }
            }
        }

        display.Sort();
        return display;
    }
}
