using CucThongKe.Search.Analysis;
using CucThongKe.TextEncoding;
using Lucene.Net.Analysis;

namespace CucThongKe.Search.Querying;

/// <summary>
/// The search's synonyms: groups of phrases that mean the same to a reader (an abbreviation and its full name: "CPI =
/// chỉ số giá tiêu dùng"). A query holding one phrase of a group also finds the items written with another. Kept as
/// data (the <c>SearchSynonyms</c> settings document), edited in the back office and by the recipe step.
/// </summary>
public sealed class SynonymList
{
    public const int MaxGroups = 500;
    public const int MaxPhrasesPerGroup = 10;
    public const int MaxPhraseLength = 80;

    /// <summary>Syllables of a phrase at most: a synonym stands for a name, not a sentence.</summary>
    public const int MaxPhraseSyllables = 8;

    private static readonly Analyzer Exact = new VietnameseAnalyzer(VietnameseForm.Exact);

    private SynonymList(IReadOnlyList<IReadOnlyList<SynonymPhrase>> groups) => Groups = groups;

    public static SynonymList Empty { get; } = new([]);

    /// <summary>The groups as written (each phrase's text), for the back office and export.</summary>
    public IReadOnlyList<IReadOnlyList<SynonymPhrase>> Groups { get; }

    /// <summary>The list from stored groups; phrases without a syllable and groups of fewer than two are left out.</summary>
    public static SynonymList From(IEnumerable<IEnumerable<string>> groups)
    {
        var parsed = new List<IReadOnlyList<SynonymPhrase>>();
        foreach (var group in groups.Take(MaxGroups))
        {
            var phrases = group.Take(MaxPhrasesPerGroup).Select(Phrase).OfType<SynonymPhrase>().ToList();
            if (phrases.Count >= 2)
            {
                parsed.Add(phrases);
            }
        }

        return new SynonymList(parsed);
    }

    /// <summary>
    /// The back office's text: one group a line, phrases separated by '=' ("CPI = chỉ số giá tiêu dùng"); blank lines
    /// skipped. Errors name the line, in Vietnamese; with any error the groups are not to be stored.
    /// </summary>
    public static (List<List<string>> Groups, List<string> Errors) ParseLines(string? text)
    {
        var groups = new List<List<string>>();
        var errors = new List<string>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = VietnameseText.Normalize(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var phrases = line.Split('=').Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
            var number = i + 1;
            if (phrases.Count < 2 || phrases.Any(p => p.Length == 0))
            {
                errors.Add($"Dòng {number}: cần ít nhất hai cụm từ cách nhau bởi dấu '=' (ví dụ: CPI = chỉ số giá tiêu dùng).");
            }
            else if (phrases.Count > MaxPhrasesPerGroup)
            {
                errors.Add($"Dòng {number}: tối đa {MaxPhrasesPerGroup} cụm từ một dòng.");
            }
            else if (phrases.FirstOrDefault(p => p.Length > MaxPhraseLength) is { } tooLong)
            {
                errors.Add($"Dòng {number}: cụm từ '{tooLong[..20]}…' dài quá {MaxPhraseLength} ký tự.");
            }
            else if (phrases.FirstOrDefault(p => Phrase(p) is null) is { } empty)
            {
                errors.Add($"Dòng {number}: cụm từ '{empty}' không có chữ hoặc số nào, hoặc dài quá {MaxPhraseSyllables} âm tiết.");
            }
            else
            {
                groups.Add(phrases);
            }
        }

        if (groups.Count > MaxGroups)
        {
            errors.Add($"Tối đa {MaxGroups} dòng từ đồng nghĩa.");
        }

        return (groups, errors);
    }

    /// <summary>A text's syllables as the search reads them, folded: "Chỉ số giá (CPI)" → "chi", "so", "gia", "cpi".</summary>
    public static IReadOnlyList<string> FoldedSyllables(string text) => [.. SearchQueryParser.Analyze(Exact, text).Select(VietnameseText.Fold)];

    /// <summary>
    /// The other phrases of each group a span of the query belongs to: (start, length, replacement). A query typed with
    /// diacritics holds a phrase written with them only in that exact form ("chỉ sổ giá" is not "chỉ số giá"); otherwise
    /// the folded forms are compared.
    /// </summary>
    internal IEnumerable<(int Start, int Length, SynonymPhrase Replacement)> Alternatives(IReadOnlyList<string> exact, IReadOnlyList<string> folded, bool typedExact)
    {
        foreach (var group in Groups)
        {
            foreach (var phrase in group)
            {
                var (mine, theirs) = typedExact && phrase.HasDiacritics ? (exact, phrase.Exact) : (folded, phrase.Folded);
                for (var start = 0; start + theirs.Count <= mine.Count; start++)
                {
                    if (!theirs.Select((syllable, i) => syllable == mine[start + i]).All(same => same))
                    {
                        continue;
                    }

                    foreach (var other in group.Where(o => !ReferenceEquals(o, phrase)))
                    {
                        yield return (start, theirs.Count, other);
                    }
                }
            }
        }
    }

    private static SynonymPhrase? Phrase(string text)
    {
        var exact = SearchQueryParser.Analyze(Exact, text);
        if (exact.Count is 0 or > MaxPhraseSyllables)
        {
            return null;
        }

        var folded = exact.Select(VietnameseText.Fold).ToList();
        return new SynonymPhrase(text, exact, folded, exact.Where((syllable, i) => syllable != folded[i]).Any());
    }
}

/// <summary>One phrase of a synonym group, analysed as a query is: its exact and folded syllables.</summary>
public sealed record SynonymPhrase(string Text, IReadOnlyList<string> Exact, IReadOnlyList<string> Folded, bool HasDiacritics);
