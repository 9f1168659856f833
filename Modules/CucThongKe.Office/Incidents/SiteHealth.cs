using CucThongKe.Office.Monitoring;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Incidents;

/// <summary>One line of the detailed health page.</summary>
public sealed record HealthLine(string Name, bool Ok, string Detail);

/// <summary>What the operators' page shows and what the monitor turns into incidents.</summary>
public sealed record SiteHealthReport(
    bool DatabaseReachable,
    IReadOnlyList<HealthLine> Lines,
    double? DiskFreePercent,
    int Requests,
    int ServerErrors,
    IReadOnlyList<LoopHeartbeat> Loops)
{
    public bool HealthChecksFailing => Lines.Any(l => l.Name.StartsWith("Kiểm tra ", StringComparison.Ordinal) && !l.Ok);
}

/// <summary>The site's state in detail, for operators only (the public <c>/health</c> says one word): database, migrations, the
/// registered health checks, disk of the data folder, mail and its queue, the error rate, the background loops' last rounds.</summary>
public sealed class SiteHealth(
    CmsDbContext db,
    HealthCheckService healthChecks,
    ICmsMailSender mail,
    ErrorRateCounter errors,
    LoopHeartbeats heartbeats,
    IOptions<CmsOptions> cms,
    IOptions<IncidentOptions> options,
    IHostEnvironment environment,
    TimeProvider clock)
{
    public string DataPath => cms.Value.ResolveDataPath(environment.ContentRootPath);

    public async Task<SiteHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var lines = new List<HealthLine>();
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            reachable = false;
        }

        lines.Add(new("Cơ sở dữ liệu", reachable, reachable ? $"Kết nối được ({db.Database.ProviderName})." : "Không kết nối được."));
        if (reachable)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
            lines.Add(new("Migration", pending == 0, $"Đã áp dụng {applied}; còn {pending} chưa áp dụng."));

            // Notifications not yet mailed in the last day (an account without an address also stays here).
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            var unsent = await db.Set<WorkflowNotification>().CountAsync(n => n.EmailedUtc == null && n.CreatedUtc >= since, cancellationToken);
            lines.Add(new("Thư điện tử", mail.IsConfigured, (mail.IsConfigured ? "Đã cấu hình máy chủ gửi thư." : "Chưa cấu hình máy chủ gửi thư (Cms:Mail:Host): chỉ thông báo trong trang quản trị.")
                + $" Thông báo chưa gửi thư trong 24 giờ qua: {unsent}."));
        }

        var report = await healthChecks.CheckHealthAsync(cancellationToken);
        foreach (var (name, entry) in report.Entries)
        {
            lines.Add(new("Kiểm tra " + name, entry.Status == HealthStatus.Healthy, entry.Description ?? entry.Status.ToString()));
        }

        var disk = DiskFree();
        lines.Add(new("Ổ đĩa thư mục dữ liệu", disk is null || disk >= options.Value.DiskFreePercent,
            disk is null ? "Không đọc được dung lượng ổ đĩa." : $"Còn trống {disk:0.#}% (ngưỡng cảnh báo {options.Value.DiskFreePercent}%)."));

        var (requests, serverErrors) = errors.Window(options.Value.ErrorRateWindowMinutes);
        lines.Add(new("Lỗi máy chủ (5xx)", !ErrorRateTooHigh(requests, serverErrors),
            $"{serverErrors}/{requests} yêu cầu trong {options.Value.ErrorRateWindowMinutes} phút qua (ngưỡng {options.Value.ErrorRatePercent}% khi có từ {options.Value.ErrorRateMinRequests} yêu cầu)."));

        return new SiteHealthReport(reachable, lines, disk, requests, serverErrors, heartbeats.All);
    }

    public bool ErrorRateTooHigh(int requests, int serverErrors) =>
        requests >= options.Value.ErrorRateMinRequests && serverErrors * 100 >= options.Value.ErrorRatePercent * requests;

    private double? DiskFree()
    {
        try
        {
            var drive = new DriveInfo(DataPath);
            return drive.TotalSize == 0 ? null : 100.0 * drive.AvailableFreeSpace / drive.TotalSize;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
