using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Telemetry;

/// <summary>Counts every <see cref="IQueueLength"/> every <see cref="TelemetryOptions.QueuePollSeconds"/> for the metrics.</summary>
/// <remarks>Counted here rather than when scraped: a scrape reads gauges synchronously, and a slow count must not hold it.
/// Each node counts for itself (the queues are shared tables, so every node reports the same length).</remarks>
internal sealed class QueueLengthPoller(IServiceScopeFactory scopes, CmsMetrics metrics, IOptions<TelemetryOptions> options, TimeProvider clock, ILogger<QueueLengthPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.Value.QueuePollSeconds, 1, 3600));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round, in one scope; a queue whose count fails keeps its last figure.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var queue in scope.ServiceProvider.GetServices<IQueueLength>())
        {
            try
            {
                metrics.QueueLength(queue.Name, await queue.CountAsync(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // The database away for a moment (a restore, a failover): the next round counts again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogDebug(ex, "Không đếm được hàng đợi {Queue}.", queue.Name);
            }
        }
    }
}
