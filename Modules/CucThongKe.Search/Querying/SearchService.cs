using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CucThongKe.Search.Analysis;
using CucThongKe.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace CucThongKe.Search.Querying;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>A reader's search: words, optional filters, a page.</summary>
public sealed record SearchRequest(string? Query, string? Type = null, int? Year = null, int Page = 1, SearchSort Sort = SearchSort.Relevance, int PageSize = 10);

/// <summary>One result; <see cref="SnippetHtml"/> is encoded text with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string Id, string Title, string? Url, string Type, DateTime? PublishedUtc, string SnippetHtml, int? Year);

/// <summary>A facet value with its count.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>A page of results, the facets of the whole result set, and the query as searched (cut when too long).</summary>
public sealed record SearchResults(string Query, bool QueryWasCut, int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Years)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Searches this node's public index. Every input is taken as words, never as query syntax, so no query can fail.</summary>
public sealed partial class SearchService(SearchIndexStore store)
{
    /// <summary>Longer queries are cut here (at a word boundary): no one types more, and cost grows with length.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxPage = 100;

    private const int MaxTerms = 16;
    private const int SnippetLength = 180;

    private static readonly Analyzer Exact = new VietnameseAnalyzer(VietnameseForm.Exact);
    private static readonly Analyzer FoldedAnalyzer = new VietnameseAnalyzer(VietnameseForm.Folded);

