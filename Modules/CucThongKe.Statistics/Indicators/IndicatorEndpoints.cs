using System.Text.Json;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Spreadsheets;
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
        return format switch
        {
            "json" => Results.File(IndicatorExport.Json(indicator, series, site.Citation), "application/json; charset=utf-8", name + ".json"),
            "csv" => Results.File(IndicatorExport.Csv(indicator, series, site.Citation), "text/csv; charset=utf-8", name + ".csv"),
            _ => Results.File(IndicatorExport.Xlsx(indicator, series, site.Citation), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
        };
    }
}

/// <summary>An indicator's series as files for programs and spreadsheets: numbers are never the Vietnamese display form
/// (<c>1.234,5</c>, which a spreadsheet in another locale or a script reads as text or as 1.2345) but invariant text in
/// CSV (<c>1234.5</c>), number cells formatted with the indicator's decimals in XLSX, and JSON numbers.</summary>
public static class IndicatorExport
{
    public static byte[] Csv(Indicator indicator, IReadOnlyList<SeriesPoint> series, string citation) =>
        StatTableExport.Csv(new StatTable
        {
            Caption = indicator.Name,
            Headers = Headers(indicator),
            Rows = [.. series.Select(p => (IReadOnlyList<string>)[p.Period.Label, VietnameseNumber.Invariant(p.Value), IndicatorValue.StatusName(p.Status)])],
        }, citation);

    /// <summary>The values as number cells (the decimal itself, not text read back as a number, so 1.234 stays 1.234) shown
    /// with the indicator's decimals; period and status as text.</summary>
    public static byte[] Xlsx(Indicator indicator, IReadOnlyList<SeriesPoint> series, string citation)
    {
        var headers = Headers(indicator);
        SheetColumn[] columns = [new(headers[0]), new(headers[1], XlsxWorkbook.Fixed(indicator.Decimals)), new(headers[2])];
        var rows = series.Select(p => (IReadOnlyList<object?>)[p.Period.Label, p.Value, IndicatorValue.StatusName(p.Status)]).ToList();
        return XlsxWorkbook.Write([new WorkbookSheet("Số liệu", null, columns, rows, Footer: citation)]);
    }

    public static byte[] Json(Indicator indicator, IReadOnlyList<SeriesPoint> series, string citation) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            code = indicator.Code,
            name = indicator.Name,
            unit = indicator.Unit,
            frequency = indicator.Frequency.ToString(),
            source = indicator.Source,
            citation,
            values = series.Select(p => new { period = p.Period.Key, label = p.Period.Label, value = p.Value, status = p.Status.ToString() }),
        }, JsonOptions);

    private static string[] Headers(Indicator indicator) =>
        ["Kỳ", string.IsNullOrEmpty(indicator.Unit) ? "Giá trị" : $"Giá trị ({indicator.Unit})", "Tình trạng"];

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
