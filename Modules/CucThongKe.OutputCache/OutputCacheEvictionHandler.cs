using CucThongKe.Contents.Services;
namespace CucThongKe.OutputCache;

/// <summary>Evicts the cached pages that show an item when it is published, changed while published, unpublished or removed.</summary>
/// <remarks>
/// Content handlers run inside the change's transaction, so a reader could re-cache the old page between this
/// eviction and the commit. The same tags are evicted again when the scope ends (after the commit), closing that gap.
/// </remarks>
internal sealed class OutputCacheEvictionHandler(PublicPageStore store) : IContentHandler, IAsyncDisposable
{
    private readonly HashSet<string> _evicted = [];

    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context, cancellationToken);

    public Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context, cancellationToken);

    public Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => EvictAsync(context, cancellationToken);

    public Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken) =>
        context.Item.Published ? EvictAsync(context, cancellationToken) : Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var tag in _evicted)
        {
            store.EvictByTag(tag);
        }

        return ValueTask.CompletedTask;
    }

    private Task EvictAsync(ContentContext context, CancellationToken cancellationToken)
    {
        string[] tags = [CacheTags.Item(context.Item.ContentItemId), CacheTags.Type(context.Item.ContentType), CacheTags.Lists];
        foreach (var tag in tags)
        {
            _evicted.Add(tag);
            store.EvictByTag(tag);
        }

        return Task.CompletedTask;
    }
}
