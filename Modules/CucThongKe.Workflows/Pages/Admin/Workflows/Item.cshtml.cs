using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>An item's place in its workflow: the state, the record of every step, and a button for each step the user may take now.</summary>
public sealed class ItemModel(WorkflowService workflows, EmergencyPublication emergency, FailureStatuses failures, ContentManager contents, ContentDiffer differ) : PageModel
{
    public WorkflowStatus Status { get; private set; } = null!;

    /// <summary>The version the reader last acted on in the chain (the one they last reviewed), if any.</summary>
    public int? SeenVersion { get; private set; }

    /// <summary>What changed since <see cref="SeenVersion"/>, when the item has a newer version since.</summary>
    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>Whether the reader may edit the item (the edit link is shown only then).</summary>
    public bool CanEdit => ContentAccess.CanEdit(User, Status.Item);

    /// <summary>A step of the record as people read it: a transition's name, or the name of an event outside the transitions.</summary>
    public string StepName(WorkflowStep step) => step.Transition switch
    {
        WorkflowStep.Events.EmergencyPublish => "Đăng khẩn cấp",
        WorkflowStep.Events.UnitTransfer => "Chuyển đơn vị",
        WorkflowStep.Events.Trash => "Chuyển vào thùng rác",
        WorkflowStep.Events.Restore => "Khôi phục từ thùng rác",
        WorkflowStep.Events.Delete => "Xoá vĩnh viễn",
        WorkflowStep.Events.Purge => "Xoá vĩnh viễn (hết hạn thùng rác)",
        _ => Status.Definition.FindTransition(step.Transition)?.DisplayName ?? step.Transition,
    };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        // The reviewer reads what changed since their last step, not the whole item again.
        SeenVersion = Status.Record.LastOrDefault(s => s.UserName == User.Identity?.Name && s.ContentVersion > 0)?.ContentVersion;
        if (SeenVersion is { } seen && seen < Status.Item.Version
            && (await contents.GetVersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == seen) is { } before)
        {
            Changes = await differ.CompareAsync(before, Status.Item, cancellationToken);
        }

        return Page();
    }

    /// <param name="quayLai">The item's edit page, when the step was taken from its panel: the answer goes back there.</param>
    public Task<IActionResult> OnPostAsync(string id, string? transition, string? comment, int? expectedVersion, string? quayLai, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflows.TransitionAsync(id, transition ?? "", comment, expectedVersion, WorkflowActor.From(User), cancellationToken), "Đã chuyển bước.", cancellationToken,
            quayLai == $"/admin/contents/{id}/edit" ? quayLai : null);

    public Task<IActionResult> OnPostEmergencyAsync(string id, string? reason, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, () => emergency.PublishAsync(id, reason, expectedVersion, WorkflowActor.From(User), cancellationToken), "Đã đăng khẩn cấp; Ban Biên tập đã được báo.", cancellationToken);

    private async Task<IActionResult> ActAsync(string id, Func<Task> act, string done, CancellationToken cancellationToken, string? back = null)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        try
        {
            await act();
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            // The chain's refusals, and the engine's when a step publishes (a publish guard, a conflict), shown on the page.
            ErrorMessage = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Message"] = done;
        return Redirect(back ?? $"/admin/quy-trinh/noi-dung/{id}");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Status = await workflows.GetStatusAsync(id, WorkflowActor.From(User), cancellationToken);
        }
        catch (WorkflowNotFoundException)
        {
            return NotFound();
        }

        // The item's own unit (the instance follows it on a transfer), by the one rule of the content pages.
        return ContentAccess.CanViewUnit(User, Status.Item.UnitId) ? null : Forbid();
    }
}
