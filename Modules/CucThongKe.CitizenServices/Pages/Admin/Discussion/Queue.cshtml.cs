using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Discussion;

/// <summary>The moderators' queue of readers' comments: accept (shown under the item) or reject with a reason, each recorded.</summary>
[Authorize(Policy = "ModerateComments")]
public sealed class QueueModel(Discussions discussions, FailureStatuses failures) : PageModel
{
    /// <summary>The queue's tabs: the address value, the status, the name.</summary>
    public static readonly IReadOnlyList<(string Key, CommentStatus Status, string Name)> Tabs =
    [
        ("cho-duyet", CommentStatus.Pending, "Chờ duyệt"),
        ("da-duyet", CommentStatus.Accepted, "Đã duyệt"),
        ("tu-choi", CommentStatus.Rejected, "Đã từ chối"),
    ];

    [FromQuery(Name = "trang-thai")]
    public string? Tab { get; set; }

    [FromQuery(Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public CommentStatus Status { get; private set; }

    /// <summary>The address value of the tab shown.</summary>
    public string TabKey => Tabs.First(t => t.Status == Status).Key;

    public PagedList<QueuedComment> Comments { get; private set; } = new([], 1, Discussions.QueuePageSize, 0);

    public string? Error { get; private set; }

    /// <summary>The comment the error is about, and the reason typed, kept in the form.</summary>
    public long? ErrorFor { get; private set; }

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Load())
        {
            return BadRequest();
        }

        Comments = await discussions.QueueAsync(Status, PageNumber, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken) =>
        DecideAsync(id, null, () => discussions.AcceptAsync(id, User.Identity!.Name!, cancellationToken), "Đã duyệt ý kiến; ý kiến hiển thị dưới nội dung.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, reason, () => discussions.RejectAsync(id, User.Identity!.Name!, reason, cancellationToken), "Đã từ chối ý kiến.", cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, string? reason, Func<Task<Comment>> decide, string done, CancellationToken cancellationToken)
    {
        Load();
        try
        {
            await decide();
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            ErrorFor = id;
            Reason = reason;
            Comments = await discussions.QueueAsync(Status, PageNumber, cancellationToken);
            return Page();
        }

        TempData["Message"] = done;
        return Redirect($"/admin/y-kien?trang-thai={TabKey}&trang={PageNumber}");
    }

    private bool Load()
    {
        ViewData["Title"] = "Kiểm duyệt ý kiến bạn đọc";
        var tab = Tabs.FirstOrDefault(t => t.Key == (string.IsNullOrEmpty(Tab) ? "cho-duyet" : Tab));
        Status = tab.Key is null ? CommentStatus.Pending : tab.Status;
        PageNumber = Math.Clamp(PageNumber, 1, PublicContent.MaxPage);
        return tab.Key is not null;
    }
}
