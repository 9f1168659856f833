using CucThongKe.Core.Cluster;
using CucThongKe.Office.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Obligations;

/// <summary>
/// Runs <see cref="ObligationTracker"/> at every poll and whenever <see cref="ObligationsSignal"/> is raised, on the one
/// node that holds the <see cref="LeaseName"/> lease (reminders and overdue notices are sent once, not once per node).
/// </summary>
internal sealed class ObligationScheduler(
    IServiceScopeFactory scopes,
    ObligationsSignal signal,
    BackgroundLeases leases,
    LoopHeartbeats heartbeats,
    IOptions<ObligationOptions> options,
    TimeProvider clock,
    ILogger<ObligationScheduler> logger) : BackgroundService
{
    public const string LoopName = "Nghĩa vụ báo cáo";

    public const string LeaseName = "reporting-obligations";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(5, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // First the wait: a site starting (or a test's site) does not write at once; saving an obligation wakes the loop.
                await signal.WaitAsync(interval, stoppingToken);
                if (!await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    continue;
                }

                await using (var scope = scopes.CreateAsyncScope())
                {
                    var round = await scope.ServiceProvider.GetRequiredService<ObligationTracker>().RunAsync(stoppingToken);
                    if (round.DidAnything)
                    {
                        logger.LogInformation("Nghĩa vụ báo cáo: {Round}", round);
                    }
                }

                heartbeats.Record(LoopName, clock.GetUtcNow().UtcDateTime);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (database briefly unreachable, two nodes making one entry) must not stop the loop for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                heartbeats.Record(LoopName, clock.GetUtcNow().UtcDateTime, ex.Message);
                logger.LogWarning(ex, "Không cập nhật được nghĩa vụ báo cáo; sẽ thử lại.");
            }
        }
    }
}
