using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>A confidential legal document (tài liệu mật, Điều 9.2) is never published, by any path: workflow, import, schedule or direct.</summary>
internal sealed class ConfidentialDocumentGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(WorkflowService.IsConfidential(version) ? "Tài liệu mật (Điều 9.2) không bao giờ được đăng." : null);
}

/// <summary>The workflow's own path publishes only the version the board head approved, while the item is still approved.</summary>
/// <remarks>
/// Reads an explicit fact: a transition that publishes names the approval it publishes (<see cref="PublishRequest.ApprovedVersionId"/>,
/// taken from the instance it has just saved in the same unit of work). A workflow publication that names none (a schedule
/// falling due) is held to the approval stored now: if the content changed after approval, the schedule is refused.
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

        var approved = request.ApprovedVersionId ?? await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.ContentItemId == version.ContentItemId).Select(i => i.ApprovedVersionId).FirstOrDefaultAsync(cancellationToken);
        return approved == version.Id
            ? null
            : "Chỉ được đăng đúng phiên bản Trưởng Ban đã duyệt.";
    }
}
