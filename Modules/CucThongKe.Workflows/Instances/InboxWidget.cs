using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;

namespace CucThongKe.Workflows.Instances;

/// <summary>The dashboard's "open tasks" block: how many items wait for the user in the approval chain, and the first few of them.</summary>
internal sealed class InboxWidget(WorkflowInbox workflows) : IDashboardWidget
{
    /// <summary>How many waiting items the dashboard lists; the inbox has them all.</summary>
    public const int Shown = 5;

    public int Order => 10;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The inbox's own order: overdue first, then the longest waiting.
        var entries = await workflows.InboxAsync(WorkflowActor.From(user), cancellationToken);
        var overdue = entries.Count(e => e.Overdue);
        var headline = entries.Count == 0
            ? "Không có nội dung nào đang chờ bạn."
            : $"{entries.Count.ToString(CultureInfo.InvariantCulture)} nội dung đang chờ bạn xử lý" + (overdue > 0 ? $", {overdue.ToString(CultureInfo.InvariantCulture)} quá hạn." : ".");
        var links = entries.Take(Shown).Select(e => new DashboardLink(
            e.Title ?? e.Instance.ContentItemId,
            $"/admin/quy-trinh/noi-dung/{e.Instance.ContentItemId}",
            $"{e.State.DisplayName}, từ {VietnamTime.Format(e.Instance.StateEnteredUtc)}"
                + (e.Instance.DueUtc is { } due ? $", hạn {VietnamTime.Format(due)}" : "") + (e.Overdue ? " — quá hạn" : ""),
            e.Overdue)).ToList();
        return new DashboardBlock("Việc chờ tôi xử lý", headline, [], links, new DashboardLink("Xem tất cả việc chờ xử lý", "/admin/quy-trinh"));
    }
}
