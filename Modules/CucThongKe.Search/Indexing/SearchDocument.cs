using System.Text.RegularExpressions;
using CucThongKe.TextEncoding;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace CucThongKe.Search.Indexing;

/// <summary>
/// What the search index keeps of one item, before it becomes a Lucene document: its published version, or (with
/// <see cref="Draft"/>) its latest unpublished version, which only editors' searches see.
/// </summary>
public sealed record SearchDocument(
    string ContentItemId,
    string ContentType,
    string Title,
    string? Summary,
    string Body,
    string? Url,
    DateTime? PublishedUtc,
    int? Year,
    string? DocumentNumber,
    string? Issuer,
    string? UnitId,
    IReadOnlyList<string> CategoryIds,
    bool Draft = false,
    bool HasNewerDraft = false);

/// <summary>The index's field names and the mapping of a <see cref="SearchDocument"/> to Lucene fields.</summary>
public static partial class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Title = "title";
    public const string Body = "body";

    /// <summary>Title and body together, searched: "all" (exact form) and "all.f" (folded); "body" is only stored.</summary>
    public const string All = "all";

    /// <summary>Neighbouring folded syllables of title and body as single terms ("kinh te"): the phrase bonus.</summary>
    public const string Pairs = "all.f2";

    /// <summary>Neighbouring syllables of title and body in the exact form ("kinh tế"): what a query typed with diacritics matches.</summary>
    public const string ExactPairs = "all.e2";

    /// <summary>The keys of the legal document numbers a title or body cites ("theo Quyết định số 181/QĐ-CTK").</summary>
    public const string CitedNumbers = "cited";

    /// <summary>Cited numbers kept per item: a law's appendix may cite hundreds, a search needs the first few.</summary>
    private const int MaxCitedNumbers = 50;
    public const string Summary = "summary";
    public const string Url = "url";
    public const string Date = "date";
    public const string Year = "year";
    public const string Number = "number";
    public const string NumberText = "numbertext";
    public const string Unit = "unit";
    public const string Category = "category";

    /// <summary>"public" for a published version, "draft" for a version only editors may find.</summary>
    public const string Visibility = "visibility";
    public const string Public = "public";
    public const string Draft = "draft";

    /// <summary>"yes" on a published version whose item has a newer draft: editors who may see that draft find the draft instead.</summary>
    public const string HasNewerDraft = "newerdraft";

    /// <summary>The suffix of a text field's folded twin: "title" → "title.f".</summary>
    public const string FoldedSuffix = ".f";

    public static string Folded(string field) => field + FoldedSuffix;

    public static Document ToLucene(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(Id, source.ContentItemId, Field.Store.YES),
            new StringField(Visibility, source.Draft ? Draft : Public, Field.Store.YES),
            new StringField(HasNewerDraft, source.HasNewerDraft ? "yes" : "no", Field.Store.NO),
            new StringField(Type, source.ContentType, Field.Store.YES),
            new SortedDocValuesField(Type, new BytesRef(source.ContentType)),
            // Shown, not searched: the title is searched through "all" and "all.f" ("title.f" finds a document number in it).
            new StoredField(Title, source.Title),
            new TextField(Folded(Title), source.Title, Field.Store.NO),
            new StoredField(Body, source.Body),
        };
        // The title (twice: a word of the title counts double, with no extra clause to score at query time) then
        // the body, as one text; a title's last syllable and the next text's first make one bogus pair, harmless.
        foreach (var text in new[] { source.Title, source.Title, source.Body })
        {
            document.Add(new TextField(All, text, Field.Store.NO));
            document.Add(new TextField(Folded(All), text, Field.Store.NO));
        }

        document.Add(new TextField(Pairs, source.Title, Field.Store.NO));
        document.Add(new TextField(Pairs, source.Body, Field.Store.NO));
        document.Add(new TextField(ExactPairs, source.Title, Field.Store.NO));
        document.Add(new TextField(ExactPairs, source.Body, Field.Store.NO));
        foreach (var cited in CitedNumberKeys(source.Title + "\n" + source.Body))
        {
            document.Add(new StringField(CitedNumbers, cited, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(source.Summary))
        {
            document.Add(new StoredField(Summary, source.Summary));
        }

        if (!string.IsNullOrEmpty(source.Url))
        {
            document.Add(new StoredField(Url, source.Url));
        }

        var ticks = source.PublishedUtc?.Ticks ?? 0;
        document.Add(new NumericDocValuesField(Date, ticks));
        document.Add(new StoredField(Date, ticks));
        if (source.Year is { } year)
        {
            var value = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            document.Add(new StringField(Year, value, Field.Store.YES));
            document.Add(new SortedDocValuesField(Year, new BytesRef(value)));
        }

        var key = VietnameseText.DocumentNumberKey(source.DocumentNumber);
        if (key.Length > 0)
        {
            document.Add(new StringField(Number, key, Field.Store.NO));
            document.Add(new StoredField(NumberText, source.DocumentNumber));
        }

        if (!string.IsNullOrEmpty(source.UnitId))
        {
            document.Add(new StringField(Unit, source.UnitId, Field.Store.YES));
        }

        foreach (var category in source.CategoryIds)
        {
            document.Add(new StringField(Category, category, Field.Store.YES));
        }

        return document;
    }

    /// <summary>The keys of the legal document numbers written in a text ("181/QĐ-CTK", "15/2024/TT-BKHĐT", "89/2015/QH13"), each once.</summary>
    public static IEnumerable<string> CitedNumberKeys(string text) =>
        CitedNumber().Matches(text).Select(m => VietnameseText.DocumentNumberKey(m.Value)).Distinct(StringComparer.Ordinal).Take(MaxCitedNumbers);

    // A number, an optional year, then at least one part of capital letters (and digits) after a '/': the shape of a
    // Vietnamese legal document's number. "181 công chức" or "6,5%" are not numbers of documents.
    [GeneratedRegex(@"(?<![\p{L}\d/])\d{1,5}(?:/\d{4})?/\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{Lu}\d]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex CitedNumber();
}
