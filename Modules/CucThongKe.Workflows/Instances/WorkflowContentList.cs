using System.Security.Claims;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>The content list's "Bước duyệt" column and filter, with the saved filters "bản nháp của tôi", "đang chờ tôi" and
/// "bị trả lại cho tôi" (Contents' <see cref="IContentListExtension"/>: Contents knows nothing of the chain).</summary>
internal sealed class WorkflowContentList(CmsDbContext db, WorkflowDefinitionStore definitions, WorkflowInbox inbox, TimeProvider clock) : IContentListExtension
{
    public const string MyDrafts = "nhap-cua-toi";
    public const string WaitingForMe = "cho-toi";
    public const string ReturnedToMe = "tra-lai-toi";

    public string Key => "buoc";

    public string Label => "Bước duyệt";

    public IReadOnlyList<ContentListChoice> SavedFilters { get; } =
    [
        new(MyDrafts, "Bản nháp của tôi"),
        new(WaitingForMe, "Đang chờ tôi"),
        new(ReturnedToMe, "Bị trả lại cho tôi"),
    ];

    public async Task<IReadOnlyList<ContentListChoice>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // One choice per state name: the chains share their states' names (Draft, UnitReview...); the first chain's wording is shown.
        var states = (await definitions.ListAsync(cancellationToken)).SelectMany(d => d.States).DistinctBy(s => s.Name)
            .Select(s => new ContentListChoice(s.Name, s.DisplayName));
        return [.. states, .. SavedFilters];
    }

    public async Task<IQueryable<ContentItem>?> FilterAsync(IQueryable<ContentItem> items, string value, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await definitions.ListAsync(cancellationToken);
        var me = user.Identity?.Name ?? "";
        var instances = db.Set<WorkflowInstance>().AsNoTracking();
        switch (value)
        {
            case MyDrafts:
                instances = InStates(instances.Where(i => i.Author == me), all, WorkflowStateKind.Draft);
                break;
            case ReturnedToMe:
                instances = InStates(instances.Where(i => i.Author == me), all, WorkflowStateKind.Returned);
                break;
            case WaitingForMe:
                // The inbox's own rules (roles, unit, separation of duties), not a copy of them.
                var waiting = (await inbox.InboxAsync(WorkflowActor.From(user), cancellationToken)).Select(e => e.Instance.ContentItemId).ToList();
                instances = instances.Where(i => waiting.Contains(i.ContentItemId));
                break;
            default:
                if (!all.Any(d => d.FindState(value) is not null))
                {
                    return null;
                }

                instances = instances.Where(i => i.State == value);
                break;
        }

        return items.Where(c => instances.Any(i => i.ContentItemId == c.ContentItemId));
    }

    public async Task<IReadOnlyDictionary<string, ContentListCell>> CellsAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken)
    {
        var all = (await definitions.ListAsync(cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => contentItemIds.Contains(i.ContentItemId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(i => i.ContentItemId, i =>
        {
            var state = all.GetValueOrDefault(i.WorkflowName)?.FindState(i.State);
            var late = i.DueUtc <= now;
            return new ContentListCell((state?.DisplayName ?? i.State) + (late ? " (quá hạn)" : ""), late, $"/admin/quy-trinh/noi-dung/{i.ContentItemId}");
        });
    }

    private static IQueryable<WorkflowInstance> InStates(IQueryable<WorkflowInstance> instances, IEnumerable<WorkflowDefinition> all, WorkflowStateKind kind)
    {
        // The pair (chain, state): two chains may give one state name different kinds.
        var pairs = all.SelectMany(d => d.States.Where(s => s.Kind == kind).Select(s => d.Name + "/" + s.Name)).ToList();
        return instances.Where(i => pairs.Contains(i.WorkflowName + "/" + i.State));
    }
}

/// <summary>A bulk action of the content list that takes, for each selected item, the one step of its chain that fits the action
/// from where the item stands, through <see cref="WorkflowService.TransitionAsync"/>: the same checks and record as one at a time.</summary>
internal abstract class WorkflowBulkAction(WorkflowService workflows, WorkflowDefinitionStore definitions, CmsDbContext db) : IContentBulkAction
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    /// <summary>Whether <paramref name="transition"/> is a step this action takes.</summary>
    protected abstract bool Fits(WorkflowDefinition definition, WorkflowTransition transition);

    public async Task<bool> IsOfferedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return (await definitions.ListAsync(cancellationToken)).Any(d => d.Transitions.Any(t => Fits(d, t) && t.Roles.Any(roles.Contains)));
    }

    public async Task<IReadOnlySet<string>> AvailableAsync(IReadOnlyList<string> contentItemIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var available = new HashSet<string>(StringComparer.Ordinal);
        if (user.Identity?.Name is null || contentItemIds.Count == 0)
        {
            return available;
        }

        // The chain's own rules (roles, unit, separation of duties over the round), as the item page offers its buttons.
        var actor = WorkflowActor.From(user);
        var all = (await definitions.ListAsync(cancellationToken)).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var instances = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => contentItemIds.Contains(i.ContentItemId)).ToListAsync(cancellationToken);
        var records = (await db.Set<WorkflowStep>().AsNoTracking().Where(s => contentItemIds.Contains(s.ContentItemId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.ContentItemId);
        foreach (var instance in instances)
        {
            if (all.GetValueOrDefault(instance.WorkflowName) is not { } definition)
            {
                continue;
            }

            var round = WorkflowRound.Of(definition, instance, records[instance.ContentItemId].OrderBy(s => s.Sequence));
            if (definition.Transitions.Any(t => t.From == instance.State && Fits(definition, t) && WorkflowService.Refusal(definition, t, actor, instance, round) is null))
            {
                available.Add(instance.ContentItemId);
            }
        }

        return available;
    }

    public async Task RunAsync(string contentItemId, int expectedVersion, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = WorkflowActor.From(user);
        var status = await workflows.GetStatusAsync(contentItemId, actor, cancellationToken);
        var transition = status.Definition.Transitions.FirstOrDefault(t => t.From == status.Instance.State && Fits(status.Definition, t))
            ?? throw new WorkflowConflictException($"Nội dung đang ở bước '{status.State.DisplayName}': không có bước '{DisplayName}' từ đây.");
        await workflows.TransitionAsync(contentItemId, transition.Name, comment, expectedVersion, actor, cancellationToken);
    }
}

/// <summary>"Gửi duyệt": the author's submission from a draft or a returned item.</summary>
internal sealed class SubmitBulkAction(WorkflowService workflows, WorkflowDefinitionStore definitions, CmsDbContext db) : WorkflowBulkAction(workflows, definitions, db)
{
    public override string Name => "gui-duyet";

    public override string DisplayName => "Gửi duyệt";

    protected override bool Fits(WorkflowDefinition definition, WorkflowTransition transition) => definition.GateOf(transition) == WorkflowDefinition.AuthorGate;
}

/// <summary>"Gỡ xuống": into a state of kind <see cref="WorkflowStateKind.Unpublished"/>.</summary>
internal sealed class UnpublishBulkAction(WorkflowService workflows, WorkflowDefinitionStore definitions, CmsDbContext db) : WorkflowBulkAction(workflows, definitions, db)
{
    public override string Name => "go-xuong";

    public override string DisplayName => "Gỡ xuống";

    protected override bool Fits(WorkflowDefinition definition, WorkflowTransition transition) => definition.FindState(transition.To)?.Kind == WorkflowStateKind.Unpublished;
}

/// <summary>"Lưu trữ": into a state of kind <see cref="WorkflowStateKind.Archived"/>.</summary>
internal sealed class ArchiveBulkAction(WorkflowService workflows, WorkflowDefinitionStore definitions, CmsDbContext db) : WorkflowBulkAction(workflows, definitions, db)
{
    public override string Name => "luu-tru";

    public override string DisplayName => "Lưu trữ";

    protected override bool Fits(WorkflowDefinition definition, WorkflowTransition transition) => definition.FindState(transition.To)?.Kind == WorkflowStateKind.Archived;
}
