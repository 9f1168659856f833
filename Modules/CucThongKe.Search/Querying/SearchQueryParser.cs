using System.Text.RegularExpressions;
using CucThongKe.Search.Analysis;
using CucThongKe.Search.Indexing;
using CucThongKe.TextEncoding;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CucThongKe.Search.Querying;

/// <summary>A reader's words as Lucene queries. Every input is taken as words, never as query syntax, so no query can fail.</summary>
public static partial class SearchQueryParser
{
    /// <summary>Longer queries are cut here (at a word boundary): no one types more, and cost grows with length.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxTerms = 16;

    /// <summary>Queries of up to this many syllables need them all; longer ones three quarters.</summary>
    private const int AllSyllablesUpTo = 6;

    /// <summary>Queries a synonym list may add to the reader's own: each costs a clause per syllable.</summary>
    private const int MaxSynonymVariants = 4;

    private const float TierBoost = 10_000;

    private static readonly Analyzer Exact = new VietnameseAnalyzer(VietnameseForm.Exact);

    /// <summary>The folded form, shared with the snippets so that they mark exactly what matched.</summary>
    internal static readonly Analyzer FoldedAnalyzer = new VietnameseAnalyzer(VietnameseForm.Folded);

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
    /// A reader's words as Lucene queries, precise first and wider only when that finds little (<see cref="ParsedQuery.Wider"/>):
    /// <list type="number">
    /// <item>Each syllable side by side with a neighbour of the query, as the reader typed it: "dân số" finds the pair
    /// "dân số", not "dẫn ... so với" nor "dân ... số"; a query typed without diacritics is matched in the folded form.</item>
    /// <item>The same in the folded form (a query typed with diacritics that the exact form barely answers).</item>
    /// <item>Each syllable anywhere (words typed in another order, a one-syllable word beside a name: "lúa Đại Từ").</item>
    /// </list>
    /// A phrase of the synonym list also matches its other phrases ("CPI" and "chỉ số giá tiêu dùng"); a legal
    /// document number matches the items that carry it, as their own number or cited in their text. Term queries
    /// only: no positions read, so a query matching most of the index stays cheap.
    /// </summary>
    public static ParsedQuery? Parse(string text, SynonymList? synonyms = null)
    {
        var variants = Words(text, synonyms);
        if (variants.Count == 0)
        {
            return null;
        }

        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            terms.UnionWith(variant.Folded);
        }

        var ranking = Ranking(variants, text);
        var tiers = new List<Query> { Any(variants.Select(v => Coverage(v, exactForm: true))) };
        if (variants.Any(v => v.UseExact.Any(e => e)))
        {
            tiers.Add(Any(variants.Select(v => Coverage(v, exactForm: false))));
        }

        tiers.Add(Any(variants.Select(Loose)));

        // Each wider query is the union of the tiers so far; a narrower tier's items keep their place above.
        ParsedQuery? wider = null;
        for (var count = tiers.Count; count >= 1; count--)
        {
            var match = count == 1 ? tiers[0] : Any(tiers.Take(count));
            if (count > 1 && match.ToString() == wider?.Match.ToString())
            {
                continue;
            }

            var rank = new BooleanQuery(disableCoord: true) { { match, Occur.MUST } };
            foreach (var clause in ranking)
            {
                rank.Add(clause, Occur.SHOULD);
            }

            for (var tier = 0; tier < count - 1; tier++)
            {
                // Far above any text score (a few hundred at most), so a narrower tier's item always ranks first.
                rank.Add(new ConstantScoreQuery(tiers[tier]) { Boost = TierBoost * (count - 1 - tier) }, Occur.SHOULD);
            }

            wider = new ParsedQuery(match, rank, terms) { Wider = wider };
        }

