using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>Which items were ever opened for discussion (have a <see cref="DiscussionState"/>), kept in memory under the
/// published items' generation, so that the page of an item never opened asks the database nothing about its discussion.</summary>
/// <remarks>
/// Every item page of a discussable type (news) looked its state up: for a page rendered for the first time (a crawler's
/// visit) that query was a fourteenth of its CPU time (bench/README.md), and almost every answer is "none". A state is
/// only added by <see cref="Discussions.OpenAsync"/>, whose eviction of the item's page moves
/// <see cref="IPublishedGeneration.Generation"/> (on every node): a list read under an older generation is never used.
/// Bounded: with more than <see cref="DiscussionOptions.MaxItemsKept"/> items opened, the list is not kept and every page
/// asks the database.
/// Without the page cache the generation moves at every read, and the list (one small query) is read for each page,
/// instead of the state.
/// </remarks>
public sealed class DiscussedItems(IPublishedGeneration generations, IOptions<DiscussionOptions> options)
{
    private readonly int _maxKept = options.Value.MaxItemsKept;

    private Snapshot? _snapshot;

    /// <summary>Whether <paramref name="contentItemId"/> may have a discussion state: false only when it surely has none.</summary>
    public async Task<bool> MayHaveStateAsync(CmsDbContext db, string contentItemId, CancellationToken cancellationToken)
    {
        var generation = generations.Generation;
        if (Volatile.Read(ref _snapshot) is not { } snapshot || snapshot.Generation != generation)
        {
            var ids = await db.Set<DiscussionState>().AsNoTracking().Select(d => d.ContentItemId).Take(_maxKept + 1).ToListAsync(cancellationToken);
            snapshot = new Snapshot(generation, ids.Count > _maxKept ? null : new HashSet<string>(ids, StringComparer.Ordinal));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Ids?.Contains(contentItemId) ?? true;
    }

    /// <param name="Ids">The items opened, or null when there were too many to keep.</param>
    private sealed record Snapshot(long Generation, HashSet<string>? Ids);
}
