using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using System.Text.Json;

namespace CucThongKe.Contents.Display;

/// <summary>What to look for when listing an item's related items: the taxonomy and term they share, and the items picked.</summary>
/// <param name="Taxonomy">The taxonomy of the type's taxonomy field ("" when it has none).</param>
/// <param name="TermId">The item's first term in it, or null.</param>
/// <param name="PickedIds">The items an editor picked.</param>
public sealed record RelatedItemsQuery(string Taxonomy, string? TermId, IReadOnlyList<string> PickedIds);

/// <summary>Reads a type's <see cref="RelatedItemsSettings"/> for an item: the one place that knows which fields give related items.</summary>
public static class RelatedItems
{
    /// <summary>What the item's related items share with it, or null when its type shows none.</summary>
    public static RelatedItemsQuery? Of(ResolvedContentType type, ContentItem item)
    {
        if (type.Definition.Settings.RelatedItems is not { } settings)
        {
            return null;
        }

        var taxonomy = "";
        string? term = null;
        if (settings.TaxonomyField is { } taxonomyField && type.FindField(taxonomyField) is { } found)
        {
            taxonomy = found.Field.Settings.Deserialize<TaxonomyFieldSettings>(CmsJson.Options)?.Taxonomy ?? "";
            term = type.FieldValue<TaxonomyField>(item, taxonomyField)?.TermIds.FirstOrDefault();
        }

        var picked = settings.PickerField is { } pickerField ? type.FieldValue<ContentPickerField>(item, pickerField)?.ContentItemIds : null;
        return new RelatedItemsQuery(taxonomy, term, picked ?? []);
    }
}
