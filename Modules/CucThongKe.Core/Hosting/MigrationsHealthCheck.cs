using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CucThongKe.Core.Hosting;

/// <summary>Ready when the database answers and every migration has been applied.</summary>
internal sealed class MigrationsHealthCheck(CmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Cơ sở dữ liệu sẵn sàng.")
                : HealthCheckResult.Unhealthy($"Còn {pending.Count} migration chưa áp dụng.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Lỗi cơ sở dữ liệu: " + ex.Message);
        }
    }
}
