using CucThongKe.Contents.Scheduling;
using CucThongKe.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Contents.Services;

/// <summary>Publishes scheduled versions at their exact time: sleeps until the next one is due, not on a coarse timer.</summary>
/// <remarks>With several nodes, only the holder of the <see cref="LeaseName"/> lease publishes (each version once).</remarks>
internal sealed class ScheduledPublishingService(
    IServiceScopeFactory scopes,
    ScheduleSignal signal,
    BackgroundLeases leases,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    /// <summary>The longest sleep: a schedule written by another node is seen within this time.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(15);

    public const string LeaseName = "scheduled-publishing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Within half a lease: the holder renews its lease before it runs out, and another node asks again soon
            // enough to take the work over shortly after the holder dies (a short Cms:Cluster:LeaseSeconds is honoured).
            var maxSleep = leases.Duration / 2 < MaxSleep ? leases.Duration / 2 : MaxSleep;
            var sleep = maxSleep;
            try
            {
                if (!await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    await signal.WaitAsync(maxSleep, stoppingToken);
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
                var now = clock.GetUtcNow().UtcDateTime;
                var published = await contents.PublishDueAsync(now, stoppingToken);
                if (published > 0)
                {
                    logger.LogInformation("Published {Count} scheduled item(s)", published);
                }

                if (await contents.NextScheduledUtcAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - clock.GetUtcNow().UtcDateTime;
                    sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < maxSleep ? untilNext : maxSleep;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled publishing failed; retrying");
            }

            try
            {
                await signal.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
