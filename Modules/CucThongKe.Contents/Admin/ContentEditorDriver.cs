using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// The back-office editor of one part or field kind: builds the inputs the generic editor shows (a view model and the
/// partial view that renders it) and writes the posted form back into the element's JSON.
/// </summary>
/// <remarks>
/// A driver writes what the form says, even a value of the wrong type: the content validator (the same one recipes and
/// the API go through) reports it at its path, and the editor shows the text as typed. A driver adds errors only for
/// checks that belong to the editor (a file the media library does not hold).
/// Prefer the bases <see cref="ContentPartEditorDriver{TPart}"/> and <see cref="ContentFieldEditorDriver{TField}"/>;
/// register with <c>services.AddContentPart&lt;...&gt;().UseEditorDriver&lt;TDriver&gt;()</c>.
/// </remarks>
public interface IContentEditorDriver
{
    ContentElementKind Kind { get; }

    /// <summary>The part or field kind it edits, as stored in type definitions (the class name).</summary>
    string ElementName { get; }

    /// <summary>The title of the part's section in the editor when the type gives none (parts only).</summary>
    string? SectionTitle { get; }

    /// <summary>The element's inputs, or null when it has nothing to edit.</summary>
    Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken);

    /// <summary>Writes the posted form into <see cref="EditorContext.Node"/>.</summary>
    Task UpdateAsync(EditorUpdateContext context, CancellationToken cancellationToken);
}

/// <summary>The editor driver of a code part (<typeparamref name="TPart"/>).</summary>
public abstract class ContentPartEditorDriver<TPart> : IContentEditorDriver where TPart : ContentPart
{
    public ContentElementKind Kind => ContentElementKind.Part;

    public string ElementName => typeof(TPart).Name;

    public virtual string? SectionTitle => null;

    public virtual Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken) => Task.FromResult(Edit(context));

    public virtual Task UpdateAsync(EditorUpdateContext context, CancellationToken cancellationToken)
    {
        Update(context);
        return Task.CompletedTask;
    }

    protected virtual EditorShape? Edit(EditorContext context) => null;

    protected virtual void Update(EditorUpdateContext context)
    {
    }
}

/// <summary>The editor driver of a field kind (<typeparamref name="TField"/>): the field's label, hint and required mark come from its definition.</summary>
public abstract class ContentFieldEditorDriver<TField> : IContentEditorDriver where TField : ContentField
{
    public ContentElementKind Kind => ContentElementKind.Field;

    public string ElementName => typeof(TField).Name;

    string? IContentEditorDriver.SectionTitle => null;

    public virtual Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken) => Task.FromResult(Edit(context));

    public virtual Task UpdateAsync(EditorUpdateContext context, CancellationToken cancellationToken)
    {
        Update(context);
        return Task.CompletedTask;
    }

    protected virtual EditorShape? Edit(EditorContext context) => null;

    protected virtual void Update(EditorUpdateContext context)
    {
    }

    /// <summary>The field's input for <paramref name="property"/>, labelled with the field's name, hint and required mark.</summary>
    protected static EditorInput FieldInput(EditorContext context, string property, string value, string? defaultHint = null)
    {
        var settings = context.Settings<ContentFieldSettings>();
        return context.Input(property, context.DisplayName, value, settings.Required, settings.Hint ?? defaultHint);
    }
}

/// <summary>What a driver's editor shows: the partial view (found like any partial, e.g. <c>Pages/Shared/ContentEditors/Text.cshtml</c>) and its model.</summary>
public sealed record EditorShape(string ViewName, object Model);

/// <summary>Where an element sits while its editor is built: the type, the part, the field, its JSON and the errors of the last save.</summary>
public class EditorContext
{
    internal EditorContext(ResolvedContentType type, ResolvedPart part, ContentPartFieldDefinition? field, JsonObject node, IReadOnlyList<ContentValidationError> errors)
    {
        Type = type;
        Part = part;
        Field = field;
        Node = node;
        Errors = errors;
        Prefix = field is null ? part.Name : $"{part.Name}.{field.Name}";
        DisplayName = field is null ? part.TypePart.DisplayName ?? part.Name : field.DisplayName ?? field.Name;
        RawSettings = field is null ? part.TypePart.Settings : field.Settings;
    }

    public ResolvedContentType Type { get; }

    public ResolvedPart Part { get; }

    /// <summary>The field edited, or null for a part.</summary>
    public ContentPartFieldDefinition? Field { get; }

    /// <summary>The element's JSON (the part's object, or the field's); a driver's update writes into it.</summary>
    public JsonObject Node { get; }

