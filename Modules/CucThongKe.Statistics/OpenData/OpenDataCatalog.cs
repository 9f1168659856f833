using System.Globalization;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.Media;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indexing;
using CucThongKe.Statistics.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics.OpenData;

/// <summary>What a dataset is: an indicator's series or a report's data table.</summary>
public enum DatasetKind
{
    Indicator,
    DataTable,
}

/// <summary>One way to download a dataset.</summary>
public sealed record DatasetFormat(string Name, string Url, string MediaType);

/// <summary>A dataset of the open data catalogue, with its stable address (<see cref="Url"/>) and formats.</summary>
public sealed record Dataset(string Key, DatasetKind Kind, string Title, string? Description, string SourceUrl, string SourceTitle,
    IReadOnlyList<DatasetFormat> Formats, string? Theme)
{
    public string Url => OpenDataCatalog.PagePath + "/" + Key;

    public string KindName => Kind == DatasetKind.Indicator ? "Chuỗi số liệu chỉ số" : "Bảng số liệu của báo cáo";
}

/// <summary>A dataset with what its page shows besides: the released periods it covers (as readers read them, and as an
/// ISO 8601 interval, <c>2025-01/2026-11</c>) and when it last changed.</summary>
public sealed record DatasetDetail(Dataset Dataset, string? Coverage, string? Temporal, DateTime? Modified, Indicator? Indicator);

/// <summary>The terms of reuse (Điều 8.1 of the regulation: free reuse, the citation line required). Readers get the rule,
/// not the regulation's article number (issue 15 item 6).</summary>
public static class OpenDataLicence
{
    public const string Name = "Tự do sử dụng lại, bắt buộc ghi nguồn";

    public const string Text = "Mọi tổ chức, cá nhân được tự do khai thác, sao chép, phân phối và sử dụng lại dữ liệu, kể cả cho mục đích thương mại, với điều kiện ghi rõ nguồn bằng dòng trích dẫn dưới đây và không làm sai lệch số liệu.";

    /// <summary>The section of the catalogue page that states the terms: the datasets' licence address.</summary>
    public const string Url = OpenDataCatalog.PagePath + "#giay-phep";
}

/// <summary>
/// The open data catalogue (issue 15 item 4): every indicator's series and every published report's data table, each a
/// dataset with a stable address. Nothing of a release not yet out is in it: a series shows its released values only
/// (<see cref="IndicatorStore"/>), and a report tied to a release not out has its tables withheld
/// (<see cref="ReleaseCalendar.WithheldItemIds"/>).
/// </summary>
public sealed class OpenDataCatalog(CmsDbContext db, IndicatorStore indicators, ReleaseCalendar calendar, PublicContent content, ContentDefinitionManager definitions)
{
    public const string PagePath = "/du-lieu-mo";

    /// <summary>The newest reports whose tables the catalogue lists (twenty years of monthly, quarterly and yearly reports).</summary>
    public const int MaxReports = 400;

    public const int MaxPageSize = 100;

    private const string IndicatorPrefix = "chi-so-";
    private const string TablePrefix = "bang-";

