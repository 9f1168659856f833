using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Feedback;

/// <summary>One feedback: its text and sender (for the unit that answers), category and status, and the reply.</summary>
/// <remarks>Seen by whoever sees the item's unit; changed by whoever edits it (Contents' unit rules): another unit's feedback is 403.</remarks>
public sealed class DetailModel(FeedbackDesk desk, FeedbackCategories categories, UnitsInEffect units, CitizenTriage triage, FailureStatuses failures) : PageModel
{
    public FeedbackDetail Feedback { get; private set; } = null!;

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    public string UnitName { get; private set; } = "";

    public bool MayChange { get; private set; }

    public bool MayMove { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? CategoryId { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => LoadAsync(id, change: false, cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => desk.UpdateAsync(Feedback, Status, CategoryId, cancellationToken), () => "Đã lưu chủ đề và trạng thái.", cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => desk.ReplyAsync(Feedback, Reply, User.Identity!.Name!, cancellationToken),
            () => Feedback.Text("SenderEmail") is { Length: > 0 } ? "Đã lưu câu trả lời và gửi tới thư điện tử của người góp ý." : "Đã lưu câu trả lời (người góp ý không để lại thư điện tử).", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, Func<Task> change, Func<string> done, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, change: true, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        try
        {
            await change();
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            return Page();
        }

        TempData["Message"] = done();
        return Redirect($"/admin/gop-y/{id}");
    }

    private async Task<IActionResult> LoadAsync(string id, bool change, CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(id, cancellationToken) is not { } feedback)
        {
            return NotFound();
        }

        if (!ContentAccess.CanView(User, feedback.Item) || (change && !ContentAccess.CanEdit(User, feedback.Item)))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Feedback = feedback;
        MayChange = ContentAccess.CanEdit(User, feedback.Item);
        MayMove = triage.MayMove(User, feedback.Item);
        Categories = await categories.ListAsync(cancellationToken);
        UnitName = (await units.ListAsync(cancellationToken)).FirstOrDefault(u => u.Id == feedback.Item.UnitId)?.Name ?? feedback.Item.UnitId ?? "";
        if (!change)
        {
            Status = feedback.Case.Status.ToString();
            CategoryId = feedback.Case.CategoryId;
        }

        ViewData["Title"] = "Góp ý " + feedback.Code;
        return Page();
    }
}
