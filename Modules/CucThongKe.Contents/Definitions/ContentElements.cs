using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Definitions;

/// <summary>A part that code defines (title, route, body...): its stored shape, and how it checks and cleans itself.</summary>
public abstract class ContentPart
{
    /// <summary>Cleans the part before it is stored (sanitise HTML, trim).</summary>
    public virtual void Prepare(ContentElementContext context)
    {
    }

    /// <summary>Reports what is wrong with the part, in Vietnamese, by property.</summary>
    public virtual ValueTask ValidateAsync(ContentElementContext context) => ValueTask.CompletedTask;
}

/// <summary>A field kind (text, date, taxonomy...): its stored shape, and how it checks and cleans itself.</summary>
public abstract class ContentField
{
    public virtual void Prepare(ContentElementContext context)
    {
    }

    public virtual ValueTask ValidateAsync(ContentElementContext context) => ValueTask.CompletedTask;
}

/// <summary>Settings every field has.</summary>
public class ContentFieldSettings
{
    public bool Required { get; init; }

    /// <summary>A hint shown under the field in the editor.</summary>
    public string? Hint { get; init; }
}

/// <summary>What a part or field sees while it is checked: where it is, its settings, and where to put errors.</summary>
public sealed class ContentElementContext
{
    private readonly List<ContentValidationError> _errors;

    internal ContentElementContext(ContentItem item, ContentTypeDefinition type, string path, string displayName, JsonObject settings, Type? settingsType, List<ContentValidationError> errors)
    {
        Item = item;
        Type = type;
        Path = path;
        DisplayName = displayName;
        RawSettings = settings;
        SettingsType = settingsType;
        _errors = errors;
    }

    public ContentItem Item { get; }

    public ContentTypeDefinition Type { get; }

    /// <summary>Where the element sits in the item's JSON, e.g. <c>TinTuc.Nguon</c>.</summary>
    public string Path { get; }

    /// <summary>The name editors know the element by.</summary>
    public string DisplayName { get; }

    public JsonObject RawSettings { get; }

    internal Type? SettingsType { get; }

    public T Settings<T>() where T : class, new() => RawSettings.Deserialize<T>(Core.Data.CmsJson.Options) ?? new T();

    /// <summary>Reports an error on a property of the element (null for the element itself).</summary>
    public void AddError(string? property, string message) =>
        _errors.Add(new ContentValidationError(property is null ? Path : $"{Path}.{property}", message));
}
