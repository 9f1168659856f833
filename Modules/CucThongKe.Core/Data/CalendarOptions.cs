namespace CucThongKe.Core.Data;

/// <summary>The <c>Cms:Calendar</c> section: the days the government adds to the built-in <see cref="WorkingCalendar"/>
/// (Tết swaps, the other day beside 2/9), for the site's own working-day rules (the downtime notice).</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Cms:Calendar";

    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    public List<DateOnly> ExtraWorkingDays { get; set; } = [];
}
