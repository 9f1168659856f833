using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>Which items were ever opened for discussion (have a <see cref="DiscussionState"/>), kept in memory under the
/// published items' generation, so that the page of an item never opened asks the database nothing about its discussion.</summary>
/// <remarks>
/// Every item page of a discussable type (news) looked its state up: for a page rendered for the first time (a crawler's
/// visit) that query was a fourteenth of its CPU time (bench/README.md), and almost every answer is "none". A state is
/// only added by <see cref="Discussions.OpenAsync"/>, whose eviction of the item's page moves
/// <see cref="IPublishedGeneration.Generation"/> (on every node): a list read under an older generation is never used.
/// Bounded: with more than <see cref="MaxKept"/> items opened, the list is not kept and every page asks the database.
/// Without the page cache the generation moves at every read, and the list (one small query) is read for each page,
/// instead of the state.
/// </remarks>
public sealed class DiscussedItems(IPublishedGeneration generations)
{
    /// <summary>The most items kept (their ids, about 100 bytes each).</summary>
    public const int MaxKept = 2_000;

    private Snapshot? _snapshot;

    /// <summary>Whether <paramref name="contentItemId"/> may have a discussion state: false only when it surely has none.</summary>
    public async Task<bool> MayHaveStateAsync(CmsDbContext db, string contentItemId, CancellationToken cancellationToken)
    {
        var generation = generations.Generation;
        if (Volatile.Read(ref _snapshot) is not { } snapshot || snapshot.Generation != generation)
        {
            var ids = await db.Set<DiscussionState>().AsNoTracking().Select(d => d.ContentItemId).Take(MaxKept + 1).ToListAsync(cancellationToken);
            snapshot = new Snapshot(generation, ids.Count > MaxKept ? null : new HashSet<string>(ids, StringComparer.Ordinal));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Ids?.Contains(contentItemId) ?? true;
    }

    /// <param name="Ids">The items opened, or null when there were too many to keep.</param>
    private sealed record Snapshot(long Generation, HashSet<string>? Ids);
}
