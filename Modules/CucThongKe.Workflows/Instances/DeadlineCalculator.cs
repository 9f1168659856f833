using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>When a state's deadline falls: hours, working days or the end of the working day, all in Vietnam time, on the
/// site's one <see cref="WorkingCalendar"/> (weekends, the public holidays and Tết, the days the government swaps).</summary>
public static class DeadlineCalculator
{
    public static DateTime? DueUtc(WorkflowDeadline? deadline, DateTime enteredUtc, WorkingCalendar calendar)
    {
        if (deadline is null)
        {
            return null;
        }

        if (deadline.Hours is { } hours)
        {
            return enteredUtc.AddHours(hours);
        }

        var local = VietnamTime.FromUtc(enteredUtc);
        if (deadline.SameDay)
        {
            // "The same day" (Điều 9.3) is a working day's: a question that arrives during Tết is reported on the first day back.
            var day = calendar.OnOrNextWorkingDay(DateOnly.FromDateTime(local));
            return VietnamTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        }

        if (deadline.WorkingDays is { } days)
        {
            // Counted from the moment of entry: entered Friday 10:00 with one working day, due Monday 10:00 (or the next
            // working day's 10:00 after a holiday).
            var due = calendar.AddWorkingDays(DateOnly.FromDateTime(local), days);
            return VietnamTime.ToUtc(due.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)));
        }

        return null;
    }
}
