using System.Globalization;
using System.Text.RegularExpressions;

namespace CucThongKe.Statistics.Indicators;

/// <summary>The kinds of reporting period of Điều 12.6: month, quarter, 6 months, 9 months, year.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    SixMonths = 3,
    NineMonths = 4,
    Year = 5,
}

/// <summary>One reporting period (<c>T10/2026</c>, <c>Q3/2026</c>, <c>6T/2026</c>, <c>9T/2026</c>, <c>2026</c>).</summary>
/// <remarks><see cref="Key"/> is the stored, sortable form; <see cref="Label"/> the reader's.</remarks>
public readonly partial record struct Period(PeriodKind Kind, int Year, int Number)
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;

    /// <summary>Sortable within a kind and stable across imports: <c>2026-M10</c>, <c>2026-Q3</c>, <c>2026-6T</c>, <c>2026-9T</c>, <c>2026</c>.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-M{Number:00}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        PeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"{Year}-6T"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"{Year}-9T"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The month the period ends with, to order periods of different kinds.</summary>
    public int EndMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3,
        PeriodKind.SixMonths => 6,
        PeriodKind.NineMonths => 9,
        _ => 12,
    };

    /// <summary>"Tháng 10/2026", "Quý III/2026", "6 tháng/2026", "9 tháng/2026", "Năm 2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {Number}/{Year}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman[Number]}/{Year}"),
        PeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"6 tháng/{Year}"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 tháng/{Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Năm {Year}"),
    };

    /// <summary>A short label for chart axes: "T10/26", "Q3/26", "2026".</summary>
    public string ShortLabel => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"T{Number}/{Year % 100:00}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{Number}/{Year % 100:00}"),
        PeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"6T/{Year % 100:00}"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9T/{Year % 100:00}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    private static readonly string[] Roman = ["", "I", "II", "III", "IV"];

    /// <summary>Reads what an office writes in a table: <c>T10/2026</c>, <c>Tháng 10/2026</c>, <c>10/2026</c>, <c>2026-10</c>,
    /// <c>Q3/2026</c>, <c>Quý III/2026</c>, <c>6T/2026</c>, <c>6 tháng/2026</c>, <c>9T/2026</c>, <c>2026</c>, <c>Năm 2026</c>, or a stored key.</summary>
    public static Period? Parse(string? text)
    {
        var t = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        Period? period = null;
        if (MonthPattern().Match(t) is { Success: true } m)
        {
            period = new Period(PeriodKind.Month, Int(m.Groups["y"].Value), Int(m.Groups["n"].Value));
        }
        else if (MonthKeyPattern().Match(t) is { Success: true } mk)
        {
            period = new Period(PeriodKind.Month, Int(mk.Groups["y"].Value), Int(mk.Groups["n"].Value));
        }
        else if (QuarterPattern().Match(t) is { Success: true } q)
        {
            var n = q.Groups["n"].Value;
            period = new Period(PeriodKind.Quarter, Int(q.Groups["y"].Value), Array.IndexOf(Roman, n) is > 0 and var r ? r : Int(n));
        }
        else if (QuarterKeyPattern().Match(t) is { Success: true } qk)
        {
            period = new Period(PeriodKind.Quarter, Int(qk.Groups["y"].Value), Int(qk.Groups["n"].Value));
        }
        else if (CumulativePattern().Match(t) is { Success: true } c)
        {
            period = new Period(c.Groups["k"].Value == "6" ? PeriodKind.SixMonths : PeriodKind.NineMonths, Int(c.Groups["y"].Value), 0);
        }
        else if (CumulativeKeyPattern().Match(t) is { Success: true } ck)
        {
            period = new Period(ck.Groups["k"].Value == "6" ? PeriodKind.SixMonths : PeriodKind.NineMonths, Int(ck.Groups["y"].Value), 0);
        }
        else if (YearPattern().Match(t) is { Success: true } y)
        {
            period = new Period(PeriodKind.Year, Int(y.Groups["y"].Value), 0);
        }

        return period is { } p && p.Year is >= MinYear and <= MaxYear
            && (p.Kind != PeriodKind.Month || p.Number is >= 1 and <= 12)
            && (p.Kind != PeriodKind.Quarter || p.Number is >= 1 and <= 4) ? p : null;
    }

    /// <summary>Whether a value of this period belongs in a series published at <paramref name="frequency"/>: a monthly
    /// series also carries quarters, 6 and 9 months and the year; a quarterly one no months; a yearly one years only.</summary>
    public bool Fits(PeriodKind frequency) => frequency switch
    {
        PeriodKind.Month => true,
        PeriodKind.Year => Kind == PeriodKind.Year,
        _ => Kind != PeriodKind.Month,
    };

    public static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "tháng",
        PeriodKind.Quarter => "quý",
        PeriodKind.SixMonths => "6 tháng",
        PeriodKind.NineMonths => "9 tháng",
        _ => "năm",
    };

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:T|THÁNG)?(?<n>\d{1,2})/(?<y>\d{4})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-M?(?<n>\d{2})$")]
    private static partial Regex MonthKeyPattern();

    [GeneratedRegex(@"^(?:Q|QUÝ)(?<n>[1-4]|IV|III|II|I)/(?<y>\d{4})$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-Q(?<n>[1-4])$")]
    private static partial Regex QuarterKeyPattern();

    [GeneratedRegex(@"^(?<k>[69])(?:T|THÁNG)/(?<y>\d{4})$")]
    private static partial Regex CumulativePattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<k>[69])T$")]
    private static partial Regex CumulativeKeyPattern();

    [GeneratedRegex(@"^(?:NĂM)?(?<y>\d{4})$")]
    private static partial Regex YearPattern();
}
