using CucThongKe.Office.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Incidents;

/// <summary>When the database was found unreachable and the incident could not be written yet (it is written when the database answers again).</summary>
public sealed class DatabaseOutage
{
    private long _sinceTicks;

    public DateTime? Since => Interlocked.Read(ref _sinceTicks) is var t and > 0 ? new DateTime(t, DateTimeKind.Utc) : null;

    public void Begin(DateTime utc) => Interlocked.CompareExchange(ref _sinceTicks, utc.Ticks, 0);

    public void End() => Interlocked.Exchange(ref _sinceTicks, 0);
}

/// <summary>One round of the site's own checks, turned into incidents (one open incident per cause).</summary>
public sealed class IncidentMonitor(SiteHealth health, IncidentLog log, MailFailures mailFailures, DatabaseOutage outage, CertificateExpiry certificate, IOptions<IncidentOptions> options, TimeProvider clock, ILogger<IncidentMonitor> logger)
{
    /// <summary>Runs the checks; returns the causes found this round.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var report = await health.CheckAsync(cancellationToken);
        var found = new List<string>();
        if (!report.DatabaseReachable)
        {
            // Nothing can be written now: remember since when, and say it in the log for whoever reads it.
            outage.Begin(clock.GetUtcNow().UtcDateTime);
            logger.LogCritical("Sự cố: không kết nối được cơ sở dữ liệu (từ {Since:u}).", outage.Since);
            return [IncidentCauses.Database];
        }

        if (outage.Since is { } since)
        {
            await log.RecordAsync(IncidentCauses.Database, IncidentSeverity.Critical, "Mất kết nối cơ sở dữ liệu",
                $"Trang không kết nối được cơ sở dữ liệu từ {Core.Data.VietnamTime.Format(since)} (giờ Việt Nam); đã kết nối lại khi kiểm tra lúc {Core.Data.VietnamTime.Format(clock.GetUtcNow().UtcDateTime)}.",
                "Kiểm tra máy chủ cơ sở dữ liệu, dung lượng, kết nối mạng và nhật ký của máy chủ trong khoảng thời gian trên.", cancellationToken);
            outage.End();
            found.Add(IncidentCauses.Database);
        }

        var failing = report.Lines.Where(l => !l.Ok && (l.Name == "Migration" || l.Name.StartsWith("Kiểm tra ", StringComparison.Ordinal))).ToList();
        if (failing.Count > 0)
        {
            await RecordAsync(found, IncidentCauses.Health, IncidentSeverity.High, "Kiểm tra tình trạng hệ thống không đạt",
                string.Join(" ", failing.Select(l => l.Name + ": " + l.Detail)), "Xem trang Tình trạng hệ thống; áp dụng migration còn thiếu, khởi động lại trang nếu cần.", cancellationToken);
        }

        if (report.DiskFreePercent is { } free && free < options.Value.DiskFreePercent)
        {
            await RecordAsync(found, IncidentCauses.Disk, IncidentSeverity.High, "Ổ đĩa thư mục dữ liệu sắp đầy",
                $"Ổ đĩa chứa thư mục dữ liệu ({health.DataPath}) chỉ còn trống {free:0.#}%.", "Dọn tệp sao lưu, nhật ký cũ; mở rộng ổ đĩa.", cancellationToken);
        }

        if (health.ErrorRateTooHigh(report.Requests, report.ServerErrors))
        {
            await RecordAsync(found, IncidentCauses.ErrorRate, IncidentSeverity.High, "Tỷ lệ lỗi máy chủ (5xx) cao",
                $"{report.ServerErrors} trong {report.Requests} yêu cầu trong {options.Value.ErrorRateWindowMinutes} phút qua bị lỗi máy chủ.", "Đọc nhật ký lỗi của trang, tìm trang hoặc dịch vụ gây lỗi.", cancellationToken);
        }

        var (mailFailed, lastError) = mailFailures.Take();
        if (mailFailed > 0)
        {
            await RecordAsync(found, IncidentCauses.Mail, IncidentSeverity.Medium, "Không gửi được thư điện tử",
                $"{mailFailed} lần gửi thư thất bại; lỗi gần nhất: {lastError}", "Kiểm tra máy chủ thư (Cms:Mail:Host), tài khoản, mật khẩu và kết nối mạng.", cancellationToken);
        }

        if (certificate.Due() && await certificate.CheckAsync(cancellationToken) is { } finding)
        {
            await RecordAsync(found, IncidentCauses.Certificate, finding.Severity, finding.Title, finding.Description,
                "Gia hạn chứng chỉ với nơi cấp (hoặc kiểm tra việc tự gia hạn), cài chứng chỉ mới lên máy chủ web và tải lại cấu hình.", cancellationToken);
        }

        return found;
    }

    private async Task RecordAsync(List<string> found, string cause, IncidentSeverity severity, string title, string description, string proposed, CancellationToken ct)
    {
        found.Add(cause);
        if (await log.RecordAsync(cause, severity, title, description, proposed, ct))
        {
            logger.LogWarning("Sự cố mới ({Cause}): {Title}", cause, title);
        }
    }
}

/// <summary>Runs <see cref="IncidentMonitor"/> every <see cref="IncidentOptions.CheckSeconds"/> on the site's clock.</summary>
internal sealed class IncidentMonitorLoop(IServiceScopeFactory scopes, LoopHeartbeats heartbeats, IOptions<IncidentOptions> options, TimeProvider clock, ILogger<IncidentMonitorLoop> logger) : BackgroundService
{
    public const string LoopName = "Giám sát sự cố";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunMonitor)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(10, options.Value.CheckSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IncidentMonitor>().RunAsync(stoppingToken);
                heartbeats.Record(LoopName, clock.GetUtcNow().UtcDateTime);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round must not stop the checks for good.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                heartbeats.Record(LoopName, clock.GetUtcNow().UtcDateTime, ex.Message);
                logger.LogWarning(ex, "Không chạy được vòng kiểm tra sự cố.");
            }
        }
    }
}
