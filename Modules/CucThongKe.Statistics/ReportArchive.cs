using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.Indexing;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics;

/// <summary>A report as the archive lists it.</summary>
public sealed record ReportRow(ContentSummary Item, string? PeriodKind, int? Period, int? Year);

/// <summary>The socio-economic report archive (/tinh-hinh-kinh-te-xa-hoi, Điều 12.6): reads <see cref="ReportIndex"/> only.</summary>
public sealed class ReportArchive(CmsDbContext db)
{
    /// <summary>The report archive: by period kind and year, newest period first.</summary>
    public async Task<PagedList<ReportRow>> FindReportsAsync(string? periodKind, int? year, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, PublicContent.MaxPage);
        var rows = db.Set<ReportIndex>().AsNoTracking().Where(r => r.Published);
        if (!string.IsNullOrWhiteSpace(periodKind))
        {
            rows = rows.Where(r => r.PeriodKind == periodKind);
        }

        if (year is not null)
        {
            rows = rows.Where(r => r.Year == year);
        }

        var total = await rows.CountAsync(cancellationToken);
        var found = await (
            from x in rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            join c in db.Set<ContentItem>() on x.ContentItemVersionId equals c.Id
            join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId into routes
            from r in routes.DefaultIfEmpty()
            orderby x.Year descending, x.Period descending, x.Id descending
            select new ReportRow(
                new ContentSummary(c.Id, c.ContentItemId, c.ContentType, c.DisplayText, c.PublishedUtc, c.ModifiedUtc, r == null ? null : r.Path),
                x.PeriodKind, x.Period, x.Year))
            .ToListAsync(cancellationToken);
        return new PagedList<ReportRow>(found, page, pageSize, total);
    }

    public async Task<IReadOnlyList<int>> ReportYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ReportIndex>().Where(r => r.Published && r.Year != null).Select(r => r.Year!.Value).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
}
