using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CucThongKe.Search.Analysis;
using CucThongKe.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CucThongKe.Search.Querying;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>A reader's search: words, optional filters, a page.</summary>
public sealed record SearchRequest(string? Query, string? Type = null, int? Year = null, int Page = 1, SearchSort Sort = SearchSort.Relevance, int PageSize = 10, EditorScope? Editor = null);

/// <summary>
/// An editor's search: published items plus the drafts of <see cref="UnitIds"/>, or of every unit when
/// <see cref="AllUnits"/> (the board). A request without one is the public's: published items only.
/// </summary>
public sealed record EditorScope(bool AllUnits, IReadOnlyCollection<string> UnitIds);

/// <summary>
/// A reader's words as queries, and the folded syllables to mark in snippets. <see cref="Match"/> decides which items
/// match and is cheap to run over all of them; <see cref="Rank"/> matches the same items and orders them (the exact
/// form, neighbouring syllables and a document number add to the score). They are the same query when the words
/// need no second pass.
/// </summary>
public sealed record ParsedQuery(Query Match, Query Rank, IReadOnlySet<string> Terms);

/// <summary>One result; <see cref="SnippetHtml"/> is encoded text with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string Id, string Title, string? Url, string Type, DateTime? PublishedUtc, string SnippetHtml, int? Year, bool Draft = false);

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

    /// <summary>
    /// How many matches the full ranking query orders: the best this many by the folded syllables alone (or the page's
    /// depth, when deeper). Scoring every match on the exact-form and pair clauses cost ~0.3 µs a match, 17 ms for a
    /// query matching 60 % of 100,000 items; with fewer matches than this the order is exactly the full query's.
    /// </summary>
    private const int RankedCandidates = 500;

    /// <summary>Queries of up to this many syllables need them all; longer ones three quarters.</summary>
    private const int AllSyllablesUpTo = 6;

    /// <summary>Body text read for a snippet: the matched words are looked for in this much at most.</summary>
    private const int SnippetScanChars = 20_000;

    private static readonly HashSet<string> StoredForHits = new(StringComparer.Ordinal)
    {
        SearchFields.Id, SearchFields.Title, SearchFields.Url, SearchFields.Type, SearchFields.Date, SearchFields.Body, SearchFields.Summary, SearchFields.Year, SearchFields.Visibility,
    };
    private static readonly Analyzer Exact = new VietnameseAnalyzer(VietnameseForm.Exact);
    private static readonly Analyzer FoldedAnalyzer = new VietnameseAnalyzer(VietnameseForm.Folded);

    public SearchResults Search(SearchRequest request)
    {
        var (text, cut) = Clean(request.Query);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var pageSize = Math.Clamp(request.PageSize, 1, 50);
        var empty = new SearchResults(text, cut, 0, page, pageSize, [], [], []);
        var parsed = Parse(text);
        if (parsed is null || !store.IsOpen)
        {
            return empty;
        }

        return store.Search(searcher =>
        {
            var wanted = page * pageSize;
            var byDate = request.Sort == SearchSort.Date;
            var twoPasses = !byDate && !ReferenceEquals(parsed.Match, parsed.Rank);
            ITopDocsCollector collector = byDate
                ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, true)), wanted, false, false, false, false)
                : TopScoreDocCollector.Create(twoPasses ? Math.Max(wanted, RankedCandidates) : wanted, false);

            // One pass over the matches gives the candidates (or the page) and both facets; each facet counts over the
            // other filter only, so a reader sees what choosing another value would give.
            var facets = new FilteringFacetCollector(collector, request.Type, request.Year?.ToString(CultureInfo.InvariantCulture));
            searcher.Search(WithScope(byDate || twoPasses ? parsed.Match : parsed.Rank, request.Editor), facets);

            var top = collector.GetTopDocs();
            if (twoPasses && top.ScoreDocs.Length > 0)
            {
                // The second pass scores only the candidates, with the full ranking query: with fewer matches than
                // candidates the order is exactly the full query's; otherwise the best candidates by the folded
                // syllables are ordered by it. (Lucene.Net 4.8's rescorer fails when there is nothing to rescore.)
                top = new RankOnly(parsed.Rank).Rescore(searcher, top, wanted);
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
                    Snippet(parsed.Terms, document.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? "", document.Get(SearchFields.Summary, CultureInfo.InvariantCulture)),
                    int.TryParse(document.Get(SearchFields.Year, CultureInfo.InvariantCulture), out var y) ? y : null,
                    document.Get(SearchFields.Visibility, CultureInfo.InvariantCulture) == SearchFields.Draft));
            }

            return new SearchResults(text, cut, facets.TotalHits, page, pageSize, hits,
                [.. facets.Types.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))],
                [.. facets.Years.OrderByDescending(t => t.Key, StringComparer.Ordinal).Select(t => new FacetValue(t.Key, t.Value))]);
        });
    }

    /// <summary>The query text: NFC with every look-alike of Đ mapped (as the index is; this covers what
    /// <c>TextNormalizer</c> does to input), control characters removed, cut to <see cref="MaxQueryLength"/>.</summary>
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

    /// <summary>The query that decides which items match and ranks them (see <see cref="Parse"/>).</summary>
    public static Query? BuildQuery(string text) => Parse(text)?.Rank;

    /// <summary>
    /// A reader's words as a Lucene query: each syllable must match in the folded form (title or body); a match in
    /// the title, in the exact form, and of neighbouring syllables as a pair ("kinh tế" side by side) add to the
    /// score; a legal document number matches whole. Apart from that number in a title, term queries only: no
    /// positions read, so a query matching most of the index stays cheap.
    /// </summary>
    public static ParsedQuery? Parse(string text)
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
        var terms = new HashSet<string>(folded, StringComparer.Ordinal);

        if (LooksLikeDocumentNumber(text))
        {
            // "181/QĐ-CTK", "181/qd-ctk" and "181 QĐ CTK": the number's parts together, never one of them alone.
            var whole = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Number, VietnameseText.DocumentNumberKey(text))) { Boost = 20 }, Occur.SHOULD },
                { Phrase(SearchFields.Folded(SearchFields.Title), folded, 4), Occur.SHOULD },
                { Pairs(folded, 2), Occur.SHOULD },
            };
            return new ParsedQuery(whole, whole, terms);
        }

        var query = new BooleanQuery(disableCoord: true);
        // Short queries need every syllable (a conjunction of single terms, the cheapest to run); long ones most of them.
        var all = exact.Count <= AllSyllablesUpTo;
        var syllables = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = all ? 0 : (int)Math.Ceiling(exact.Count * 0.75) };
        for (var i = 0; i < exact.Count; i++)
        {
            var syllable = new TermQuery(new Term(SearchFields.Folded(SearchFields.All), folded[i])) { Boost = 0.3f };
            syllables.Add(syllable, all ? Occur.MUST : Occur.SHOULD);
            if (all)
            {
                query.Add(syllable, Occur.MUST);
            }

            // Ranking only, in the second pass over the candidates the syllables found: the exact form counts more
            // (the title counts double through the index itself).
            query.Add(new TermQuery(new Term(SearchFields.All, exact[i])) { Boost = 1.5f }, Occur.SHOULD);
            if (i > 0)
            {
                // Syllables side by side ("kinh tế", not "kinh ... tế").
                query.Add(new TermQuery(new Term(SearchFields.Pairs, folded[i - 1] + " " + folded[i])) { Boost = 1.5f }, Occur.SHOULD);
            }
        }

        if (!all)
        {
            query.Add(syllables, Occur.MUST);
        }

        var key = VietnameseText.DocumentNumberKey(text);
        if (key.Length is > 0 and <= 40)
        {
            query.Add(new TermQuery(new Term(SearchFields.Number, key)) { Boost = 20 }, Occur.SHOULD);
        }

        return new ParsedQuery(syllables, query, terms);
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

    /// <summary>Every pair of neighbouring syllables required: the phrase, found by terms rather than positions.</summary>
    private static BooleanQuery Pairs(List<string> folded, float boost)
    {
        var pairs = new BooleanQuery(disableCoord: true) { Boost = boost };
        for (var i = 1; i < folded.Count; i++)
        {
            pairs.Add(new TermQuery(new Term(SearchFields.Pairs, folded[i - 1] + " " + folded[i])), Occur.MUST);
        }

        return pairs;
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

    /// <summary>
    /// The public sees published items; an editor also the drafts of the units in scope, each item once: where the
    /// editor may see an item's newer draft, the draft stands for it and its published version is left out.
    /// </summary>
    private static BooleanQuery WithScope(Query main, EditorScope? editor)
    {
        Query scope = new TermQuery(new Term(SearchFields.Visibility, SearchFields.Public));
        if (editor is not null)
        {
            var drafts = new BooleanQuery { { new TermQuery(new Term(SearchFields.Visibility, SearchFields.Draft)), Occur.MUST } };
            var replaced = new BooleanQuery { { new TermQuery(new Term(SearchFields.HasNewerDraft, "yes")), Occur.MUST } };
            if (!editor.AllUnits)
            {
                var units = new BooleanQuery();
                foreach (var unit in editor.UnitIds.Take(BooleanQuery.MaxClauseCount - 1))
                {
                    units.Add(new TermQuery(new Term(SearchFields.Unit, unit)), Occur.SHOULD);
                }

                // No unit: no draft at all (an empty SHOULD-only query would match nothing anyway, said plainly here).
                var inScope = editor.UnitIds.Count == 0 ? (Query)new TermQuery(new Term(SearchFields.Unit, "\0none")) : units;
                drafts.Add(inScope, Occur.MUST);
                replaced.Add(inScope, Occur.MUST);
            }

            var published = new BooleanQuery { { scope, Occur.MUST }, { replaced, Occur.MUST_NOT } };
            scope = new BooleanQuery { { published, Occur.SHOULD }, { drafts, Occur.SHOULD } };
        }

        return new BooleanQuery { { main, Occur.MUST }, { new ConstantScoreQuery(scope) { Boost = 0 }, Occur.MUST } };
    }

    /// <summary>
    /// The window of the body with the most matched syllables, encoded, each match in <c>&lt;mark&gt;</c>; the
    /// summary (or the start of the body) when nothing matches in the body.
    /// </summary>
    private static string Snippet(IReadOnlySet<string> terms, string body, string? summary)
    {
        var scanned = body.Length > SnippetScanChars ? body[..SnippetScanChars] : body;
        var matches = new List<(int Start, int End)>();
        using (var tokens = FoldedAnalyzer.GetTokenStream(SearchFields.Folded(SearchFields.Body), scanned))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            var offset = tokens.AddAttribute<IOffsetAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken())
            {
                if (terms.Contains(term.ToString()))
                {
                    matches.Add((offset.StartOffset, offset.EndOffset));
                }
            }

            tokens.End();
        }

        if (matches.Count == 0)
        {
            var plain = string.IsNullOrWhiteSpace(summary) ? body : summary;
            plain = plain.Length > SnippetLength ? plain[..SnippetLength] + "…" : plain;
            return Encode(plain.Trim());
        }

        // The window starting at a match that holds the most matches after it.
        int bestFirst = 0, bestCount = 0;
        for (int first = 0, last = 0; first < matches.Count; first++)
        {
            last = Math.Max(last, first);
            while (last + 1 < matches.Count && matches[last + 1].End - matches[first].Start <= SnippetLength)
            {
                last++;
            }

            if (last - first + 1 > bestCount)
            {
                (bestFirst, bestCount) = (first, last - first + 1);
            }
        }

        // A little context before the first match, starting on a word.
        var start = Math.Max(0, matches[bestFirst].Start - 40);
        if (start > 0)
        {
            var space = scanned.IndexOf(' ', start);
            start = space >= 0 && space < matches[bestFirst].Start ? space + 1 : matches[bestFirst].Start;
        }

        var end = Math.Min(scanned.Length, start + SnippetLength);
        end = Math.Max(end, matches[bestFirst + bestCount - 1].End);
        if (end < scanned.Length)
        {
            var space = scanned.LastIndexOf(' ', end - 1, end - start);
            end = space > matches[bestFirst + bestCount - 1].End ? space : end;
        }

        var html = new StringBuilder(SnippetLength * 2);
        html.Append(start > 0 ? "… " : "");
        var at = start;
        foreach (var (matchStart, matchEnd) in matches.Skip(bestFirst).Take(bestCount))
        {
            html.Append(Encode(scanned[at..matchStart])).Append("<mark>").Append(Encode(scanned[matchStart..matchEnd])).Append("</mark>");
            at = matchEnd;
        }

        html.Append(Encode(scanned[at..end])).Append(end < body.Length ? " …" : "");
        return html.ToString().Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*\d+(\s*[/\-\s]\s*\d*\p{L}[\p{L}\d]*)+\s*$")]
    private static partial Regex DocumentNumber();

    /// <summary>Encodes only what HTML needs (&amp; &lt; &gt; &quot; '), so Vietnamese letters stay readable.</summary>
    private static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
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

    /// <summary>The second pass: the candidates' order is the ranking query's score alone.</summary>
    private sealed class RankOnly(Query rank) : QueryRescorer(rank)
    {
        protected override float Combine(float firstPassScore, bool secondPassMatches, float secondPassScore) =>
            secondPassMatches ? secondPassScore : 0;
    }

    /// <summary>
    /// Passes the matches of the type and year filters to <paramref name="inner"/> and counts the facets in the same
    /// pass: types over the year filter only, years over the type filter only. Values come from doc values, read once
    /// per index segment into arrays (<see cref="FacetColumn"/>): a query can match most of the index.
    /// </summary>
    private sealed class FilteringFacetCollector(ICollector inner, string? type, string? year) : ICollector
    {
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _years = new(StringComparer.Ordinal);
        private FacetColumn _typeColumn = FacetColumn.Empty, _yearColumn = FacetColumn.Empty;
        private int[] _typeCounts = [], _yearCounts = [];
        private int _wantedType = -1, _wantedYear = -1;

        public int TotalHits { get; private set; }

        public Dictionary<string, int> Types
        {
            get
            {
                Flush();
                return _types;
            }
        }

        public Dictionary<string, int> Years
        {
            get
            {
                Flush();
                return _years;
            }
        }

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

        public void Collect(int doc)
        {
            var typeOrd = _typeColumn.Ords[doc];
            var yearOrd = _yearColumn.Ords[doc];
            var typeOk = type is null || (typeOrd >= 0 && typeOrd == _wantedType);
            var yearOk = year is null || (yearOrd >= 0 && yearOrd == _wantedYear);
            if (yearOk && typeOrd >= 0)
            {
                _typeCounts[typeOrd]++;
            }

            if (typeOk && yearOrd >= 0)
            {
                _yearCounts[yearOrd]++;
            }

            if (typeOk && yearOk)
            {
                TotalHits++;
                inner.Collect(doc);
            }
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            inner.SetNextReader(context);
            (_typeColumn, _typeCounts, _wantedType) = Open(context.AtomicReader, SearchFields.Type, type);
            (_yearColumn, _yearCounts, _wantedYear) = Open(context.AtomicReader, SearchFields.Year, year);
        }

        private static (FacetColumn, int[], int) Open(AtomicReader reader, string field, string? wanted)
        {
            var column = FacetColumn.Of(reader, field);
            var ord = wanted is null ? -1 : Array.IndexOf(column.Values, wanted);
            return (column, new int[column.Values.Length], ord);
        }

        private void Flush()
        {
            Flush(_typeColumn, _typeCounts, _types);
            Flush(_yearColumn, _yearCounts, _years);
        }

        private static void Flush(FacetColumn column, int[] counts, Dictionary<string, int> totals)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var key = column.Values[ord];
                    totals[key] = totals.GetValueOrDefault(key) + counts[ord];
                    counts[ord] = 0;
                }
            }
        }
    }

    /// <summary>
    /// A facet field of one index segment as arrays: each document's value number (-1 for none) and the values. A
    /// segment never changes, so it is read once, kept while the segment lives and shared by every search.
    /// </summary>
    private sealed class FacetColumn(int[] ords, string[] values)
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetColumn>> Segments = [];

        public static readonly FacetColumn Empty = new([], []);

        public int[] Ords { get; } = ords;

        public string[] Values { get; } = values;

        public static FacetColumn Of(AtomicReader reader, string field) =>
            Segments.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(field, f => Read(reader, f));

        private static FacetColumn Read(AtomicReader reader, string field)
        {
            var ords = new int[reader.MaxDoc];
            var docValues = reader.GetSortedDocValues(field);
            if (docValues is null)
            {
                Array.Fill(ords, -1);
                return new(ords, []);
            }

            for (var doc = 0; doc < ords.Length; doc++)
            {
                ords[doc] = docValues.GetOrd(doc);
            }

            var values = new string[docValues.ValueCount];
            var bytes = new BytesRef();
            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues.LookupOrd(ord, bytes);
                values[ord] = bytes.Utf8ToString();
            }

            return new(ords, values);
        }
    }
}
