using System.Globalization;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Backup;

/// <summary>The daily backup (<c>Cms:Backup:Daily</c>): once a day after <c>DailyAt</c> (Vietnam time), by the holder of the
/// backup lease, then the oldest archives beyond <c>Keep</c> are deleted.</summary>
/// <remarks>Due when the newest archive in the folder is older than the last <c>DailyAt</c>: a node that was down at that
/// hour makes it when it comes back, and a second node sharing the folder finds it made.</remarks>
internal sealed class DailyBackupService(IServiceScopeFactory scopes, BackgroundLeases leases, IOptionsMonitor<BackupOptions> options, TimeProvider clock, ILogger<DailyBackupService> logger) : BackgroundService
{
    public const string LeaseName = "daily-backup";

    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckEvery, clock, stoppingToken);
                if (options.CurrentValue.Daily && await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    await BackUpIfDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed backup (disk full, pg_dump missing) is logged and tried again; the site goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Sao lưu hằng ngày không thành công; sẽ thử lại sau {Minutes} phút.", CheckEvery.TotalMinutes);
            }
        }
    }

    internal async Task<string?> BackUpIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var backup = scope.ServiceProvider.GetRequiredService<SiteBackup>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!IsDue(backup.Newest(), now, options.CurrentValue.DailyAt))
        {
            return null;
        }

        var path = backup.NewArchivePath();
        var manifest = await backup.CreateAsync(path, cancellationToken);
        logger.LogInformation("Đã sao lưu hằng ngày vào {Path}: {Summary}.", path, BackupCommand.Summary(manifest));
        foreach (var deleted in backup.Prune(options.CurrentValue.Keep))
        {
            logger.LogInformation("Đã xoá bản sao lưu cũ {Path}.", deleted);
        }

        return path;
    }

    /// <summary>Whether a backup is due: the newest archive (named <c>cucthongke-yyyyMMdd-HHmmss.tar.gz</c>, UTC) is older than the
    /// last time of day <paramref name="dailyAt"/> in Vietnam time at or before <paramref name="nowUtc"/>.</summary>
    internal static bool IsDue(string? newestArchive, DateTime nowUtc, string dailyAt)
    {
        var at = TimeSpan.TryParseExact(dailyAt, @"hh\:mm", CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.FromHours(2);
        var local = VietnamTime.FromUtc(nowUtc);
        var lastLocal = local.Date + at <= local ? local.Date + at : local.Date.AddDays(-1) + at;
        var lastUtc = nowUtc - (local - lastLocal);
        if (newestArchive is null)
        {
            return true;
        }

        var stamp = Path.GetFileName(newestArchive).Replace("cucthongke-", "", StringComparison.Ordinal).Replace(".tar.gz", "", StringComparison.Ordinal);
        return !DateTime.TryParseExact(stamp, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var made)
            || made < lastUtc;
    }
}
