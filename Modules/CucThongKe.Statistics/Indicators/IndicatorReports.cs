using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics.Indicators;

/// <summary>A released report as an indicator's page links it.</summary>
public sealed record ReportLink(string Title, string Url, string? Period, DateTime PlannedUtc);

/// <summary>
/// Reports and the indicators they carry, both ways: a report carries an indicator when a calendar entry tied to it names
/// the indicator or brought its values. Only entries that are out count (<see cref="ReleaseCalendar.ReleasedIds"/>), so a
/// link never points ahead of a release.
/// </summary>
public sealed class IndicatorReports(CmsDbContext db, ReleaseCalendar calendar)
{
    /// <summary>At most this many links either way (a monthly indicator is in twelve reports a year).</summary>
    public const int MaxLinks = 50;

    /// <summary>The indicators a published report carries, in the order of the list of indicators.</summary>
    public async Task<IReadOnlyList<Indicator>> OfReportAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var released = calendar.ReleasedIds();
        var entries = await db.Set<ReleaseEntry>().AsNoTracking().Where(e => e.ContentItemId == contentItemId && released.Contains(e.Id)).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.IndicatorCodes }).Take(MaxLinks).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return [];
        }

        var ids = entries.Select(e => e.Id).ToList();
        var codes = entries.SelectMany(e => (e.IndicatorCodes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        var valued = db.Set<IndicatorValue>().Where(v => ids.Contains(v.ReleaseId)).Select(v => v.IndicatorId);
        return await db.Set<Indicator>().AsNoTracking().Where(i => codes.Contains(i.Code) || valued.Contains(i.Id))
            .OrderBy(i => i.Theme).ThenBy(i => i.Order).ThenBy(i => i.Name).Take(MaxLinks).ToListAsync(cancellationToken);
    }

    /// <summary>The released reports that carry an indicator, newest first.</summary>
    public async Task<IReadOnlyList<ReportLink>> ReportsOfAsync(Indicator indicator, int take, CancellationToken cancellationToken = default)
    {
        var released = calendar.ReleasedIds();
        var padded = " " + indicator.Code + " ";
        var valued = db.Set<IndicatorValue>().Where(v => v.IndicatorId == indicator.Id).Select(v => v.ReleaseId);
        return await (
            from e in db.Set<ReleaseEntry>().AsNoTracking()
            where released.Contains(e.Id) && ((" " + e.IndicatorCodes + " ").Contains(padded) || valued.Contains(e.Id))
            join r in db.Set<AutorouteIndex>() on e.ContentItemId equals r.ContentItemId
            where r.Published
            join c in db.Set<ContentItem>() on r.ContentItemVersionId equals c.Id
            orderby e.PlannedUtc descending, e.Id descending
            select new ReportLink(c.DisplayText ?? e.Title, "/" + r.Path, e.Period, e.PlannedUtc))
            .Take(Math.Clamp(take, 1, MaxLinks)).ToListAsync(cancellationToken);
    }
}