    public IReadOnlyList<ContentValidationError> Errors { get; }

    /// <summary>The element's JSON path, and the prefix of its inputs' names (<c>News.Category</c>), so errors land next to their input.</summary>
    public string Prefix { get; }

    /// <summary>The name editors know the element by.</summary>
    public string DisplayName { get; }

    public JsonObject RawSettings { get; }

    public T Settings<T>() where T : class, new() => RawSettings.Deserialize<T>(CmsJson.Options) ?? new T();

    /// <summary>The input named <c>Prefix.property</c>, with the errors found at that path or below it.</summary>
    public EditorInput Input(string property, string label, string value, bool required = false, string? hint = null)
    {
        var name = $"{Prefix}.{property}";
        return new EditorInput(name, label, value, required, hint, ErrorsAt(name));
    }

    /// <summary>The messages of the errors at <paramref name="path"/> or below it.</summary>
    public IReadOnlyList<string> ErrorsAt(string path) =>
        [.. Errors.Where(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal) || e.Path.StartsWith(path + "[", StringComparison.Ordinal)).Select(e => e.Message)];

    /// <summary>A stored scalar as the input shows it ("" for none).</summary>
    public string Text(string property) => Node[property] is JsonValue value ? value.ToString() : "";

    /// <summary>A stored UTC time as a <c>datetime-local</c> input shows it, in Vietnam time; other text as it is.</summary>
    public string VietnamDateTime(string property) =>
        Node[property] is JsonValue value && value.TryGetValue<DateTime>(out var utc)
            ? VietnamTime.FromUtc(utc.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : Text(property);

    /// <summary>A stored array of strings (term ids, item ids).</summary>
    public IReadOnlyList<string> Strings(string property) => Node[property] is JsonArray array ? [.. array.Select(v => v?.ToString() ?? "")] : [];
}

/// <summary>The editor context of a save: the posted form, read by the element's input names, and the editor's own errors.</summary>
public sealed class EditorUpdateContext : EditorContext
{
    private readonly List<ContentValidationError> _updateErrors;

    internal EditorUpdateContext(ResolvedContentType type, ResolvedPart part, ContentPartFieldDefinition? field, JsonObject node, IFormCollection form, List<ContentValidationError> errors)
        : base(type, part, field, node, [])
    {
        Form = form;
        _updateErrors = errors;
    }

    public IFormCollection Form { get; }

    /// <summary>The posted values of the input <c>Prefix.property</c> (or of any name below the prefix, e.g. <c>Items[0].Path</c>).</summary>
    public Microsoft.Extensions.Primitives.StringValues Posted(string property) => Form[$"{Prefix}.{property}"];

    /// <summary>Reports an error on a property of the element (null for the element itself); the item is then not saved.</summary>
    public void AddError(string? property, string message) =>
        _updateErrors.Add(new ContentValidationError(property is null ? Prefix : $"{Prefix}.{property}", message));

    /// <summary>Sets <paramref name="property"/> of the element, or removes it when <paramref name="value"/> is null.</summary>
    public void Set(string property, JsonNode? value)
    {
        if (value is null)
        {
            Node.Remove(property);
        }
        else
        {
            Node[property] = value;
        }
    }

    /// <summary>Text as typed (null when blank); the validator trims and checks it.</summary>
    public JsonValue? ReadText(string property)
    {
        var posted = Posted(property).ToString();
        return posted.Trim().Length == 0 ? null : JsonValue.Create(posted);
    }

    /// <summary>A checkbox: true when posted as <c>true</c>.</summary>
    public JsonValue ReadBoolean(string property) => JsonValue.Create(Posted(property).Any(v => v == "true"));

    /// <summary>A number; Vietnamese writes 3,5 where English writes 3.5 and both are accepted. Text that is not a number is
    /// passed on for the validator to name.</summary>
    public JsonValue? ReadNumber(string property)
    {
        var raw = Posted(property).ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        var normalized = raw.Contains('.', StringComparison.Ordinal) ? raw.Replace(",", "", StringComparison.Ordinal) : raw.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(raw);
    }

    /// <summary>A <c>datetime-local</c> input: the editor types Vietnam time, UTC is stored. A value that is not a time is
    /// passed on for the validator to name.</summary>
    public JsonValue? ReadVietnamDateTime(string property)
    {
        var raw = Posted(property).ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        return DateTime.TryParseExact(raw, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? JsonValue.Create(DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc))
            : JsonValue.Create(raw);
    }

    /// <summary>The non-blank values of a multiple choice.</summary>
    public JsonArray ReadChoices(string property) => new([.. Posted(property).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)v)]);
}
