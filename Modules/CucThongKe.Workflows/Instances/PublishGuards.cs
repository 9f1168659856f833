using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

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
        // A prospective check (could this version ever be published?) is not about the moment's approval.
        if (request.Source != PublishSource.GoverningProcess || request.Prospective || type.WorkflowName() is not { } workflow ||
            await definitions.GetAsync(workflow, cancellationToken) is null)
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
