using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Record;

/// <summary>What a step of the record did to an item, read from the definitions' state kinds.</summary>
public enum ActivityKind
{
    /// <summary>Sent from a draft into review (the author's first submission; a resubmission after a return is not counted again).</summary>
    Submitted,

    Published,

    Returned,

    Rejected,
}

/// <summary>How many steps of <paramref name="Kind"/> concerned the items of one author (the item's creator in the chain) and unit (the item's).</summary>
public sealed record ActivityCount(string? Author, string? UnitId, ActivityKind Kind, int Count);

/// <summary>One stay of an item at a gate: the state it waited in (a review or the approved state), its unit, when it came and left.</summary>
public sealed record GateStay(string WorkflowName, string State, string StateName, string? UnitId, DateTime EnteredUtc, DateTime LeftUtc);

/// <summary>An item's publication through the chain: when it was created (received, for a citizen's question) and published.</summary>
public sealed record ChainPublication(string ContentItemId, string ContentType, string? UnitId, string? Author, DateTime CreatedUtc, DateTime PublishedUtc);

/// <summary>
/// The record read as activity, for the office's contribution and timeliness statistics (Điều 16, 17): counts and stays
/// computed in the database over a span, never the whole record in memory. Like <see cref="IWorkflowSubmissions"/>, which
/// steps are what follows from the definitions' state kinds, never from transition or state names.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>Per author and unit, the submissions, publications, returns and rejections recorded in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    Task<IReadOnlyList<ActivityCount>> CountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>The stays at a gate (review states, the approved state) that ended in the span, at most <paramref name="take"/>, latest first.</summary>
    Task<IReadOnlyList<GateStay>> GateStaysAsync(DateTime fromUtc, DateTime toUtc, int take, CancellationToken cancellationToken = default);

    /// <summary>Items of <paramref name="contentTypes"/> first published through the chain in the span, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ChainPublication>> PublicationsAsync(IReadOnlyCollection<string> contentTypes, DateTime fromUtc, DateTime toUtc, int take, CancellationToken cancellationToken = default);
}

internal sealed class WorkflowActivity(CmsDbContext db, WorkflowDefinitionStore definitions) : IWorkflowActivity
{
    public async Task<IReadOnlyList<ActivityCount>> CountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var all = await definitions.ListAsync(cancellationToken);
        var result = new List<ActivityCount>();

        // A first submission: an author's gate leaving a draft (not a returned) state.
        var submissions = all.SelectMany(d => d.Transitions
            .Where(t => d.GateOf(t) == WorkflowDefinition.AuthorGate && d.States.FirstOrDefault(s => s.Name == t.From)?.Kind == WorkflowStateKind.Draft)
            .Select(t => d.Name + "/" + t.Name)).ToList();
        result.AddRange(await CountAsync(s => submissions.Contains(s.WorkflowName + "/" + s.Transition), ActivityKind.Submitted, fromUtc, toUtc, cancellationToken));
        foreach (var (kind, stateKind) in new[] { (ActivityKind.Published, WorkflowStateKind.Published), (ActivityKind.Returned, WorkflowStateKind.Returned), (ActivityKind.Rejected, WorkflowStateKind.Rejected) })
        {
            var states = all.SelectMany(d => d.States.Where(s => s.Kind == stateKind).Select(s => d.Name + "/" + s.Name)).ToList();
            result.AddRange(await CountAsync(s => states.Contains(s.WorkflowName + "/" + s.ToState), kind, fromUtc, toUtc, cancellationToken));
        }

        return result;
    }

    public async Task<IReadOnlyList<GateStay>> GateStaysAsync(DateTime fromUtc, DateTime toUtc, int take, CancellationToken cancellationToken = default)
    {
        var all = await definitions.ListAsync(cancellationToken);
        var gates = all.SelectMany(d => d.States.Where(s => s.Kind is WorkflowStateKind.InReview or WorkflowStateKind.Approved).Select(s => (Key: d.Name + "/" + s.Name, s.DisplayName))).ToList();
        var keys = gates.Select(g => g.Key).ToList();
        var rows = await (
            from s in db.Set<WorkflowStep>().AsNoTracking()
            where s.CreatedUtc >= fromUtc && s.CreatedUtc < toUtc && s.FromState != null && keys.Contains(s.WorkflowName + "/" + s.FromState)
            join p in db.Set<WorkflowStep>().AsNoTracking() on new { s.ContentItemId, Sequence = s.Sequence - 1 } equals new { p.ContentItemId, p.Sequence }
            join i in db.Set<WorkflowInstance>().AsNoTracking() on s.ContentItemId equals i.ContentItemId
            orderby s.Id descending
            select new { s.WorkflowName, State = s.FromState!, i.UnitId, Entered = p.CreatedUtc, Left = s.CreatedUtc })
            .Take(take).ToListAsync(cancellationToken);
        var names = gates.ToDictionary(g => g.Key, g => g.DisplayName, StringComparer.Ordinal);
        return [.. rows.Select(r => new GateStay(r.WorkflowName, r.State, names.GetValueOrDefault(r.WorkflowName + "/" + r.State, r.State), r.UnitId, r.Entered, r.Left))];
    }

    public async Task<IReadOnlyList<ChainPublication>> PublicationsAsync(IReadOnlyCollection<string> contentTypes, DateTime fromUtc, DateTime toUtc, int take, CancellationToken cancellationToken = default)
    {
        if (contentTypes.Count == 0)
        {
            return [];
        }

        var states = (await definitions.ListAsync(cancellationToken)).SelectMany(d => d.States.Where(s => s.Kind == WorkflowStateKind.Published).Select(s => d.Name + "/" + s.Name)).ToList();
        var rows = await (
            from s in db.Set<WorkflowStep>().AsNoTracking()
            where s.CreatedUtc >= fromUtc && s.CreatedUtc < toUtc && states.Contains(s.WorkflowName + "/" + s.ToState)
            join c in db.Set<ContentItem>().AsNoTracking() on s.ContentItemVersionId equals c.Id
            where contentTypes.Contains(c.ContentType)
            join i in db.Set<WorkflowInstance>().AsNoTracking() on s.ContentItemId equals i.ContentItemId
            orderby s.Id
            select new { s.ContentItemId, c.ContentType, i.UnitId, i.Author, Created = c.CreatedUtc, Published = s.CreatedUtc })
            .Take(take).ToListAsync(cancellationToken);

        // An item published again (a corrected answer) counts once, at its first publication.
        return [.. rows.GroupBy(r => r.ContentItemId).Select(g => g.First()).Select(r => new ChainPublication(r.ContentItemId, r.ContentType, r.UnitId, r.Author, r.Created, r.Published))];
    }

    private async Task<IReadOnlyList<ActivityCount>> CountAsync(System.Linq.Expressions.Expression<Func<WorkflowStep, bool>> which, ActivityKind kind, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.Set<WorkflowStep>().AsNoTracking().Where(which)
            where s.CreatedUtc >= fromUtc && s.CreatedUtc < toUtc
            join i in db.Set<WorkflowInstance>().AsNoTracking() on s.ContentItemId equals i.ContentItemId
            group s by new { i.Author, i.UnitId } into g
            select new { g.Key.Author, g.Key.UnitId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ActivityCount(r.Author, r.UnitId, kind, r.Count))];
    }
}
