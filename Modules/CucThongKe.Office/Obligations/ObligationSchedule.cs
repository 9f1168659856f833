using System.Globalization;
using CucThongKe.Core.Data;

namespace CucThongKe.Office.Obligations;

/// <summary>One reporting period: its key (<c>2026-11</c>, <c>2026-Q4</c>, <c>2026-H2</c>, <c>2026</c>) and its first and last days.</summary>
public sealed record ReportingPeriod(string Key, DateOnly Start, DateOnly End)
{
    /// <summary>"tháng 11/2026", "quý IV/2026", "6 tháng cuối năm 2026", "năm 2026".</summary>
    public static string DisplayName(string key)
    {
        var year = key[..4];
        return key.Length switch
        {
            7 when key[5] == 'Q' => "quý " + new[] { "I", "II", "III", "IV" }[key[6] - '1'] + "/" + year,
            7 when key[5] == 'H' => (key[6] == '1' ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year,
            7 => "tháng " + key[5..] + "/" + year,
            _ => "năm " + year,
        };
    }
}

/// <summary>Periods and due dates of an obligation, from its frequency and due rule, on a <see cref="WorkingCalendar"/>. Pure: no clock, no database.</summary>
public sealed class ObligationSchedule(WorkingCalendar calendar)
{
    /// <summary>The working days the office counts in (the operator's extra days included), for other deadlines of the office.</summary>
    public WorkingCalendar Calendar => calendar;

    /// <summary>The period of <paramref name="frequency"/> that contains <paramref name="day"/>.</summary>
    public static ReportingPeriod PeriodOf(ObligationFrequency frequency, DateOnly day)
    {
        var year = day.Year;
        switch (frequency)
        {
            case ObligationFrequency.Monthly:
                var month = new DateOnly(year, day.Month, 1);
                return new(day.ToString("yyyy-MM", CultureInfo.InvariantCulture), month, month.AddMonths(1).AddDays(-1));
            case ObligationFrequency.Quarterly:
                var quarter = (day.Month - 1) / 3;
                var start = new DateOnly(year, quarter * 3 + 1, 1);
                return new($"{year}-Q{quarter + 1}", start, start.AddMonths(3).AddDays(-1));
            case ObligationFrequency.HalfYearly:
                var half = (day.Month - 1) / 6;
                var halfStart = new DateOnly(year, half * 6 + 1, 1);
                return new($"{year}-H{half + 1}", halfStart, halfStart.AddMonths(6).AddDays(-1));
            default:
                return new(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
    }

    /// <summary>The period of <paramref name="frequency"/> named <paramref name="key"/> (<c>2026-11</c> for a monthly one...), or null when it names none.</summary>
    public static ReportingPeriod? Parse(ObligationFrequency frequency, string? key)
    {
        if (key is not { Length: >= 4 } || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        return Enumerable.Range(1, 12).Select(m => PeriodOf(frequency, new DateOnly(year, m, 1))).FirstOrDefault(p => p.Key == key);
    }

    /// <summary>The periods that have begun between <paramref name="from"/> and <paramref name="today"/> (both included), oldest first, at most <paramref name="limit"/> (the newest).</summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsBetween(ObligationFrequency frequency, DateOnly from, DateOnly today, int limit)
    {
        var periods = new List<ReportingPeriod>();
        for (var period = PeriodOf(frequency, from); period.Start <= today; period = PeriodOf(frequency, period.End.AddDays(1)))
        {
            periods.Add(period);
        }

        return periods.Count > limit ? periods[^limit..] : periods;
    }

    /// <summary>The due date of <paramref name="period"/>: the rule's date, moved to the next working day when it falls on a day off.</summary>
    public DateOnly DueDate(ReportingObligation obligation, ReportingPeriod period)
    {
        switch (obligation.DueRule)
        {
            case DueRuleKind.WorkingDaysAfter:
                return calendar.AddWorkingDays(period.End, obligation.DueDay);
            case DueRuleKind.FixedDate:
                var month = obligation.DueMonth ?? 12;
                var candidate = Clamped(period.End.Year, month, obligation.DueDay);
                if (candidate <= period.End)
                {
                    candidate = Clamped(period.End.Year + 1, month, obligation.DueDay);
                }

                return calendar.OnOrNextWorkingDay(candidate);
            default:
                var target = new DateOnly(period.End.Year, period.End.Month, 1).AddMonths(obligation.MonthsAfter);
                return calendar.OnOrNextWorkingDay(Clamped(target.Year, target.Month, obligation.DueDay));
        }
    }

    /// <summary>The end of <paramref name="dueDate"/> in Vietnam (UTC+7 all year), in UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly dueDate) => VietnamTime.ToUtc(dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The entry of <paramref name="obligation"/> for <paramref name="period"/>, due by its rule (the scheduler's and the recipe's one way to make one).</summary>
    public ObligationEntry NewEntry(ReportingObligation obligation, ReportingPeriod period, DateTime createdUtc)
    {
        var due = DueDate(obligation, period);
        return new ObligationEntry
        {
            ObligationId = obligation.Id,
            UnitId = obligation.UnitId,
            Period = period.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            DueDate = due,
            DueUtc = EndOfDayUtc(due),
            CreatedUtc = createdUtc,
        };
    }

    /// <summary>Vietnam's calendar date at <paramref name="utc"/>.</summary>
    public static DateOnly VietnamDate(DateTime utc) => DateOnly.FromDateTime(VietnamTime.FromUtc(utc));

    // Day 31 of a 30-day month, 29/02 of a common year: the month's last day.
    private static DateOnly Clamped(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
