using CucThongKe.Core.Data;
using CucThongKe.OutputCache;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Statistics.Calendar;

/// <summary>Wakes <see cref="ReleaseTimeEviction"/> when the calendar changes (raised after the commit of a saved entry).</summary>
public sealed class ReleaseSignal : WakeUpSignal;

/// <summary>
/// A release is out when its planned time comes (<see cref="ReleaseCalendar.ReleasedIds"/>), and no content change
/// happens then: the page cache would keep showing what was there before (the home page's key figures, the indicator
/// pages, the calendar, downloads) until the pages expire. This node's loop sleeps until the next planned time and then
/// evicts the pages that show releases (every page without tags of its own: <see cref="CacheTags.Lists"/>) and the
/// release's own item, at that moment. Each node runs it for its own cache; no lease is needed.
/// </summary>
internal sealed class ReleaseTimeEviction(
    IServiceScopeFactory scopes,
    ReleaseSignal signal,
    PublicPageStore pages,
    TimeProvider clock,
    ILogger<ReleaseTimeEviction> logger) : BackgroundService
{
    /// <summary>The longest sleep: an entry saved on another node (no signal here) is seen within this time.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Pages cached before this node started are none: only times passing from now on matter.
        var checkedUntil = clock.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await using var scope = scopes.CreateAsyncScope();
                var entries = scope.ServiceProvider.GetRequiredService<CmsDbContext>().Set<ReleaseEntry>().AsNoTracking();
                var passed = await entries.Where(e => e.PlannedUtc > checkedUntil && e.PlannedUtc <= now)
                    .Select(e => e.ContentItemId).Take(ReleaseCalendar.MaxEntriesPerYear).ToListAsync(stoppingToken);
                if (passed.Count > 0)
                {
                    Evict(passed);
                }

                checkedUntil = now;
                var next = await entries.Where(e => e.PlannedUtc > now).OrderBy(e => e.PlannedUtc).Select(e => (DateTime?)e.PlannedUtc).FirstOrDefaultAsync(stoppingToken);
                if (next is { } due)
                {
                    var untilNext = DateTime.SpecifyKind(due, DateTimeKind.Utc) - now;
                    sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < MaxSleep ? untilNext : MaxSleep;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Evicting the pages of a release whose time came failed; retrying");
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

    private void Evict(List<string?> items)
    {
        pages.EvictByTag(CacheTags.Lists);
        foreach (var item in items.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            pages.EvictByTag(CacheTags.Item(item));
        }

        logger.LogInformation("Released {Count} calendar entr(ies) at their planned time: public pages evicted", items.Count);
    }
}
