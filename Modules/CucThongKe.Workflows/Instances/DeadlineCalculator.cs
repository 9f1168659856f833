using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>When a state's deadline falls: hours, working days (Monday to Friday) or the end of the day, all in Vietnam time.</summary>
/// <remarks>Working days here skip weekends only, not public holidays: a deadline of hours-to-days in the chain was always
/// counted that way (see <see cref="WorkingCalendar"/> for the calendar with holidays that reporting obligations use).</remarks>
public static class DeadlineCalculator
{

    public static DateTime? DueUtc(WorkflowDeadline? deadline, DateTime enteredUtc)
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
            return VietnamTime.ToUtc(local.Date.AddDays(1));
        }

        if (deadline.WorkingDays is { } days)
        {
            // Counted from the moment of entry: entered Friday 10:00 with one working day, due Monday 10:00.
            var due = local;
            var added = 0;
            while (added < days)
            {
                due = due.AddDays(1);
                if (!WorkingCalendar.IsWeekend(due))
                {
                    added++;
                }
            }

            return VietnamTime.ToUtc(due);
        }

        return null;
    }
}
