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
    public void The_holidays_of_2027_move_a_weekend_Tet_and_1_May_to_the_next_working_days()
    {
        var holidays = WorkingCalendar.PublicHolidays(2027).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // Mùng 1 Tết Đinh Mùi is Saturday 06/02/2027: its Saturday and Sunday give 10/02 and 11/02; 1/5 a Saturday gives 3/5.
        Assert.Equal(
            ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
             "2027-04-16", "2027-04-30", "2027-05-01", "2027-05-03", "2027-09-02", "2027-09-03"],
            holidays);
    }

    private static readonly WorkingCalendar Calendar = new();

    private static DateTime? ChainDue(WorkflowDeadline deadline, int month, int day, int hour, int year = 2026, WorkingCalendar? calendar = null) =>
        DeadlineCalculator.DueUtc(deadline, VietnamTime.ToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified)), calendar ?? Calendar);

    private static DateTime Vietnam(int year, int month, int day, int hour) => VietnamTime.ToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified));

    [Fact]
    public void The_approval_chains_working_days_skip_Tet_and_the_public_holidays()
    {
        var oneDay = new WorkflowDeadline { WorkingDays = 1 };
        var twoDays = new WorkflowDeadline { WorkingDays = 2 };

        // Friday 13/02/2026 10:00, one working day: Tết runs 16–20/02 (with the weekends, 14–22/02), so Monday 23/02 10:00.
        Assert.Equal(Vietnam(2026, 2, 23, 10), ChainDue(oneDay, 2, 13, 10));

        // Wednesday 29/04/2026, two working days: 30/4 and 1/5 off, then the weekend: Tuesday 05/05.
        Assert.Equal(Vietnam(2026, 5, 5, 10), ChainDue(twoDays, 4, 29, 10));

        // Friday 24/04/2026, one working day: Monday 27/04 is the day off for Giỗ Tổ on a Sunday, so Tuesday 28/04.
        Assert.Equal(Vietnam(2026, 4, 28, 10), ChainDue(oneDay, 4, 24, 10));

        // Thursday 04/02/2027, two working days: Tết Đinh Mùi with its compensation days (05–11/02), so Friday 12/02 and Monday 15/02.
        Assert.Equal(Vietnam(2027, 2, 15, 9), ChainDue(twoDays, 2, 4, 9, year: 2027));

        // Outside the holidays only the weekend is skipped: Friday 27/11/2026 10:00 plus one is Monday 30/11 10:00.
        Assert.Equal(Vietnam(2026, 11, 30, 10), ChainDue(oneDay, 11, 27, 10));

        // Hours are hours, holidays or not.
        Assert.Equal(Vietnam(2026, 2, 17, 10), ChainDue(new WorkflowDeadline { Hours = 24 }, 2, 16, 10));
    }

    [Fact]
    public void The_same_day_answer_of_a_question_received_on_a_day_off_is_due_at_the_end_of_the_next_working_day()
    {
        var sameDay = new WorkflowDeadline { SameDay = true };

        // A working day: its own end (Điều 9.3). Mùng 1 Tết 2026 (17/02): the end of Monday 23/02. Saturday 02/05/2026: Monday 04/05.
        Assert.Equal(Vietnam(2026, 12, 8, 0), ChainDue(sameDay, 12, 7, 15));
        Assert.Equal(Vietnam(2026, 2, 24, 0), ChainDue(sameDay, 2, 17, 8));
        Assert.Equal(Vietnam(2026, 5, 5, 0), ChainDue(sameDay, 5, 2, 8));
    }

    [Fact]
    public void The_days_the_government_swaps_count_for_the_chain_too()
    {
        // 2026: Friday 02/01 off for Saturday 10/01 worked; Monday 31/08 off for Saturday 22/08 worked (the decisions in appsettings.json).
        var decided = new WorkingCalendar(extraDaysOff: [new DateOnly(2026, 1, 2), new DateOnly(2026, 8, 31)], extraWorkingDays: [new DateOnly(2026, 1, 10), new DateOnly(2026, 8, 22)]);
        var oneDay = new WorkflowDeadline { WorkingDays = 1 };

        Assert.Equal(Vietnam(2026, 1, 5, 9), ChainDue(oneDay, 12, 31, 9, year: 2025, calendar: decided));
        Assert.Equal(Vietnam(2026, 1, 10, 9), ChainDue(oneDay, 1, 9, 9, calendar: decided));
        Assert.Equal(Vietnam(2026, 9, 3, 9), ChainDue(oneDay, 8, 28, 9, calendar: decided));
        Assert.Equal(Vietnam(2026, 8, 22, 9), ChainDue(oneDay, 8, 21, 9, calendar: decided));
    }
}