    public async Task<PagedList<Dataset>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 1, PublicContent.MaxPage);
        var all = (await indicators.ListAsync(cancellationToken)).Select(Of).Concat((await TablesAsync(null, cancellationToken)).Select(t => t.Dataset)).ToList();
        return new PagedList<Dataset>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count);
    }

    /// <summary>A dataset by its key (<c>chi-so-cpi</c>, <c>bang-{item}-{n}</c>), or null when there is none a reader may see.</summary>
    public async Task<DatasetDetail?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key.StartsWith(IndicatorPrefix, StringComparison.Ordinal))
        {
            if (await indicators.FindAsync(key[IndicatorPrefix.Length..], cancellationToken) is not { } indicator)
            {
                return null;
            }

            var series = await indicators.SeriesAsync(indicator.Id, cancellationToken);
            if (series.Count == 0)
            {
                return new DatasetDetail(Of(indicator), null, null, null, indicator);
            }

            var (first, last) = (series[0].Period, series[^1].Period);
            var start = first.Kind switch { PeriodKind.Month => first.Number, PeriodKind.Quarter => ((first.Number - 1) * 3) + 1, _ => 1 };
            return new DatasetDetail(Of(indicator), first.Label == last.Label ? first.Label : first.Label + " - " + last.Label,
                string.Create(CultureInfo.InvariantCulture, $"{first.Year:0000}-{start:00}/{last.Year:0000}-{last.EndMonth:00}"), series.Max(p => p.CreatedUtc), indicator);
        }

        var dash = key.LastIndexOf('-');
        if (!key.StartsWith(TablePrefix, StringComparison.Ordinal) || dash <= TablePrefix.Length
            || !int.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var itemId = key[TablePrefix.Length..dash];
        if (itemId.Length > 32 || (await TablesAsync(itemId, cancellationToken)).FirstOrDefault(t => t.Dataset.Key == key) is not { } table)
        {
            return null;
        }

        return new DatasetDetail(table.Dataset, table.Period, table.Period, table.Modified, null);
    }

    private static Dataset Of(Indicator indicator)
    {
        var download = "/chi-so/" + indicator.Code + "/tai-ve/";
        return new Dataset(IndicatorPrefix + indicator.Code, DatasetKind.Indicator, indicator.Name, indicator.Definition, "/chi-so/" + indicator.Code, indicator.Name,
        [
            new("CSV", download + "csv", "text/csv"),
            new("XLSX", download + "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            new("JSON", download + "json", "application/json"),
            new("API (JSON)", "/api/data/indicators/" + indicator.Code, "application/json"),
        ], indicator.Theme);
    }

    private sealed record TableRow(Dataset Dataset, string? Period, DateTime Modified);

    /// <summary>The data tables of the published reports a reader may see (one report's when <paramref name="itemId"/> is
    /// given), newest report first.</summary>
    private async Task<IEnumerable<TableRow>> TablesAsync(string? itemId, CancellationToken cancellationToken)
    {
        var withheld = calendar.WithheldItemIds();
        var rows = content.WhereNotHidden(db.Set<ReportIndex>().AsNoTracking().Where(r => r.Published && !withheld.Contains(r.ContentItemId)));
        if (itemId is not null)
        {
            rows = rows.Where(r => r.ContentItemId == itemId);
        }

        var reports = await (
            from x in rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).ThenByDescending(r => r.Id).Take(MaxReports)
            join c in db.Set<ContentItem>().AsNoTracking() on x.ContentItemVersionId equals c.Id
            join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId into routes
            from r in routes.DefaultIfEmpty()
            orderby x.Year descending, x.Period descending, x.Id descending
            select new { Item = c, Path = r == null ? null : r.Path, x.Year })
            .ToListAsync(cancellationToken);
        var found = new List<TableRow>();
        foreach (var report in reports)
        {
            if (await definitions.GetResolvedTypeAsync(report.Item.ContentType, cancellationToken) is not { } type || DataFiles.Of(type, report.Item) is not var (_, files))
            {
                continue;
            }

            var title = report.Item.DisplayText ?? "";
            var source = report.Path is null ? PagePath : "/" + report.Path;
            var tables = files.Where(a => StatTableReader.IsDataFile(a.Path)).ToList();
            for (var i = 0; i < tables.Count; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                var download = "/bang-so-lieu/" + report.Item.ContentItemId + "/" + n + "/";
                var name = tables[i].Title ?? Path.GetFileNameWithoutExtension(tables[i].Path);
                found.Add(new TableRow(new Dataset(TablePrefix + report.Item.ContentItemId + "-" + n, DatasetKind.DataTable, name, "Bảng số liệu của " + title, source, title,
                [
                    new("CSV", download + "csv", "text/csv"),
                    new("XLSX", download + "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    new("Tệp gốc (" + Path.GetExtension(tables[i].Path).TrimStart('.').ToUpperInvariant() + ")", MediaFiles.Url(tables[i].Path), "application/octet-stream"),
                ], "Tình hình kinh tế - xã hội"), report.Year?.ToString(CultureInfo.InvariantCulture), report.Item.ModifiedUtc));
            }
        }

        return found;
    }
}
