using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>What waits for the signed-in user (by role and unit, overdue and oldest first), and their latest notifications.</summary>
public sealed class InboxModel(WorkflowInbox workflows, WorkflowNotifier notifier, TimeProvider clock) : PageModel
{
    public InboxPage Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<InboxEntry> Entries => Result.Entries;

    public IReadOnlyList<WorkflowNotification> Notifications { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    /// <param name="trang">The page ("page" is Razor Pages' own route value); a number out of range, or none, shows the nearest page.</param>
    public async Task OnGetAsync(int trang = 1, CancellationToken cancellationToken = default)
    {
        var actor = WorkflowActor.From(User);
        Result = await workflows.PageAsync(actor, trang, cancellationToken);
        Notifications = await notifier.ListAsync(actor.UserName, 20, cancellationToken);
        NowUtc = clock.GetUtcNow().UtcDateTime;
    }
}
