using CucThongKe.TextEncoding;
using Lucene.Net.Search;

namespace CucThongKe.Search.Querying;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>A reader's search: words, optional filters, a page.</summary>
public sealed record SearchRequest(string? Query, string? Type = null, int? Year = null, int Page = 1, SearchSort Sort = SearchSort.Relevance, int PageSize = 10, EditorScope? Editor = null, SynonymList? Synonyms = null);

/// <summary>
/// An editor's search: published items plus the drafts of <see cref="UnitIds"/>, or of every unit when
/// <see cref="AllUnits"/> (the board). A request without one is the public's: published items only.
/// </summary>
public sealed record EditorScope(bool AllUnits, IReadOnlyCollection<string> UnitIds);

/// <summary>
/// A reader's words as queries, and the folded syllables to mark in snippets. <see cref="Match"/> decides which items
/// match and is cheap to run over all of them; <see cref="Rank"/> matches the same items and orders them (the exact
/// form, neighbouring syllables and a document number add to the score). They are the same query when the words
/// need no second pass. <see cref="Wider"/> is what to search when this finds little (the folded form, then each
/// syllable anywhere), null for the widest.
/// </summary>
public sealed record ParsedQuery(Query Match, Query Rank, IReadOnlySet<string> Terms)
{
    public ParsedQuery? Wider { get; init; }

    /// <summary>Fewer matches than this and <see cref="Wider"/> is searched: "little" for words, none for a document number.</summary>
    public int WidenBelow { get; init; } = 3;
}

/// <summary>One result; <see cref="SnippetHtml"/> is encoded text with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string Id, string Title, string? Url, string Type, DateTime? PublishedUtc, string SnippetHtml, int? Year, bool Draft = false);

/// <summary>A facet value with its count.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>A page of results, the facets of the whole result set, and the query as searched (cut when too long).</summary>
public sealed record SearchResults(string Query, bool QueryWasCut, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Years)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A query's syllables (exact and folded) and which of them must match in the exact form (see <see cref="SearchQueryParser.Words"/>).</summary>
public sealed record QueryWords(IReadOnlyList<string> Exact, IReadOnlyList<string> Folded, IReadOnlyList<bool> UseExact)
{
    /// <summary>
    /// Whether <paramref name="phrase"/> (exact syllables, <see cref="SearchQueryParser.ExactSyllables"/>) stands side by
    /// side in the query, each syllable compared as the search matches it: in its exact form when the reader typed
    /// diacritics ("dẫn số" is not "dân số"), folded when none were typed ("dan so" is).
    /// </summary>
    public bool Holds(IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + phrase.Count <= Exact.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
            {
                var at = start + i;
                all = UseExact[at] ? Exact[at] == phrase[i] : Folded[at] == VietnameseText.Fold(phrase[i]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
