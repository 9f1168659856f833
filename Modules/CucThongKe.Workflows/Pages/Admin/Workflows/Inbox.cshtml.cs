using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>What waits for the signed-in user (by role and unit, overdue and oldest first), and their latest notifications.</summary>
public sealed class InboxModel(WorkflowInbox workflows, WorkflowNotifier notifier, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];

    public IReadOnlyList<WorkflowNotification> Notifications { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = WorkflowActor.From(User);
        Entries = await workflows.InboxAsync(actor, cancellationToken);
        Notifications = await notifier.ListAsync(actor.UserName, 20, cancellationToken);
        NowUtc = clock.GetUtcNow().UtcDateTime;
    }
}
