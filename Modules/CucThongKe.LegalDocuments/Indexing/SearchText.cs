using CucThongKe.TextEncoding;

namespace CucThongKe.LegalDocuments.Indexing;

/// <summary>Folds Vietnamese text to lower case without diacritics, so "Quyết định" and "quyet dinh" find the same rows on both databases.</summary>
public static class SearchText
{
    public static string Fold(string? text) => VietnameseText.Fold(text);

    /// <summary>Joins the parts and folds them, cut to <paramref name="max"/> characters (the column's size).</summary>
    public static string Build(int max, params string?[] parts)
    {
        var text = Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
        return text.Length <= max ? text : text[..max];
    }
}
