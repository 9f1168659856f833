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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*\d+(\s*[/\-\s]\s*\d*\p{L}[\p{L}\d]*)+\s*$")]
    private static partial Regex DocumentNumber();
}
