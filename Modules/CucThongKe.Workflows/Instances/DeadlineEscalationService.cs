using CucThongKe.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Workflows.Instances;

/// <summary>Every minute (of the site's clock), tells the escalation roles about items whose state's deadline has passed.</summary>
internal sealed class DeadlineEscalationService(IServiceScopeFactory scopes, BackgroundLeases leases, TimeProvider clock, ILogger<DeadlineEscalationService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>With several nodes, only the holder of this lease tells anyone (each overdue item once).</summary>
    public const string LeaseName = "deadline-escalation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                if (!await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync(stoppingToken);
                if (escalated > 0)
                {
                    logger.LogInformation("Đã báo quá hạn cho {Count} nội dung.", escalated);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (database briefly unreachable) must not stop the deadlines for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Không kiểm tra được hạn xử lý của quy trình duyệt.");
            }
        }
    }
}
