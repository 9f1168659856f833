using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>
/// Which steps of the chain an item may leave for the trash or a deletion: a draft, a returned, a taken-down or a rejected item.
/// </summary>
/// <remarks>
/// Not an item in review or approved: it is in a reviewer's hands, with a deadline, and would vanish from their inbox and cut
/// a round of separation of duties (return or withdraw it first). Not a published one: taking it off the public site is its own
/// recorded step with a reason (unpublish first). Not an archived one: archiving is keeping it for the record (Điều 8.2), the
/// opposite of discarding it.
/// </remarks>
internal sealed class WorkflowRemovalGuard(CmsDbContext db, WorkflowDefinitionStore definitions, ContentDefinitionManager contentDefinitions) : IContentRemovalGuard
{
    public static readonly WorkflowStateKind[] RemovableKinds = [WorkflowStateKind.Draft, WorkflowStateKind.Returned, WorkflowStateKind.Unpublished, WorkflowStateKind.Rejected];

    public async Task<IReadOnlyDictionary<string, string>> RefusalsAsync(IReadOnlyList<ContentItem> items, ContentRemovalKind kind, CancellationToken cancellationToken)
    {
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        if (kind is not (ContentRemovalKind.Trash or ContentRemovalKind.Delete))
        {
            return refusals;
        }

        var governed = new List<string>();
        foreach (var type in items.Select(i => i.ContentType).Distinct(StringComparer.Ordinal))
        {
            if ((await contentDefinitions.GetResolvedTypeAsync(type, cancellationToken))?.WorkflowName() is not null)
            {
                governed.Add(type);
            }
        }

        var ids = items.Where(i => governed.Contains(i.ContentType)).Select(i => i.ContentItemId).ToList();
        if (ids.Count == 0)
        {
            return refusals;
        }

        var all = (await definitions.ListAsync(cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var instances = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => ids.Contains(i.ContentItemId)).ToListAsync(cancellationToken);
        foreach (var instance in instances)
        {
            var state = all.GetValueOrDefault(instance.WorkflowName)?.FindState(instance.State);
            if (state is null || !RemovableKinds.Contains(state.Kind))
            {
                var what = kind == ContentRemovalKind.Trash ? "chuyển vào thùng rác" : "xoá";
                refusals[instance.ContentItemId] = state?.Kind switch
                {
                    WorkflowStateKind.Published => $"Nội dung đang ở bước '{state.DisplayName}': hãy gỡ xuống trước khi {what}.",
                    WorkflowStateKind.Archived => $"Nội dung đã lưu trữ được giữ làm hồ sơ, không {what} được.",
                    _ => $"Nội dung đang ở bước '{state?.DisplayName ?? instance.State}', đang chờ người duyệt: hãy trả lại hoặc rút về trước khi {what}.",
                };
            }
        }

        return refusals;
    }
}
