using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Deadlines: tells the escalation roles about items that waited too long in a state.</summary>
public sealed class WorkflowEscalation(CmsDbContext db, WorkflowDefinitionStore definitions, WorkflowNotifier notifier, TimeProvider clock)
{
    /// <summary>Tells the escalation roles about every item whose state's deadline has passed (once per state entry).</summary>
    /// <returns>How many items were escalated.</returns>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Set<WorkflowInstance>().Where(i => i.DueUtc != null && i.DueUtc <= now && i.EscalatedUtc == null)
            .OrderBy(i => i.DueUtc).Take(200).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var instance in overdue)
        {
            var definition = await definitions.GetAsync(instance.WorkflowName, cancellationToken);
            var deadline = definition?.FindState(instance.State)?.Deadline;
            instance.EscalatedUtc = now;
            instance.Revision++;
            if (deadline is not null)
            {
                var title = await db.Set<ContentItem>().Where(c => c.ContentItemId == instance.ContentItemId && c.Latest).Select(c => c.DisplayText).FirstOrDefaultAsync(cancellationToken);
                var state = definition!.FindState(instance.State)!;
                var message = $"Quá hạn: '{title}' chờ ở bước '{state.DisplayName}' từ {VietnamTime.Format(instance.StateEnteredUtc)}, hạn {VietnamTime.Format(instance.DueUtc)} (giờ Việt Nam).";
                await notifier.NotifyRolesAsync(deadline.EscalateTo, deadline.EscalateSameUnit ? instance.UnitId : null, instance.ContentItemId, message, "deadline", cancellationToken);
                if (deadline.EscalateToUnit.Count > 0 && instance.UnitId is not null)
                {
                    await notifier.NotifyRolesAsync(deadline.EscalateToUnit, instance.UnitId, instance.ContentItemId, message, "deadline", cancellationToken);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone moved the item (or another node escalated it) meanwhile: nothing is due for this state entry any more.
                db.ChangeTracker.Clear();
            }
        }

        return escalated;
    }
}