    public SearchResults Search(SearchRequest request)
    {
        var (text, cut) = Clean(request.Query);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var pageSize = Math.Clamp(request.PageSize, 1, 50);
        var empty = new SearchResults(text, cut, 0, page, pageSize, [], [], []);
        var main = BuildQuery(text);
        if (main is null || !store.IsOpen)
        {
            return empty;
        }

        return store.Search(searcher =>
        {
            var typeFilter = string.IsNullOrEmpty(request.Type) ? null : new TermQuery(new Term(SearchFields.Type, request.Type));
            var yearFilter = request.Year is { } year ? new TermQuery(new Term(SearchFields.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;
            var filtered = WithFilters(main, typeFilter, yearFilter);

            var wanted = page * pageSize;
            ICollector collector;
            Func<TopDocs> collected;
            if (request.Sort == SearchSort.Date)
            {
                var byDate = TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, true)), wanted, false, false, false, false);
                (collector, collected) = (byDate, byDate.GetTopDocs);
            }
            else
            {
                var byScore = TopScoreDocCollector.Create(wanted, false);
                (collector, collected) = (byScore, byScore.GetTopDocs);
            }

            Dictionary<string, int> types, years;
            if (typeFilter is null && yearFilter is null)
            {
                // No filter: one pass over the matches gives the page and both facets.
                var typeCounts = new FacetCollector(SearchFields.Type);
                var yearCounts = new FacetCollector(SearchFields.Year);
                searcher.Search(main, MultiCollector.Wrap(collector, typeCounts, yearCounts));
                (types, years) = (typeCounts.Result(), yearCounts.Result());
            }
            else
            {
                // Each facet counts over the other filters only, so a reader sees what choosing another value would give.
                types = Count(searcher, WithFilters(main, null, yearFilter), SearchFields.Type);
                years = Count(searcher, WithFilters(main, typeFilter, null), SearchFields.Year);
                searcher.Search(filtered, collector);
            }

            var top = collected();
            var hits = new List<SearchHit>();
            foreach (var scoreDoc in top.ScoreDocs.Skip((page - 1) * pageSize))
            {
                var document = searcher.Doc(scoreDoc.Doc);
                var ticks = document.GetField(SearchFields.Date)?.GetInt64Value() ?? 0;
                hits.Add(new SearchHit(
                    document.Get(SearchFields.Id, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Url, CultureInfo.InvariantCulture),
                    document.Get(SearchFields.Type, CultureInfo.InvariantCulture),
                    ticks > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null,
                    Snippet(main, document.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? "", document.Get(SearchFields.Summary, CultureInfo.InvariantCulture)),
                    int.TryParse(document.Get(SearchFields.Year, CultureInfo.InvariantCulture), out var y) ? y : null));
            }

            return new SearchResults(text, cut, top.TotalHits, page, pageSize, hits,
                [.. types.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))],
                [.. years.OrderByDescending(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))]);
        });
    }

    /// <summary>The query text: NFC, look-alikes mapped, control characters removed, cut to <see cref="MaxQueryLength"/>.</summary>
    public static (string Text, bool Cut) Clean(string? query)
    {
        var text = Spaces().Replace(VietnameseText.Normalize(query), " ").Trim();
        if (text.Length <= MaxQueryLength)
        {
            return (text, false);
        }

        var cutAt = text.LastIndexOf(' ', MaxQueryLength);
        text = text[..(cutAt > MaxQueryLength / 2 ? cutAt : MaxQueryLength)];
        if (char.IsHighSurrogate(text[^1]))
        {
            text = text[..^1];
        }

        return (text.Trim(), true);
    }

    /// <summary>
    /// The Lucene query for a reader's words: each syllable must match in the exact or the folded form (exact
    /// counts more); the syllables as a phrase count more again; a legal document number matches whole.
    /// </summary>
    public static Query? BuildQuery(string text)
    {
        var exact = Analyze(Exact, text);
        if (exact.Count == 0)
        {
            return null;
        }

        var folded = Analyze(FoldedAnalyzer, text);
        if (folded.Count != exact.Count)
        {
            folded = [.. exact.Select(VietnameseText.Fold)];
        }

        exact = [.. exact.Take(MaxTerms)];
        folded = [.. folded.Take(MaxTerms)];

        if (LooksLikeDocumentNumber(text))
        {
            // "181/QĐ-CTK", "181/qd-ctk" and "181 QĐ CTK": the number's parts together, never one of them alone.
            var whole = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Number, VietnameseText.DocumentNumberKey(text))) { Boost = 20 }, Occur.SHOULD },
                { Phrase(SearchFields.Folded(SearchFields.Title), folded, 4), Occur.SHOULD },
                { Phrase(SearchFields.Folded(SearchFields.Body), folded, 2), Occur.SHOULD },
            };
            return whole;
        }

        var query = new BooleanQuery(disableCoord: true);
        var syllables = new BooleanQuery();
        for (var i = 0; i < exact.Count; i++)
        {
            var either = new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(SearchFields.Title, exact[i])) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.Body, exact[i])) { Boost = 1f }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.Folded(SearchFields.Title), folded[i])) { Boost = 1f }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.Folded(SearchFields.Body), folded[i])) { Boost = 0.3f }, Occur.SHOULD },
            };
            syllables.Add(either, Occur.SHOULD);
        }

        // Short queries need every syllable; long ones most of them.
        syllables.MinimumNumberShouldMatch = exact.Count <= 4 ? exact.Count : (int)Math.Ceiling(exact.Count * 0.75);
        query.Add(syllables, Occur.MUST);
        if (exact.Count > 1)
        {
            query.Add(Phrase(SearchFields.Title, exact, 8), Occur.SHOULD);
            query.Add(Phrase(SearchFields.Body, exact, 4), Occur.SHOULD);
            query.Add(Phrase(SearchFields.Folded(SearchFields.Title), folded, 3), Occur.SHOULD);
            query.Add(Phrase(SearchFields.Folded(SearchFields.Body), folded, 1.5f), Occur.SHOULD);
        }

        var key = VietnameseText.DocumentNumberKey(text);
        if (key.Length is > 0 and <= 40)
        {
            query.Add(new TermQuery(new Term(SearchFields.Number, key)) { Boost = 20 }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>A digit run followed by letter groups joined by '/', '-' or spaces: "181/QĐ-CTK", "15/2024/TT-BKHĐT".</summary>
    public static bool LooksLikeDocumentNumber(string text) => DocumentNumber().IsMatch(text);

    public static List<string> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static Query WithFilters(Query main, Query? type, Query? year)
    {
        if (type is null && year is null)
        {
            return main;
        }

        var query = new BooleanQuery { { main, Occur.MUST } };
        foreach (var filter in new[] { type, year })
        {
            if (filter is not null)
            {
                query.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
            }
        }

        return query;
    }

    private static Dictionary<string, int> Count(IndexSearcher searcher, Query query, string field)
    {
        var collector = new FacetCollector(field);
        searcher.Search(query, collector);
        return collector.Result();
    }

    private static string Snippet(Query query, string body, string? summary)
    {
        var encoder = new MinimalHtmlEncoder();
        try
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, new QueryScorer(query, SearchFields.Folded(SearchFields.Body)))
            {
                TextFragmenter = new SimpleFragmenter(SnippetLength),
                MaxDocCharsToAnalyze = 100_000,
            };
            using var tokens = FoldedAnalyzer.GetTokenStream(SearchFields.Folded(SearchFields.Body), body);
            var fragments = highlighter.GetBestFragments(tokens, body, 2, " … ");
            if (!string.IsNullOrWhiteSpace(fragments))
            {
                return fragments.Trim();
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Falls back to the start of the text below.
        }

        var plain = string.IsNullOrWhiteSpace(summary) ? body : summary;
        plain = plain.Length > SnippetLength ? plain[..SnippetLength] + "…" : plain;
        return encoder.EncodeText(plain.Trim());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*\d+(\s*[/\-\s]\s*\d*\p{L}[\p{L}\d]*)+\s*$")]
    private static partial Regex DocumentNumber();

    /// <summary>Encodes only what HTML needs (&amp; &lt; &gt; &quot; '), so Vietnamese letters stay readable.</summary>
    private sealed class MinimalHtmlEncoder : IEncoder
    {
        public string EncodeText(string originalText)
        {
            var builder = new StringBuilder(originalText.Length);
            foreach (var c in originalText)
            {
                builder.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => c.ToString(),
                });
            }

            return builder.ToString();
        }
    }

    /// <summary>Counts matching documents per value of a doc-values field.</summary>
    private sealed class FacetCollector(string field) : ICollector
    {
        private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
        private SortedDocValues? _values;
        private int[] _counts = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc)
        {
            var ord = _values?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                _counts[ord]++;
            }
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _values = context.AtomicReader.GetSortedDocValues(field);
            _counts = new int[_values?.ValueCount ?? 0];
        }

        public Dictionary<string, int> Result()
        {
            Flush();
            return _totals;
        }

        private void Flush()
        {
            if (_values is null)
            {
                return;
            }

            var bytes = new BytesRef();
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] > 0)
                {
                    _values.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString();
                    _totals[key] = _totals.GetValueOrDefault(key) + _counts[ord];
                    _counts[ord] = 0;
                }
            }
        }
    }
}
