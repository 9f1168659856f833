using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Cluster;

/// <summary>
/// A background loop that does one round of <typeparamref name="TWork"/> every <see cref="Period"/>, on the node holding
/// <see cref="LeaseName"/> only (<see cref="BackgroundLeases"/>), each round in a scope of its own.
/// </summary>
/// <remarks>The period is read again before every wait, so a changed setting applies from the next round. A failed round
/// is logged and tried again at the next: housekeeping (the trash's purge, the personal-data retention) must never stop
/// for good because one round met a locked database.</remarks>
public abstract class LeasedPeriodicService<TWork>(IServiceScopeFactory scopes, BackgroundLeases leases, TimeProvider clock, ILogger logger) : BackgroundService
    where TWork : notnull
{
    /// <summary>The lease of this work, one name per kind of work.</summary>
    protected abstract string LeaseName { get; }

    /// <summary>The wait before each round.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>One round, with the work resolved in this round's scope.</summary>
    protected abstract Task RunRoundAsync(TWork work, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, clock, stoppingToken);
                if (await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunRoundAsync(scope.ServiceProvider.GetRequiredService<TWork>(), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is tried again at the next; the loop must not stop for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "The {Lease} round failed; retrying at the next round", LeaseName);
            }
        }
    }
}
