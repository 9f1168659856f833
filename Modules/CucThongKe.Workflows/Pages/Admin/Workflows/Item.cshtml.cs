using CucThongKe.Contents.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>An item's place in its workflow: the state, the record of every step, and a button for each step the user may take now.</summary>
public sealed class ItemModel(WorkflowService workflows, EmergencyPublication emergency, FailureStatuses failures) : PageModel
{
    public WorkflowStatus Status { get; private set; } = null!;

    public string? ErrorMessage { get; private set; }

    /// <summary>A step of the record as people read it: a transition's name, or the name of an event outside the transitions.</summary>
    public string StepName(WorkflowStep step) => step.Transition switch
    {
        WorkflowStep.Events.EmergencyPublish => "Đăng khẩn cấp",
        WorkflowStep.Events.UnitTransfer => "Chuyển đơn vị",
        _ => Status.Definition.FindTransition(step.Transition)?.DisplayName ?? step.Transition,
    };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        return refused ?? Page();
    }

    public Task<IActionResult> OnPostAsync(string id, string? transition, string? comment, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflows.TransitionAsync(id, transition ?? "", comment, expectedVersion, WorkflowActor.From(User), cancellationToken), "Đã chuyển bước.", cancellationToken);

    public Task<IActionResult> OnPostEmergencyAsync(string id, string? reason, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, () => emergency.PublishAsync(id, reason, expectedVersion, WorkflowActor.From(User), cancellationToken), "Đã đăng khẩn cấp; Ban Biên tập đã được báo.", cancellationToken);

    private async Task<IActionResult> ActAsync(string id, Func<Task> act, string done, CancellationToken cancellationToken)
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
        return Redirect($"/admin/quy-trinh/noi-dung/{id}");
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
