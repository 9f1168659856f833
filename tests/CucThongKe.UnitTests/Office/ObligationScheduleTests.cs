using CucThongKe.Core.Data;
using CucThongKe.Office.Obligations;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;

namespace CucThongKe.Tests.Office;

/// <summary>The working calendar (weekends, public holidays, Tết, compensation days) and the due rules of reporting obligations.</summary>
public sealed class ObligationScheduleTests
{
    private static readonly ObligationSchedule Schedule = new(new WorkingCalendar());

    private static ReportingObligation Obligation(ObligationFrequency frequency, DueRuleKind rule, int day, int monthsAfter = 1, int? month = null) => new()
    {
        Id = "x", Title = "Báo cáo", UnitId = "phong-tong-hop", ContentType = "News",
        Frequency = frequency, DueRule = rule, DueDay = day, MonthsAfter = monthsAfter, DueMonth = month,
    };

    private static DateOnly Due(ReportingObligation obligation, DateOnly inPeriod, ObligationSchedule? schedule = null) =>
        (schedule ?? Schedule).DueDate(obligation, ObligationSchedule.PeriodOf(obligation.Frequency, inPeriod));

    [Theory]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void Tet_falls_on_the_first_day_of_the_lunar_year(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingCalendar.LunarNewYear(year));

    [Theory]
    [InlineData(2023, "2023-04-29")] // after a leap second month
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingCalendar.HungKingsDay(year));

    [Fact]
    public void The_holidays_of_2026_are_the_statutory_days_with_a_compensation_day_for_a_sunday()
    {
        var holidays = WorkingCalendar.PublicHolidays(2026).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(
            ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
             "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"],
            holidays);
    }

    [Fact]
    public void A_due_day_on_a_sunday_moves_to_monday()
    {
        var monthly = Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 6);

        Assert.Equal(new DateOnly(2026, 12, 7), Due(monthly, new DateOnly(2026, 11, 15)));
        Assert.Equal(new DateOnly(2026, 12, 7), ObligationSchedule.VietnamDate(ObligationSchedule.EndOfDayUtc(new DateOnly(2026, 12, 7)).AddSeconds(-1)));
        Assert.Equal(new DateTime(2026, 12, 7, 17, 0, 0, DateTimeKind.Utc), ObligationSchedule.EndOfDayUtc(new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void Day_31_is_the_last_day_of_a_short_month_in_common_and_leap_years()
    {
        var endOfMonth = Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 31);

        Assert.Equal(new DateOnly(2026, 3, 2), Due(endOfMonth, new DateOnly(2026, 1, 10))); // 28/02/2026 is a Saturday
        Assert.Equal(new DateOnly(2028, 2, 29), Due(endOfMonth, new DateOnly(2028, 1, 10))); // a Tuesday of a leap year
        Assert.Equal(new DateOnly(2026, 5, 4), Due(Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 31, monthsAfter: 0), new DateOnly(2026, 4, 1))); // 30/4, 1/5 off
    }

    [Fact]
    public void A_due_day_in_Tet_moves_past_the_holiday_and_the_weekend()
    {
        var seventeenth = Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 17);

        Assert.Equal(new DateOnly(2026, 2, 23), Due(seventeenth, new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void Working_days_after_the_period_skip_holidays_and_weekends()
    {
        var threeDays = Obligation(ObligationFrequency.Monthly, DueRuleKind.WorkingDaysAfter, 3);
        var tenDaysAfterQuarter = Obligation(ObligationFrequency.Quarterly, DueRuleKind.WorkingDaysAfter, 10);

        Assert.Equal(new DateOnly(2026, 2, 4), Due(threeDays, new DateOnly(2026, 1, 20)));   // ends on a Saturday
        Assert.Equal(new DateOnly(2026, 5, 6), Due(threeDays, new DateOnly(2026, 4, 20)));   // 30/4, 1/5, then the weekend
        Assert.Equal(new DateOnly(2027, 1, 15), Due(tenDaysAfterQuarter, new DateOnly(2026, 11, 1))); // 1/1/2027 off
    }

    [Fact]
    public void A_fixed_date_of_29_February_is_the_28th_in_a_common_year()
    {
        var yearly = Obligation(ObligationFrequency.Yearly, DueRuleKind.FixedDate, 29, month: 2);

        Assert.Equal(new DateOnly(2027, 3, 1), Due(yearly, new DateOnly(2026, 6, 1)));  // 28/02/2027 is a Sunday
        Assert.Equal(new DateOnly(2028, 2, 29), Due(yearly, new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void Days_the_government_adds_off_or_as_working_days_are_followed()
    {
        var monthly = Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 6);
        var withDayOff = new ObligationSchedule(new WorkingCalendar(extraDaysOff: [new DateOnly(2026, 12, 7)]));
        var withSaturdayWorked = new ObligationSchedule(new WorkingCalendar(extraWorkingDays: [new DateOnly(2026, 12, 5)]));

        Assert.Equal(new DateOnly(2026, 12, 8), Due(monthly, new DateOnly(2026, 11, 1), withDayOff));
        Assert.Equal(new DateOnly(2026, 12, 7), Due(Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 5), new DateOnly(2026, 11, 1)));
        Assert.Equal(new DateOnly(2026, 12, 5), Due(Obligation(ObligationFrequency.Monthly, DueRuleKind.DayOfMonth, 5), new DateOnly(2026, 11, 1), withSaturdayWorked));
    }

    [Fact]
    public void Periods_have_keys_bounds_and_parse_back()
    {
        var months = ObligationSchedule.PeriodsBetween(ObligationFrequency.Monthly, new DateOnly(2026, 11, 15), new DateOnly(2027, 1, 1), 24);
        var quarter = ObligationSchedule.PeriodOf(ObligationFrequency.Quarterly, new DateOnly(2026, 11, 15));
        var half = ObligationSchedule.PeriodOf(ObligationFrequency.HalfYearly, new DateOnly(2028, 3, 1));

        Assert.Equal(["2026-11", "2026-12", "2027-01"], months.Select(p => p.Key));
        Assert.Equal(new ReportingPeriod("2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), quarter);
        Assert.Equal(new ReportingPeriod("2028-H1", new DateOnly(2028, 1, 1), new DateOnly(2028, 6, 30)), half);
        Assert.Equal(quarter, ObligationSchedule.Parse(ObligationFrequency.Quarterly, "2026-Q4"));
        Assert.Null(ObligationSchedule.Parse(ObligationFrequency.Quarterly, "2026-Q5"));
        Assert.Null(ObligationSchedule.Parse(ObligationFrequency.Monthly, "2026-Q4"));
        Assert.Null(ObligationSchedule.Parse(ObligationFrequency.Yearly, "abcd"));
        Assert.Equal("quý IV/2026", ReportingPeriod.DisplayName("2026-Q4"));
        Assert.Equal("tháng 11/2026", ReportingPeriod.DisplayName("2026-11"));
        Assert.Single(ObligationSchedule.PeriodsBetween(ObligationFrequency.Monthly, new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 7), 1));
    }

    [Fact]
    public void The_approval_chains_working_days_still_skip_only_weekends()
    {
        // Friday 24/04/2026 10:00 in Vietnam, one working day: Monday 27/04 10:00, though the 27th is a compensation day off.
        var due = DeadlineCalculator.DueUtc(new WorkflowDeadline { WorkingDays = 1 }, new DateTime(2026, 4, 24, 3, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 4, 27, 3, 0, 0, DateTimeKind.Utc), due);
    }
}
