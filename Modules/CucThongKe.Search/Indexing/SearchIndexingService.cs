using CucThongKe.Contents.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Search.Indexing;

/// <summary>Keeps this node's index current: reads the indexing-task log as soon as a change on this node commits, and every quarter second.</summary>
/// <remarks>
/// Woken by <see cref="IndexingSignal"/>, which the content engine raises after a commit that logged a change; the poll stays
/// because a change may come from another node sharing the database.
/// </remarks>
internal sealed class SearchIndexingService(SearchIndexer indexer, IndexingSignal signal, ILogger<SearchIndexingService> logger) : BackgroundService
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
                await signal.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
