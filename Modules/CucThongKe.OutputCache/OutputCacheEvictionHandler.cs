using CucThongKe.Contents.Services;
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

    private Task EvictAsync(ContentContext context)
    {
        store.EvictByTag(CacheTags.Item(context.Item.ContentItemId));
        store.EvictByTag(CacheTags.Type(context.Item.ContentType));
        store.EvictByTag(CacheTags.Lists);
        return Task.CompletedTask;
    }
}
