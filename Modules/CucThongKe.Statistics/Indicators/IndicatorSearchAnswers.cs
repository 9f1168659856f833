using System.Globalization;
using System.Text.RegularExpressions;
using CucThongKe.Search.Querying;
using CucThongKe.TextEncoding;

namespace CucThongKe.Statistics.Indicators;

/// <summary>
/// Answers a search that names an indicator with its released value: "CPI tháng 10" → the CPI of the latest October
/// whose release is out; "dân số 2025" → the population of 2025; "chỉ số giá tiêu dùng" → the latest CPI. Values come
/// from <see cref="IndicatorStore.SeriesAsync"/>, which shows nothing of a release before its time.
/// </summary>
internal sealed class IndicatorSearchAnswers(IndicatorStore store) : ISearchAnswerProvider
{
    private const int MaxAnswers = 2;

    public async Task<IReadOnlyList<SearchAnswer>> AnswerAsync(string query, SynonymList synonyms, CancellationToken cancellationToken)
    {
        var variants = SearchQueryParser.Words(query, synonyms);
        if (variants.Count == 0)
        {
            return [];
        }

        var asked = AskedPeriod.From(variants[0].Folded);
        var answers = new List<SearchAnswer>();
        foreach (var indicator in await store.ListAsync(cancellationToken))
        {
            if (!IndicatorQuery.Named(variants, indicator))
            {
                continue;
            }

            var series = await store.SeriesAsync(indicator.Id, cancellationToken);
            var point = asked is null
                ? series.LastOrDefault(p => p.Period.Kind == indicator.Frequency)
                : series.LastOrDefault(p => asked.Matches(p.Period));
            if (point is null)
            {
                continue;
            }

            answers.Add(new SearchAnswer(
                indicator.Name,
                VietnameseNumber.WithUnit(point.Value, indicator.Unit, indicator.Decimals),
                point.Period.Label,
                "Số liệu " + IndicatorValue.StatusName(point.Status).ToLowerInvariant(),
                "/chi-so/" + Uri.EscapeDataString(indicator.Code)));
            if (answers.Count == MaxAnswers)
            {
                break;
            }
        }

        return answers;
    }
}

/// <summary>How a query names an indicator: its code ("cpi", "dan-so"), its name before any bracket, the abbreviation in
/// brackets; compared as the search compares words (typed diacritics respected, folded only when none were typed).</summary>
public static partial class IndicatorQuery
{
    /// <summary>The indicator's names as exact syllables. A code is written without diacritics ("dan-so"): where the name
    /// holds its syllables side by side ("Dân số trung bình"), the code stands for them with the name's diacritics, so
    /// that "dân số" names the indicator and "dẫn số" does not.</summary>
    public static IEnumerable<IReadOnlyList<string>> Names(Indicator indicator)
    {
        var bracket = indicator.Name.IndexOf('(', StringComparison.Ordinal);
        var name = SearchQueryParser.ExactSyllables(bracket > 0 ? indicator.Name[..bracket] : indicator.Name);
        var code = SearchQueryParser.ExactSyllables(indicator.Code);
        var start = Enumerable.Range(0, Math.Max(0, name.Count - code.Count + 1))
            .FirstOrDefault(at => code.Count > 0 && code.Select((syllable, i) => VietnameseText.Fold(name[at + i]) == syllable).All(same => same), -1);
        yield return start >= 0 ? [.. name.Skip(start).Take(code.Count)] : code;
        yield return name;
        if (Bracketed().Match(indicator.Name) is { Success: true } abbreviation)
        {
            yield return SearchQueryParser.ExactSyllables(abbreviation.Groups[1].Value);
        }
    }

    /// <summary>Whether a query (as <see cref="SearchQueryParser.Words"/> reads it, with its synonyms) names <paramref name="indicator"/>:
    /// "dân số" names the population, "dẫn số" does not, "dan so" does.</summary>
    public static bool Named(IReadOnlyList<QueryWords> query, Indicator indicator) =>
        Names(indicator).Any(name => query.Any(words => words.Holds(name)));

    [GeneratedRegex(@"\(([^)]{1,20})\)")]
    private static partial Regex Bracketed();
}

/// <summary>The period a query asks for, from its folded syllables: "thang 10", "t10", "10 2026" (10/2026), "quy 3",
/// "quy iii", "6 thang", "9 thang", "nam 2025" or a year alone; any part may be missing (no year: the latest such).</summary>
public sealed partial record AskedPeriod(PeriodKind? Kind, int? Number, int? Year)
{
    public static AskedPeriod? From(IReadOnlyList<string> folded)
    {
        var text = " " + string.Join(' ', folded) + " ";
        var year = YearPattern().Match(text) is { Success: true } y ? Int(y.Groups[1].Value) : (int?)null;
        if (CumulativePattern().Match(text) is { Success: true } c)
        {
            return new AskedPeriod(c.Groups[1].Value == "6" ? PeriodKind.SixMonths : PeriodKind.NineMonths, 0, year);
        }

        if (MonthPattern().Match(text) is { Success: true } m && Int(m.Groups["n"].Value) is >= 1 and <= 12 and var month)
        {
            return new AskedPeriod(PeriodKind.Month, month, year);
        }

        if (QuarterPattern().Match(text) is { Success: true } q)
        {
            var number = q.Groups[1].Value switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, var n => Int(n) };
            if (number is >= 1 and <= 4)
            {
                return new AskedPeriod(PeriodKind.Quarter, number, year);
            }
        }

        return year is null ? null : new AskedPeriod(null, null, year);
    }

    /// <summary>A year alone matches that year's value, or failing that any value of the year (the latest wins).</summary>
    public bool Matches(Period period) =>
        (Year is null || period.Year == Year)
        && (Kind is null ? true : period.Kind == Kind && (Number is null or 0 || period.Number == Number));

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@" (?:nam )?((?:19|20)\d\d) ")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@" ([69]) thang ")]
    private static partial Regex CumulativePattern();

    [GeneratedRegex(@" (?:thang (?<n>\d{1,2})|t(?<n>\d{1,2})|(?<n>\d{1,2}) (?:19|20)\d\d) ")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@" (?:quy|q) ([1-4]|i|ii|iii|iv) ")]
    private static partial Regex QuarterPattern();
}
