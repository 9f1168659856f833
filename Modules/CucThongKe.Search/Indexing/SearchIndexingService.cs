using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Search.Indexing;

/// <summary>Keeps this node's index current: polls the indexing-task log every quarter second, so a change is searchable well within 2 s.</summary>
/// <remarks>Polling, not a signal, because the change may come from another node sharing the database.</remarks>
internal sealed class SearchIndexingService(SearchIndexer indexer, ILogger<SearchIndexingService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = PollInterval;
            try
            {
                await indexer.EnsureOpenAsync(stoppingToken);
                if (await indexer.ApplyPendingAsync(stoppingToken) == SearchIndexer.BatchSize)
                {
                    // More waiting: read on at once.
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Search indexing failed; retrying");
                delay = TimeSpan.FromSeconds(2);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
