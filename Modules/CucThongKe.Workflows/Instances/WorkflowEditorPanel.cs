using System.Security.Claims;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>What the edit page shows of the chain: the step, its deadline, the last comments (the last return's first) and the
/// steps the person may take now, each a form posting to the workflow page's own handler (same checks, same record).</summary>
public sealed record WorkflowEditorPanelModel(WorkflowStatus Status, WorkflowStep? LastReturn, IReadOnlyList<WorkflowStep> LastComments)
{
    /// <summary>How many comments the panel shows; the whole record is on the workflow page.</summary>
    public const int CommentCount = 3;

    public string EditUrl => $"/admin/contents/{Status.Item.ContentItemId}/edit";

    public string WorkflowUrl => $"/admin/quy-trinh/noi-dung/{Status.Item.ContentItemId}";

    /// <summary>A state by its Vietnamese name.</summary>
    public string StateName(string? state) => state is null ? "" : Status.Definition.FindState(state)?.DisplayName ?? state;
}

internal sealed class WorkflowEditorPanel(IContentGovernance governance, WorkflowService workflows) : IEditorPanelProvider
{
    public async Task<EditorPanel?> BuildAsync(ContentItem item, ResolvedContentType type, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (governance.GoverningProcess(type) is null || user.Identity?.Name is null)
        {
            return null;
        }

        WorkflowStatus status;
        try
        {
            status = await workflows.GetStatusAsync(item.ContentItemId, WorkflowActor.From(user), cancellationToken);
        }
        catch (WorkflowNotFoundException)
        {
            return null;
        }

        var returned = status.Record.LastOrDefault(s => status.Definition.FindState(s.ToState)?.Kind == WorkflowStateKind.Returned && s.Comment is not null);
        var comments = status.Record.Where(s => s.Comment is not null).TakeLast(WorkflowEditorPanelModel.CommentCount).Reverse().ToList();
        return new EditorPanel("EditorPanels/Workflow", new WorkflowEditorPanelModel(status, returned, comments));
    }
}
