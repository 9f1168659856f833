using System.Globalization;

namespace CucThongKe.Core.Data;

/// <summary>Working days in Vietnam: Monday to Friday, less the public holidays of the Labour Code 2019 (Điều 112) and the days
/// an operator adds; the site's one calendar (the approval chain's deadlines, the reporting obligations, the maintenance notice).</summary>
/// <remarks>
/// Public holidays: 1/1; Tết Nguyên đán, the last day of the lunar year and the first four of the new one; Giỗ Tổ Hùng Vương
/// (10/3 lunar); 30/4; 1/5; 2/9 with one adjacent day (the one that joins a weekend: 1/9 when 2/9 is a Tuesday, Wednesday,
/// Friday or Saturday, else 3/9). A holiday on a Saturday or Sunday gives the next working day off (Điều 112.3). Lunar dates
/// come from .NET's <see cref="ChineseLunisolarCalendar"/>, which agrees with the Vietnamese calendar in the years the site
/// will see (they differed in 1985 and 2007). What the government decides each year (days swapped to make a longer Tết,
/// the 2/9 adjacent day when it chooses the other one) is added with <paramref name="extraDaysOff"/> and
/// <paramref name="extraWorkingDays"/>.
/// </remarks>
public sealed class WorkingCalendar(IEnumerable<DateOnly>? extraDaysOff = null, IEnumerable<DateOnly>? extraWorkingDays = null)
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> Holidays = new();
    private readonly HashSet<DateOnly> _extraDaysOff = [.. extraDaysOff ?? []];
    private readonly HashSet<DateOnly> _extraWorkingDays = [.. extraWorkingDays ?? []];

    /// <summary>Saturday or Sunday (the weekly rest; holidays are <see cref="IsWorkingDay"/>'s).</summary>
    public static bool IsWeekend(DateTime day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The first day of the lunar year that starts in <paramref name="year"/> (Mùng 1 Tết).</summary>
    public static DateOnly LunarNewYear(int year) => DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));

    /// <summary>Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month (the month after a leap 2nd month when there is one).</summary>
    public static DateOnly HungKingsDay(int year)
    {
        // GetLeapMonth answers the index of the leap month (4 when the leap month follows the 3rd); 0 when none.
        var leap = Lunar.GetLeapMonth(year);
        var thirdMonth = leap is > 0 and <= 3 ? 4 : 3;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, thirdMonth, 10, 0, 0, 0, 0));
    }

    /// <summary>The statutory days off of <paramref name="year"/> (Gregorian), compensation days included, in order.</summary>
    public static IReadOnlyList<DateOnly> PublicHolidays(int year)
    {
        var tet = LunarNewYear(year);
        var national = new DateOnly(year, 9, 2);
        var adjacent = national.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Friday or DayOfWeek.Saturday
            ? national.AddDays(-1)
            : national.AddDays(1);
        var days = new SortedSet<DateOnly>
        {
            new(year, 1, 1),
            tet.AddDays(-1), tet, tet.AddDays(1), tet.AddDays(2), tet.AddDays(3),
            HungKingsDay(year),
            new(year, 4, 30), new(year, 5, 1),
            national, adjacent,
        };

        // A holiday on a weekend: the next day that is neither a weekend nor a holiday is off instead (Điều 112.3).
        var compensation = new SortedSet<DateOnly>();
        foreach (var day in days.Where(IsWeekend))
        {
            var next = day.AddDays(1);
            while (IsWeekend(next) || days.Contains(next) || compensation.Contains(next))
            {
                next = next.AddDays(1);
            }

            compensation.Add(next);
        }

        days.UnionWith(compensation);
        return [.. days.Where(d => d.Year == year)];
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_extraWorkingDays.Contains(day))
        {
            return true;
        }

        if (IsWeekend(day) || _extraDaysOff.Contains(day))
        {
            return false;
        }

        return !Holidays.GetOrAdd(day.Year, y => [.. PublicHolidays(y)]).Contains(day);
    }

    /// <summary><paramref name="day"/> itself when it is a working day, else the next one (a due date that falls on a day off moves forward).</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (the first working day after it is 1).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count--;
            }
        }

        return day;
    }
}
