using CucThongKe.Core.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.OutputCache;

/// <summary>Applies the other nodes' page-cache evictions to this node's <see cref="PublicPageStore"/> (Redis pub/sub, when
/// <c>Cms:Cluster:Redis</c> is set).</summary>
/// <remarks>
/// When the subscription drops or comes back, this node may have missed evictions: it empties its page cache (and with it,
/// through the generation, the published items Contents keeps), so nothing stale outlives a lost message. While Redis is
/// away the node caches again as one node would, and empties once more when the connection returns.
/// </remarks>
internal sealed class ClusterEvictions(PublicPageStore store, SharedRedis nodes, ILogger<ClusterEvictions> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        nodes.SubscribeAsync(PublicPageStore.EvictionChannel, store.Receive, () =>
        {
            logger.LogWarning("The Redis subscription of page-cache evictions dropped or came back; this node's page cache is emptied");
            store.EvictEverythingHere();
        });

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
