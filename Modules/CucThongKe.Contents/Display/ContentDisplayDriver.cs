using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Display;

/// <summary>Builds the shapes of one part or field of an item for a display type (none when it shows nothing there).</summary>
/// <remarks>A module attaches one to its part or field with <c>.UseDisplayDriver&lt;T&gt;()</c> (<see cref="DisplayDriverRegistration"/>).</remarks>
public interface IContentDisplayDriver
{
    ValueTask BuildDisplayAsync(ContentElementDisplayContext context);
}

/// <summary>A display driver of the part <typeparamref name="TPart"/>: it receives the part as stored in the item.</summary>
public abstract class ContentPartDisplayDriver<TPart> : IContentDisplayDriver where TPart : ContentPart
{
    public ValueTask BuildDisplayAsync(ContentElementDisplayContext context) =>
        context.Element is TPart part ? DisplayAsync(part, context) : ValueTask.CompletedTask;

    protected abstract ValueTask DisplayAsync(TPart part, ContentElementDisplayContext context);
}

/// <summary>A display driver of the field kind <typeparamref name="TField"/>: it receives each field of that kind, with its definition.</summary>
public abstract class ContentFieldDisplayDriver<TField> : IContentDisplayDriver where TField : ContentField
{
    public ValueTask BuildDisplayAsync(ContentElementDisplayContext context) =>
        context.Element is TField field && context.Field is not null ? DisplayAsync(field, context) : ValueTask.CompletedTask;

    protected abstract ValueTask DisplayAsync(TField field, ContentElementDisplayContext context);

    /// <summary>The typed view model every built-in field shape carries: the field's value, name and display name.</summary>
    protected static FieldDisplay<TField> Model(TField field, ContentElementDisplayContext context) =>
        new(field, context.Name, context.Field!.DisplayName ?? context.Field.Name);
}

/// <summary>The view model of a field's shape.</summary>
/// <param name="Field">The field's value, as stored.</param>
/// <param name="Name">Its path in the item (<c>News.Source</c>).</param>
/// <param name="DisplayName">The name readers know it by.</param>
public sealed record FieldDisplay<TField>(TField Field, string Name, string DisplayName) where TField : ContentField;

/// <summary>What a driver sees: the item, its type, the display type, the element it draws, and where its shapes go.</summary>
public sealed class ContentElementDisplayContext
{
    private readonly ContentDisplay _display;

    internal ContentElementDisplayContext(ContentDisplay display, ResolvedPart part, ContentPartFieldDefinition? field, object element, JsonObject settings)
    {
        _display = display;
        Part = part;
        Field = field;
        Element = element;
        RawSettings = settings;
    }

    public ContentItem Item => _display.Item;

    public ResolvedContentType Type => _display.Type;

    /// <summary><see cref="DisplayTypes.Detail"/>, <see cref="DisplayTypes.Summary"/>...</summary>
    public string DisplayType => _display.DisplayType;

    /// <summary>The part drawn, or the part that holds the field drawn.</summary>
    public ResolvedPart Part { get; }

    /// <summary>The field drawn; null when a part is.</summary>
    public ContentPartFieldDefinition? Field { get; }

    /// <summary>The part's name, or the field's path (<c>News.LeadImage</c>): the name of the shapes built here.</summary>
    public string Name => Field is null ? Part.Name : Part.Name + "." + Field.Name;

    /// <summary>The part or field, read from the item as its registered class.</summary>
    public object Element { get; }

    /// <summary>The part's settings in the type, or the field's settings in its part.</summary>
    public JsonObject RawSettings { get; }

    /// <summary>What the page shows outside its zones (description, image); drivers fill it.</summary>
    public ContentPageMetadata Page => _display.Page;

    public T Settings<T>() where T : class, new() => RawSettings.Deserialize<T>(CmsJson.Options) ?? new T();

    /// <summary>The placement that leaves a shape out.</summary>
    public const string HiddenPlacement = "-";

    /// <summary>Adds a shape named after the element at a placement "Zone:Position" (<c>Content:5</c>), unless the type places it elsewhere (<see cref="ContentTypeDisplaySettings.Placement"/>).</summary>
    public void Add(string template, object model, string placement)
    {
        if (Type.Definition.Settings.Display?.Placement.GetValueOrDefault(Name) is { } placed)
        {
            placement = placed;
        }

        if (placement == HiddenPlacement)
        {
            return;
        }

        var separator = placement.IndexOf(':', StringComparison.Ordinal);
        var zone = separator < 0 ? placement : placement[..separator];
        var position = separator < 0 ? "" : placement[(separator + 1)..];
        _display.Add(new ContentShape(Name, template, model, zone, position));
    }
}

/// <summary>What an item's page shows about it outside its zones: the description of its metadata, its image for sharing.</summary>
public sealed class ContentPageMetadata
{
    /// <summary>The page's description (the summary).</summary>
    public string? Description { get; set; }

    /// <summary>The media path of the image that stands for the page when it is shared.</summary>
    public string? ImagePath { get; set; }
}
