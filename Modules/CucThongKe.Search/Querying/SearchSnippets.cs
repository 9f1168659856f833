using System.Text;
using CucThongKe.Search.Indexing;
using Lucene.Net.Analysis.TokenAttributes;

namespace CucThongKe.Search.Querying;

/// <summary>The snippet of a hit: the body's window with the most matched words, encoded, each match marked.</summary>
internal static class SearchSnippets
{
    private const int SnippetLength = 180;

    /// <summary>Body text read for a snippet: the matched words are looked for in this much at most.</summary>
    private const int SnippetScanChars = 20_000;

    /// <summary>
    /// The window of the body with the most matched syllables, encoded, each match in <c>&lt;mark&gt;</c>; the
    /// summary (or the start of the body) when nothing matches in the body.
    /// </summary>
    public static string Snippet(IReadOnlySet<string> terms, string body, string? summary)
    {
        var scanned = body.Length > SnippetScanChars ? body[..SnippetScanChars] : body;
        var matches = new List<(int Start, int End)>();
        using (var tokens = SearchQueryParser.FoldedAnalyzer.GetTokenStream(SearchFields.Folded(SearchFields.Body), scanned))
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
}
