using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Contents.Admin;

/// <summary>The generic editor: a section per part of the type, made of the editors its part and fields' drivers build,
/// and the form read back into content JSON by the same drivers.</summary>
/// <remarks>Form names are the JSON paths (<c>News.Category.TermIds</c>), so validation errors land next to their input.
/// A part or field without an editor driver has no input and keeps its stored value.</remarks>
public sealed class ContentEditor(IEnumerable<IContentEditorDriver> drivers)
{
    private readonly ILookup<(ContentElementKind, string), IContentEditorDriver> _drivers = drivers.ToLookup(d => (d.Kind, d.ElementName));

    public async Task<IReadOnlyList<EditorSection>> BuildAsync(ResolvedContentType type, JsonObject content, IReadOnlyList<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var sections = new List<EditorSection>();
        foreach (var part in type.Parts)
        {
            var shapes = new List<EditorShape>();
            var partJson = content[part.Name] as JsonObject ?? [];
            foreach (var driver in PartDrivers(part))
            {
                if (await driver.EditAsync(new EditorContext(type, part, null, partJson, errors), cancellationToken) is { } shape)
                {
                    shapes.Add(shape);
                }
            }

            foreach (var field in part.Fields)
            {
                var value = partJson[field.Name] as JsonObject ?? [];
                foreach (var driver in _drivers[(ContentElementKind.Field, field.FieldType)])
                {
                    if (await driver.EditAsync(new EditorContext(type, part, field, value, errors), cancellationToken) is { } shape)
                    {
                        shapes.Add(shape);
                    }
                }
            }

            if (shapes.Count > 0)
            {
                // The type's own part (its fields) is named after the type: "Tin tức", never the code "News".
                var title = part.TypePart.DisplayName ?? PartDrivers(part).Select(d => d.SectionTitle).FirstOrDefault(t => t is not null)
                    ?? (part.Name == type.Name ? type.Definition.DisplayName : part.Name);
                sections.Add(new EditorSection(part.Name, title, shapes, [.. errors.Where(e => e.Path == part.Name).Select(e => e.Message)]));
            }
        }

        return sections;
    }

    /// <summary>The content of a new version: the previous content, with the form written over it by every driver; and the
    /// errors the drivers found (an item with any is not to be saved).</summary>
    public async Task<EditorResult> UpdateAsync(ResolvedContentType type, IFormCollection form, JsonObject? previous, CancellationToken cancellationToken)
    {
        var content = previous?.DeepClone().AsObject() ?? [];
        var errors = new List<ContentValidationError>();
        foreach (var part in type.Parts)
        {
            var partJson = content[part.Name] as JsonObject ?? [];
            foreach (var driver in PartDrivers(part))
            {
                await driver.UpdateAsync(new EditorUpdateContext(type, part, null, partJson, form, errors), cancellationToken);
            }

            foreach (var field in part.Fields)
            {
                var value = partJson[field.Name] as JsonObject ?? [];
                foreach (var driver in _drivers[(ContentElementKind.Field, field.FieldType)])
                {
                    await driver.UpdateAsync(new EditorUpdateContext(type, part, field, value, form, errors), cancellationToken);
                }

                partJson[field.Name] = value;
            }

            if (partJson.Count > 0)
            {
                content[part.Name] = partJson;
            }
        }

        return new EditorResult(content, errors);
    }

    /// <summary>The content with <paramref name="path"/> added to the file field <paramref name="field"/> (e.g. <c>News.Image</c>),
    /// for the media picker's return without JavaScript; nothing is saved. Unchanged when that field takes no picked file.</summary>
    public JsonObject WithPickedFile(ResolvedContentType type, JsonObject content, string? field, string? path)
    {
        var target = type.Parts.SelectMany(p => p.Fields.Select(f => (Part: p.Name, Field: f))).FirstOrDefault(x => $"{x.Part}.{x.Field.Name}" == field);
        if (target.Field is null || string.IsNullOrWhiteSpace(path) || path.Length > 500)
        {
            return content;
        }

        var picker = _drivers[(ContentElementKind.Field, target.Field.FieldType)].OfType<IPickedFileTarget>().FirstOrDefault();
        if (picker is null)
        {
            return content;
        }

        var copy = content.DeepClone().AsObject();
        var part = copy[target.Part] as JsonObject ?? [];
        var value = part[target.Field.Name] as JsonObject ?? [];
        picker.AddPickedFile(value, path);
        part[target.Field.Name] = value;
        copy[target.Part] = part;
        return copy;
    }

    private IEnumerable<IContentEditorDriver> PartDrivers(ResolvedPart part) =>
        part.Code is null ? [] : _drivers[(ContentElementKind.Part, part.Code.Name)];
}

/// <summary>What the form made of the item, and what the editor's drivers found wrong with it.</summary>
public sealed record EditorResult(JsonObject Content, IReadOnlyList<ContentValidationError> Errors);

/// <summary>A field editor that takes a file chosen in the media library's picker (the picker returns to the editor with it).</summary>
public interface IPickedFileTarget
{
    /// <summary>Adds <paramref name="path"/> to the field's JSON <paramref name="field"/>, when it has room and does not hold it yet.</summary>
    void AddPickedFile(JsonObject field, string path);
}
