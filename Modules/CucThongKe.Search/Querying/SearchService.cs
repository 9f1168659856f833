using System.Diagnostics;
using System.Globalization;
using CucThongKe.Core.Telemetry;
using CucThongKe.Search.Indexing;
using Lucene.Net.Search;

namespace CucThongKe.Search.Querying;

/// <summary>Searches this node's public index. Every input is taken as words, never as query syntax, so no query can fail.</summary>
public sealed class SearchService(SearchIndexStore store, CmsMetrics? metrics = null)
{
    public const int MaxPage = 100;

    /// <summary>
    /// How many matches the full ranking query orders: the best this many by the folded syllables alone (or the page's
    /// depth, when deeper). Scoring every match on the exact-form and pair clauses cost ~0.3 µs a match, 17 ms for a
    /// query matching 60 % of 100,000 items; with fewer matches than this the order is exactly the full query's.
    /// </summary>
    private const int RankedCandidates = 500;

    private static readonly HashSet<string> StoredForHits = new(StringComparer.Ordinal)
    {
        SearchFields.Id, SearchFields.Title, SearchFields.Url, SearchFields.Type, SearchFields.Date, SearchFields.Body, SearchFields.Summary, SearchFields.Year, SearchFields.Visibility,
    };

    public SearchResults Search(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return SearchCore(request);
        }
        finally
        {
            metrics?.Searched(Stopwatch.GetElapsedTime(started));
        }
    }

    private SearchResults SearchCore(SearchRequest request)
    {
        var (text, cut) = SearchQueryParser.Clean(request.Query);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var pageSize = Math.Clamp(request.PageSize, 1, 50);
        var empty = new SearchResults(text, cut, 0, page, pageSize, [], [], []);
        var parsed = SearchQueryParser.Parse(text, request.Synonyms);
        if (parsed is null || !store.IsOpen)
        {
            return empty;
        }

        return store.Search(searcher =>
        {
            var wanted = page * pageSize;
            var byDate = request.Sort == SearchSort.Date;
            var (top, facets) = Run(searcher, parsed, request, wanted, byDate);
            // Precise first: the wider forms (folded, then each syllable anywhere) only when that finds little.
            while (facets.TotalHits < parsed.WidenBelow && parsed.Wider is not null)
            {
                parsed = parsed.Wider;
                (top, facets) = Run(searcher, parsed, request, wanted, byDate);
            }

            var hits = new List<SearchHit>();
            foreach (var scoreDoc in top.ScoreDocs.Skip((page - 1) * pageSize).Take(pageSize))
            {
                var document = searcher.Doc(scoreDoc.Doc, StoredForHits);
                var ticks = document.GetField(SearchFields.Date)?.GetInt64Value() ?? 0;
                hits.Add(new SearchHit(
                    document.Get(SearchFields.Id, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Url, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Type, CultureInfo.InvariantCulture),
                    ticks > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null,
                    SearchSnippets.Snippet(parsed.Terms, document.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? "", document.Get(SearchFields.Summary, CultureInfo.InvariantCulture)),
                    int.TryParse(document.Get(SearchFields.Year, CultureInfo.InvariantCulture), out var y) ? y : null,
                    document.Get(SearchFields.Visibility, CultureInfo.InvariantCulture) == SearchFields.Draft));
            }

            return new SearchResults(text, cut, facets.TotalHits, page, pageSize, hits,
                [.. facets.Types.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))],
                [.. facets.Years.OrderByDescending(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))]);
        });
    }

    private static (TopDocs Top, FilteringFacetCollector Facets) Run(IndexSearcher searcher, ParsedQuery parsed, SearchRequest request, int wanted, bool byDate)
    {
        var twoPasses = !byDate;
        ITopDocsCollector collector = byDate
            ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, true)), wanted, false, false, false, false)
            : TopScoreDocCollector.Create(Math.Max(wanted, RankedCandidates), false);

        // One pass over the matches gives the candidates (or the page) and both facets; each facet counts over the
        // other filter only, so a reader sees what choosing another value would give.
        var facets = new FilteringFacetCollector(collector, request.Type, request.Year?.ToString(CultureInfo.InvariantCulture));
        searcher.Search(SearchScope.WithScope(parsed.Match, request.Editor), facets);

        var top = collector.GetTopDocs();
        if (twoPasses && top.ScoreDocs.Length > 0)
        {
            // The second pass scores only the candidates, with the full ranking query: with fewer matches than
            // candidates the order is exactly the full query's; otherwise the best candidates by the matching
            // query are ordered by it. (Lucene.Net 4.8's rescorer fails when there is nothing to rescore.)
            top = Recency.BreakTies(searcher, new RankOnly(parsed.Rank).Rescore(searcher, top, top.ScoreDocs.Length), wanted);
        }

        return (top, facets);
    }

    /// <summary>The second pass: the candidates' order is the ranking query's score alone.</summary>
    private sealed class RankOnly(Query rank) : QueryRescorer(rank)
    {
        protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
            secondPassMatches ? secondPassScore : 0;
    }
}