        if (LooksLikeDocumentNumber(text))
        {
            // "181/QĐ-CTK", "181/qd-ctk" and "181 QĐ CTK": the number whole, never one of its parts alone; an item
            // numbered so first, then those that cite it. Only when no item carries it are the words searched.
            var number = VietnameseText.DocumentNumberKey(text);
            var whole = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Number, number)) { Boost = 20 }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.CitedNumbers, number)) { Boost = 5 }, Occur.SHOULD },
            };
            return new ParsedQuery(whole, whole, terms) { Wider = wider, WidenBelow = 1 };
        }

        return wider;
    }

    /// <summary>
    /// The query's syllables as the search reads them: as typed, then each synonym's replacement of a phrase in it (one
    /// at a time, a few at most); each syllable to be matched in its exact form when diacritics were typed anywhere in
    /// the query (or the synonym's phrase has them), else folded. Empty when the text has no syllable.
    /// </summary>
    public static IReadOnlyList<QueryWords> Words(string text, SynonymList? synonyms = null)
    {
        var exact = Analyze(Exact, text);
        if (exact.Count == 0)
        {
            return [];
        }

        var folded = Analyze(FoldedAnalyzer, text);
        if (folded.Count != exact.Count)
        {
            folded = [.. exact.Select(VietnameseText.Fold)];
        }

        exact = [.. exact.Take(MaxTerms)];
        folded = [.. folded.Take(MaxTerms)];

        // Diacritics typed anywhere: the reader wrote the words; respect their form. None: match the folded form.
        var typedExact = exact.Where((syllable, i) => syllable != folded[i]).Any();
        return Variants(exact, folded, typedExact, synonyms ?? SynonymList.Empty);
    }

    /// <summary>A text's syllables in the exact form the index keeps (lower case, one tone-mark placement): "Dân Số" → "dân", "số".</summary>
    public static IReadOnlyList<string> ExactSyllables(string text) => Analyze(Exact, text);

    private static List<QueryWords> Variants(List<string> exact, List<string> folded, bool typedExact, SynonymList synonyms)
    {
        var variants = new List<QueryWords> { new(exact, folded, [.. exact.Select(_ => typedExact)]) };
        foreach (var (start, length, replacement) in synonyms.Alternatives(exact, folded, typedExact))
        {
            if (variants.Count > MaxSynonymVariants)
            {
                break;
            }

            // The list's phrases are written with their diacritics: their exact form is respected.
            variants.Add(new QueryWords(
                [.. exact[..start], .. replacement.Exact, .. exact[(start + length)..]],
                [.. folded[..start], .. replacement.Folded, .. folded[(start + length)..]],
                [.. Enumerable.Repeat(typedExact, start), .. replacement.Exact.Select(_ => replacement.HasDiacritics), .. Enumerable.Repeat(typedExact, exact.Count - start - length)]));
        }

        return variants;
    }

    /// <summary>
    /// Every syllable side by side with one of its neighbours in the query (the pair indexed as one term): the query's
    /// words of two or three syllables are found as words, whatever their order ("dân số và lao động" for "lao động
    /// dân số"). Longer queries need three quarters of their syllables so.
    /// </summary>
    private static Query Coverage(QueryWords variant, bool exactForm)
    {
        var count = variant.Exact.Count;
        if (count == 1)
        {
            return Syllable(variant, 0, exactForm);
        }

        var all = count <= AllSyllablesUpTo;
        var coverage = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = all ? 0 : (int)Math.Ceiling(count * 0.75) };
        for (var i = 0; i < count; i++)
        {
            // When every syllable must be covered, the first and last pairs are required (their syllables have one
            // neighbour each), so the second and the last but one syllables are covered already: their clause would
            // only cost a nested disjunction per match (a four-syllable query is two pair terms, not four clauses).
            if (all && i > 0 && (i == 1 || i == count - 2))
            {
                continue;
            }

            var beside = new BooleanQuery(disableCoord: true);
            if (i > 0)
            {
                beside.Add(Pair(variant, i - 1, exactForm), Occur.SHOULD);
            }

            if (i < count - 1)
            {
                beside.Add(Pair(variant, i, exactForm), Occur.SHOULD);
            }

            coverage.Add(beside.Clauses.Count == 1 ? beside.Clauses[0].Query : beside, all ? Occur.MUST : Occur.SHOULD);
        }

        return coverage.Clauses.Count == 1 ? coverage.Clauses[0].Query : coverage;
    }

    /// <summary>Every syllable anywhere in the item, in the form it was typed: the forgiving last resort.</summary>
    private static Query Loose(QueryWords variant)
    {
        var count = variant.Exact.Count;
        var all = count <= AllSyllablesUpTo;
        var loose = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = all ? 0 : (int)Math.Ceiling(count * 0.75) };
        for (var i = 0; i < count; i++)
        {
            loose.Add(Syllable(variant, i, exactForm: true), all ? Occur.MUST : Occur.SHOULD);
        }

        return count == 1 ? loose.Clauses[0].Query : loose;
    }

    /// <summary>What orders the matches: the exact form of a syllable and syllables side by side count more; the title counts double through the index itself.</summary>
    private static List<Query> Ranking(IReadOnlyList<QueryWords> variants, string text)
    {
        var clauses = new List<Query>();
        foreach (var variant in variants)
        {
            for (var i = 0; i < variant.Exact.Count; i++)
            {
                clauses.Add(new TermQuery(new Term(SearchFields.Folded(SearchFields.All), variant.Folded[i])) { Boost = 0.3f });
                clauses.Add(new TermQuery(new Term(SearchFields.All, variant.Exact[i])) { Boost = 1.5f });
                if (i > 0)
                {
                    var pair = Pair(variant, i - 1, exactForm: true);
                    pair.Boost = 1.5f;
                    clauses.Add(pair);
                }
            }
        }

        var key = VietnameseText.DocumentNumberKey(text);
        if (key.Length is > 0 and <= 40)
        {
            clauses.Add(new TermQuery(new Term(SearchFields.Number, key)) { Boost = 20 });
        }

        return clauses;
    }

    private static TermQuery Syllable(QueryWords variant, int i, bool exactForm) => exactForm && variant.UseExact[i]
        ? new TermQuery(new Term(SearchFields.All, variant.Exact[i]))
        : new TermQuery(new Term(SearchFields.Folded(SearchFields.All), variant.Folded[i]));

    private static TermQuery Pair(QueryWords variant, int first, bool exactForm) => exactForm && variant.UseExact[first] && variant.UseExact[first + 1]
        ? new TermQuery(new Term(SearchFields.ExactPairs, variant.Exact[first] + " " + variant.Exact[first + 1]))
        : new TermQuery(new Term(SearchFields.Pairs, variant.Folded[first] + " " + variant.Folded[first + 1]));

    private static Query Any(IEnumerable<Query> queries)
    {
        var distinct = queries.DistinctBy(q => q.ToString()).ToList();
        if (distinct.Count == 1)
        {
            return distinct[0];
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var query in distinct)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }


    /// <summary>A digit run followed by groups joined by '/', '-' or spaces, the last with a letter: "181/QĐ-CTK", "15/2024/TT-BKHĐT".</summary>
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // Digits, then groups of letters or digits joined by '/', '-' or spaces, at least one with a letter: "181/QĐ-CTK",
    // "15/2024/TT-BKHĐT", "181 qd ctk"; "2024 dân số" too, which finds no number and is then searched as words.
    // Non-backtracking: a reader's query must not be able to make the match slow.
    [GeneratedRegex(@"^\s*\d+(?:\s*[/\-]\s*|\s+)(?:[\p{L}\d]+(?:\s*[/\-]\s*|\s+))*\d*\p{L}[\p{L}\d]*\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex DocumentNumber();
}
