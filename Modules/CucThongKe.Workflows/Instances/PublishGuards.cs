using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>A confidential legal document (tài liệu mật, Điều 9.2) is never published, by any path: workflow, import, schedule or direct.</summary>
internal sealed class ConfidentialDocumentGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(WorkflowService.IsConfidential(version) ? "Tài liệu mật (Điều 9.2) không bao giờ được đăng." : null);
}

/// <summary>The workflow's own path publishes only the version the board head approved, while the item is still approved.</summary>
/// <remarks>
/// Also holds for a scheduled publication: if the content changed after approval, the schedule is refused when it falls due.
/// A type naming a workflow that has no definition yet has no chain this module could run; the platform's own guard
/// (only the workflow's path or a recorded import) is then the rule.
/// </remarks>
internal sealed class ApprovedVersionGuard(CmsDbContext db, WorkflowDefinitionStore definitions) : IPublishGuard
{
    public async Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        if (request.Source != PublishSource.Workflow || string.IsNullOrEmpty(type.Definition.Settings.Workflow) ||
            await definitions.GetAsync(type.Definition.Settings.Workflow, cancellationToken) is null)
        {
            return null;
        }

        // Find, not a query: inside a transition the instance is already tracked with the approval it is about to save.
        var instance = await db.Set<WorkflowInstance>().FindAsync([version.ContentItemId], cancellationToken);
        return instance?.ApprovedVersionId == version.Id
            ? null
            : "Chỉ được đăng đúng phiên bản Trưởng Ban đã duyệt.";
    }
}
