using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Maintenance;

/// <summary>A window the public is told of: not cancelled, not ended.</summary>
public sealed record MaintenanceNotice(long Id, DateTime StartUtc, DateTime EndUtc, string Reason)
{
    public bool IsUnderWay(DateTime nowUtc) => StartUtc <= nowUtc && nowUtc < EndUtc;

    public string Period => MaintenanceSchedule.Period(StartUtc, EndUtc);
}

/// <summary>The windows not yet ended, kept in memory so that every request can ask "is the site under maintenance?"
/// without a query: read again after <see cref="MaintenanceOptions.CacheSeconds"/>, at once after a change on this node.</summary>
/// <remarks>A singleton read on every request: it opens its own scope only to reload.</remarks>
public sealed class MaintenanceState(IServiceScopeFactory scopes, IOptions<MaintenanceOptions> options, TimeProvider clock, ILogger<MaintenanceState> logger)
{
    /// <summary>More windows than anyone schedules ahead; the notice shows the first few.</summary>
    private const int Limit = 20;

    private sealed record Snapshot(IReadOnlyList<MaintenanceNotice> Windows, DateTime ExpiresUtc);

    private volatile Snapshot? _snapshot;

    /// <summary>The windows not cancelled and not ended, the soonest first.</summary>
    public async ValueTask<IReadOnlyList<MaintenanceNotice>> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.ExpiresUtc <= now)
        {
            snapshot = await LoadAsync(now, cancellationToken);
        }

        return snapshot.Windows.Any(w => w.EndUtc <= now) ? [.. snapshot.Windows.Where(w => w.EndUtc > now)] : snapshot.Windows;
    }

    /// <summary>The window under way now, if any.</summary>
    public async ValueTask<MaintenanceNotice?> UnderWayAsync(CancellationToken cancellationToken = default)
    {
        var windows = await UpcomingAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return windows.FirstOrDefault(w => w.IsUnderWay(now));
    }

    /// <summary>
    /// The ids of the windows the public is told of, from memory only (the maintenance middleware has read them for this
    /// request): the page cache keeps a page per value, so a window scheduled or cancelled shows on cached pages at once.
    /// </summary>
    public string NoticeStamp
    {
        get
        {
            var snapshot = _snapshot;
            if (snapshot is null || snapshot.Windows.Count == 0)
            {
                return "";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            return string.Join(',', snapshot.Windows.Where(w => w.EndUtc > now).Select(w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Forgets the windows read; the next request reads them again (after a change commits).</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync(DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var windows = await db.Set<MaintenanceWindow>().AsNoTracking()
                .Where(w => w.CancelledUtc == null && w.EndUtc > now)
                .OrderBy(w => w.StartUtc).Take(Limit)
                .Select(w => new MaintenanceNotice(w.Id, w.StartUtc, w.EndUtc, w.Reason))
                .ToListAsync(cancellationToken);
            var snapshot = new Snapshot(windows, now.AddSeconds(Math.Max(1, options.Value.CacheSeconds)));
            _snapshot = snapshot;
            return snapshot;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // The database is unreachable: the request goes on and fails (or not) on its own; no window is assumed.
            logger.LogWarning(ex, "Không đọc được lịch bảo trì.");
            return new Snapshot([], now);
        }
    }
}
