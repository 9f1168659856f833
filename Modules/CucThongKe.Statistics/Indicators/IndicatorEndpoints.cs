using System.Text.Json;
using CucThongKe.Core.Settings;
using CucThongKe.Statistics.DataTables;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Statistics.Indicators;

/// <summary>An indicator's series downloaded as CSV, XLSX or JSON: the values readers may see, with the citation (Điều 8.1).</summary>
internal static class IndicatorEndpoints
{
    public static async Task<IResult> DownloadAsync(string code, string format, IndicatorStore store, SettingsStore settings, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx" or "json") || await store.FindAsync(code, cancellationToken) is not { } indicator)
        {
            return Results.NotFound();
        }

        var series = await store.SeriesAsync(indicator.Id, cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var name = "chi-so-" + indicator.Code;
        if (format == "json")
        {
            var document = new
            {
                code = indicator.Code,
                name = indicator.Name,
                unit = indicator.Unit,
                frequency = indicator.Frequency.ToString(),
                source = indicator.Source,
                citation = site.Citation,
                values = series.Select(p => new { period = p.Period.Key, label = p.Period.Label, value = p.Value, status = p.Status.ToString() }),
            };
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions), "application/json; charset=utf-8", name + ".json");
        }

        var table = Table(indicator, series);
        return format == "csv"
            ? Results.File(StatTableExport.Csv(table, site.Citation), "text/csv; charset=utf-8", name + ".csv")
            : Results.File(StatTableExport.Xlsx(table, site.Citation), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>The series as a table: period, value (invariant, so that programs read it), status.</summary>
    public static StatTable Table(Indicator indicator, IReadOnlyList<SeriesPoint> series) => new()
    {
        Caption = indicator.Name,
        Headers = ["Kỳ", string.IsNullOrEmpty(indicator.Unit) ? "Giá trị" : $"Giá trị ({indicator.Unit})", "Tình trạng"],
        Rows = [.. series.Select(p => (IReadOnlyList<string>)[p.Period.Label, VietnameseNumber.Invariant(p.Value), IndicatorValue.StatusName(p.Status)])],
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
