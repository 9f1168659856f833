using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Settings;
using CucThongKe.Contents.Published;
using CucThongKe.Media;
using CucThongKe.Statistics.Calendar;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Statistics.DataTables;

/// <summary>A published report's data table, downloaded as CSV or XLSX.</summary>
internal static class DataTableEndpoints
{
    public static async Task<IResult> DownloadAsync(string id, int index, string format, ContentManager contents, ContentDefinitionManager definitions, PublicContent content, MediaFiles files, SettingsStore settings, ReleaseCalendar calendar, CancellationToken cancellationToken)
    {
        if (id.Length > 32 || format is not ("csv" or "xlsx"))
        {
            return Results.NotFound();
        }

        // A report tied to a release not out yet keeps its tables with the release's values (the calendar's one rule).
        var item = await contents.GetAsync(id, VersionOptions.Published, cancellationToken);
        if (item is null || content.IsHidden(item) || await calendar.IsWithheldAsync(id, cancellationToken)
            || await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken) is not { } type || DataFiles.Of(type, item) is not var (_, attachments))
        {
            return Results.NotFound();
        }

        var tables = attachments.Where(a => StatTableReader.IsDataFile(a.Path)).ToList();
        if (index < 0 || index >= tables.Count || await files.ResolveAsync(tables[index].Path, cancellationToken) is not { } full)
        {
            return Results.NotFound();
        }

        StatTable table;
        try
        {
            table = StatTableReader.Read(full, tables[index].Title ?? Path.GetFileName(full));
        }
        catch (StatTableException)
        {
            return Results.NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var name = Path.GetFileNameWithoutExtension(full);
        return format == "csv"
            ? Results.File(StatTableExport.Csv(table, site.Citation), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(StatTableExport.Xlsx(table, site.Citation), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
