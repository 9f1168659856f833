using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Statistics.Pages.Admin.Statistics;

/// <summary>
/// Chỉ số thống kê: the indicators, the import of values (an XLSX/CSV upload or a report's data table) tied to a release
/// still to come, and one indicator's revision history. A refused import names every wrong cell and stores nothing.
/// </summary>
[Authorize(Policy = "ImportIndicatorValues")]
[RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
[RequestSizeLimit(FormLimit)]
public sealed class IndicatorsModel(IndicatorStore store, ReleaseCalendar calendar, IndicatorSources sources) : PageModel
{
    /// <summary>The file's limit and room for the other fields; a larger request is refused before it is read.</summary>
    private const long FormLimit = StatTableReader.MaxBytes + (256 * 1024);

    public const int HistoryRows = 300;

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<ReleaseView> Releases { get; private set; } = [];

    public Indicator? Selected { get; private set; }

    public IReadOnlyList<IndicatorValue> History { get; private set; } = [];

    public IReadOnlyDictionary<long, string> ReleaseTitles { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [FromQuery(Name = "ma")] public string? Code { get; set; }

    [BindProperty(Name = "dot")] public long ReleaseId { get; set; }

    [BindProperty(Name = "bao-cao")] public string? ReportId { get; set; }

    [BindProperty(Name = "bang")] public int? TableNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Code is not null && Selected is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        try
        {
            var table = file is { Length: > 0 }
                ? await ReadAsync(file, cancellationToken)
                : !string.IsNullOrWhiteSpace(ReportId)
                    ? await sources.ReadReportTableAsync(ReportId.Trim(), TableNumber ?? 1, cancellationToken)
                    : throw new StatTableException("Hãy chọn tệp XLSX/CSV hoặc nhập mã báo cáo có bảng số liệu.");
            var outcome = await store.ImportAsync(table, ReleaseId, User.Identity!.Name!, cancellationToken: cancellationToken);
            TempData["Message"] = $"Đã nhập {outcome.Added} giá trị mới, {outcome.Revised} giá trị điều chỉnh (giá trị cũ giữ trong lịch sử), {outcome.Unchanged} giá trị không đổi. Số liệu chỉ hiện trên trang khi đợt công bố được đăng.";
            return Redirect("/admin/chi-so");
        }
        catch (StatTableException ex)
        {
            Errors = [ex.Message];
        }
        catch (IndicatorImportException ex)
        {
            Errors = ex.Errors;
        }
        catch (ReleaseEntryException ex)
        {
            Errors = [ex.Message];
        }

        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private static async Task<StatTable> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await IndicatorSources.ReadUploadAsync(stream, file.FileName, file.Length, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Indicators = await store.ListAsync(cancellationToken);
        Releases = [.. (await calendar.UpcomingAsync(100, cancellationToken)).Where(r => r.State == ReleaseState.Planned)];
        Selected = Code is null ? null : Indicators.FirstOrDefault(i => i.Code == Code);
        if (Selected is not null)
        {
            History = await store.HistoryAsync(Selected.Id, HistoryRows, cancellationToken);
            var ids = History.Select(v => v.ReleaseId).Distinct().ToList();
            var titles = new Dictionary<long, string>();
            foreach (var id in ids)
            {
                titles[id] = (await calendar.FindAsync(id, cancellationToken))?.Title ?? "";
            }

            ReleaseTitles = titles;
        }
    }
}
