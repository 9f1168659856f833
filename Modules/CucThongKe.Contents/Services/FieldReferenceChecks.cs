using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>
/// The checks of taxonomy and content-picker fields that need the database: every term is in the field's taxonomy, every
/// item exists and is of an allowed type. A save handler, so the database comes by injection; it runs on every save (the
/// editor, recipes, the API), after the fields have checked and cleaned themselves.
/// </summary>
internal sealed class FieldReferenceChecks(CmsDbContext db) : IContentHandler
{
    public async Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        foreach (var (path, field, settings) in Fields<TaxonomyField, TaxonomyFieldSettings>(context))
        {
            if (field.TermIds.Count == 0)
            {
                continue;
            }

            var known = await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == settings.Taxonomy && field.TermIds.Contains(t.TermId)).Select(t => t.TermId).ToListAsync(cancellationToken);
            foreach (var missing in field.TermIds.Except(known, StringComparer.Ordinal))
            {
                errors.Add(new($"{path}.{nameof(TaxonomyField.TermIds)}", $"Danh mục '{settings.Taxonomy}' không có mục '{missing}'."));
            }
        }

        foreach (var (path, field, settings) in Fields<ContentPickerField, ContentPickerFieldSettings>(context))
        {
            if (field.ContentItemIds.Count == 0)
            {
                continue;
            }

            var found = await db.Set<ContentItem>()
                .Where(c => c.Latest && field.ContentItemIds.Contains(c.ContentItemId))
                .Select(c => new { c.ContentItemId, c.ContentType })
                .ToListAsync(cancellationToken);
            foreach (var id in field.ContentItemIds)
            {
                var target = found.FirstOrDefault(f => f.ContentItemId == id);
                if (target is null)
                {
                    errors.Add(new($"{path}.{nameof(ContentPickerField.ContentItemIds)}", $"Không có nội dung mã '{id}'."));
                }
                else if (settings.DisplayedContentTypes.Count > 0 && !settings.DisplayedContentTypes.Contains(target.ContentType))
                {
                    errors.Add(new($"{path}.{nameof(ContentPickerField.ContentItemIds)}", $"Nội dung '{id}' thuộc loại '{target.ContentType}', không được chọn ở đây."));
                }
            }
        }
    }

    /// <summary>The fields of a kind that the validator could read (one it could not read has its error already).</summary>
    private static IEnumerable<(string Path, TField Field, TSettings Settings)> Fields<TField, TSettings>(ContentContext context)
        where TField : ContentField
        where TSettings : class, new()
    {
        foreach (var part in context.Type.Parts)
        {
            foreach (var definition in part.Fields.Where(f => f.FieldType == typeof(TField).Name))
            {
                if (Read<TField>(context.Item.Content[part.Name]?[definition.Name], CmsJson.Strict) is { } field)
                {
                    yield return ($"{part.Name}.{definition.Name}", field, Read<TSettings>(definition.Settings, CmsJson.Options) ?? new TSettings());
                }
            }
        }
    }

    private static T? Read<T>(JsonNode? node, JsonSerializerOptions options) where T : class
    {
        try
        {
            return node is JsonObject value ? value.Deserialize<T>(options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
