using CucThongKe.Contents.Services;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;

namespace CucThongKe.OutputCache;

/// <summary>Evicts the cached pages that show an item when it is published, changed while published, unpublished or removed.</summary>
/// <remarks>
/// After the change commits (an <see cref="IContentCommittedHandler"/>): from then on every reader sees the change, and a page
/// rendered from before it is not stored (the store's generation moves with each eviction), so a stale page is never re-cached.
/// </remarks>
internal sealed class OutputCacheEvictionHandler(PublicPageStore store) : IContentCommittedHandler
{
    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context);

    public Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context);

    public Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context);

    public Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken) =>
        context.Item.Published ? EvictAsync(context) : Task.CompletedTask;

    /// <summary>A term's name or its items may show on any page (menus, item pages, lists): every page goes, on every node.</summary>
    public Task TaxonomyChangedAsync(string taxonomy, CancellationToken cancellationToken)
    {
        store.EvictEverything();
        return Task.CompletedTask;
    }

    private Task EvictAsync(ContentContext context)
    {
        store.EvictByTag(CacheTags.Item(context.Item.ContentItemId));
        store.EvictByTag(CacheTags.Type(context.Item.ContentType));
        store.EvictByTag(CacheTags.Lists);
        return Task.CompletedTask;
    }
}

/// <summary>Evicts every page once a change of the site settings commits: the site's name, contacts and citation line are on every page.</summary>
/// <remarks>The settings page records every change in the admin-audit log; this listens there, so Core needs no hook of its own.</remarks>
internal sealed class SiteSettingsEviction(PublicPageStore store, UnitOfWork unitOfWork) : IAdminAuditListener
{
    public Task RecordedAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Action == AdminAuditActions.SiteSettings)
        {
            if (unitOfWork.IsActive)
            {
                unitOfWork.AfterCommit(store.EvictEverything);
            }
            else
            {
                // No unit: the entry is saved on its own right after this; a page rendered meanwhile is not stored (the generation moved).
                store.EvictEverything();
            }
        }

        return Task.CompletedTask;
    }
}
