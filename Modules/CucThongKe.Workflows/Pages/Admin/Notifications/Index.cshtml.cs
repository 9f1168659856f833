using CucThongKe.Workflows.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Notifications;

/// <summary>The signed-in user's notifications, newest first; one or all of them marked read.</summary>
public sealed class IndexModel(WorkflowNotifier notifier) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<WorkflowNotification> Notifications { get; private set; } = [];

    public int Unread { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(int? trang, CancellationToken cancellationToken)
    {
        var total = await notifier.CountAsync(UserName, cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(trang ?? 1, 1, PageCount);
        Notifications = await notifier.PageAsync(UserName, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        Unread = await notifier.UnreadCountAsync(UserName, cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, int? trang, CancellationToken cancellationToken)
    {
        if (!await notifier.MarkReadAsync(UserName, id, cancellationToken))
        {
            return NotFound();
        }

        return RedirectToPage(new { trang });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var count = await notifier.MarkAllReadAsync(UserName, cancellationToken);
        TempData["Message"] = count == 0 ? "Không có thông báo nào chưa đọc." : $"Đã đánh dấu {count} thông báo là đã đọc.";
        return RedirectToPage();
    }

    private string UserName => User.Identity!.Name!;
}
