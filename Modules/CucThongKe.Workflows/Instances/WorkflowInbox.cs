using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>One line of a user's inbox: an item waiting for them.</summary>
public sealed record InboxEntry(WorkflowInstance Instance, WorkflowState State, string WorkflowDisplayName, string ContentType, string? Title, bool Overdue);

/// <summary>One page of a user's inbox, with the page clamped to those there are.</summary>
public sealed record InboxPage(IReadOnlyList<InboxEntry> Entries, int Total, int Page, int PageCount);

/// <summary>The inbox (hộp việc): what waits for a person in the approval chain.</summary>
public sealed class WorkflowInbox(CmsDbContext db, WorkflowDefinitionStore definitions, TimeProvider clock)
{
    /// <summary>Lines on one page of the inbox page (the dashboard's widget shows the first few only).</summary>
    public const int PageSize = 20;

    /// <summary>Page <paramref name="page"/> of what waits for <paramref name="actor"/>, in the inbox's order; a page out
    /// of range is the nearest there is.</summary>
    /// <remarks>What waits is decided per item in memory (separation of duties reads each item's record), so the whole
    /// inbox is computed and one page of it kept: it holds what one person must act on, a few dozen items.</remarks>
    public async Task<InboxPage> PageAsync(WorkflowActor actor, int page, CancellationToken cancellationToken = default)
    {
        var all = await InboxAsync(actor, cancellationToken);
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new InboxPage([.. all.Skip((page - 1) * PageSize).Take(PageSize)], all.Count, page, pageCount);
    }

    /// <summary>What waits for <paramref name="actor"/>: items in states where one of their roles (and, where the rule says so, their unit) may act; overdue first, then oldest.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var entries = new List<InboxEntry>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var definition in await definitions.ListAsync(cancellationToken))
        {
            // Only states where an item waits for someone: a published, taken-down, archived or rejected item waits for nobody, even
            // though a publisher may take it down or archive it.
            var states = definition.Transitions.Where(t => t.Roles.Any(actor.Roles.Contains)).Select(t => t.From).Distinct()
                .Where(s => definition.FindState(s)?.Kind is WorkflowStateKind.Draft or WorkflowStateKind.InReview or WorkflowStateKind.Approved or WorkflowStateKind.Returned)
                .ToList();
            if (states.Count == 0)
            {
                continue;
            }

            var rows = await (
                from i in db.Set<WorkflowInstance>().AsNoTracking()
                join c in db.Set<ContentItem>() on i.ContentItemId equals c.ContentItemId
                where i.WorkflowName == definition.Name && states.Contains(i.State) && c.Latest
                select new { Instance = i, c.ContentType, c.DisplayText }).ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Instance.ContentItemId).ToList();
            var records = (await db.Set<WorkflowStep>().AsNoTracking().Where(s => ids.Contains(s.ContentItemId)).ToListAsync(cancellationToken))
                .ToLookup(s => s.ContentItemId);
            foreach (var row in rows)
            {
                // An item whose only step left for this person is one separation of duties refuses them does not wait for them.
                var round = WorkflowRound.Of(definition, row.Instance, records[row.Instance.ContentItemId].OrderBy(s => s.Sequence));
                var waiting = definition.Transitions.Any(t => t.From == row.Instance.State && WorkflowService.Refusal(definition, t, actor, row.Instance, round) is null);
                if (waiting && definition.FindState(row.Instance.State) is { } state &&
                    // A draft or a returned item waits for its author, not for everyone of the unit who may also send it; one
                    // with no author (a citizen's question, sent to a unit) waits for everyone of the unit who may act on it.
                    (state.Kind is not (WorkflowStateKind.Draft or WorkflowStateKind.Returned) || row.Instance.Author is null || row.Instance.Author == actor.UserName))
                {
                    entries.Add(new InboxEntry(row.Instance, state, definition.DisplayName, row.ContentType, row.DisplayText, row.Instance.DueUtc <= now));
                }
            }
        }

        return [.. entries.OrderByDescending(e => e.Overdue).ThenBy(e => e.Instance.DueUtc ?? DateTime.MaxValue).ThenBy(e => e.Instance.StateEnteredUtc)];
    }
}
