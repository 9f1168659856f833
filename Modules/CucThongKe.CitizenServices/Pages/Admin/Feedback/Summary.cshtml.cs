using CucThongKe.CitizenServices.Feedback;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Feedback;

/// <summary>The board's summary of feedback for a month, quarter or year (Điều 14.4), and its XLSX download.</summary>
[Authorize(Policy = "ViewFeedbackReport")]
public sealed class SummaryModel(FeedbackSummary summary, SettingsStore settings, TimeProvider clock) : PageModel
{
    public FeedbackReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        if (Resolve(period) is not { } resolved)
        {
            return BadPeriod();
        }

        Report = await summary.BuildAsync(resolved, cancellationToken);
        ViewData["Title"] = "Tổng hợp góp ý " + resolved.Label;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        if (Resolve(period) is not { } resolved)
        {
            return BadPeriod();
        }

        var report = await summary.BuildAsync(resolved, cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        return File(FeedbackSummary.Xlsx(report, site.OwnerName ?? "Cục Thống kê"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tong-hop-gop-y-{resolved.Code}.xlsx");
    }

    /// <summary>The period asked for; this month when none is.</summary>
    private FeedbackPeriod? Resolve(string? period) =>
        string.IsNullOrEmpty(period) ? FeedbackPeriod.MonthOf(clock.GetUtcNow().UtcDateTime) : FeedbackPeriod.Parse(period);

    private ContentResult BadPeriod()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Content("Kỳ không hợp lệ: ghi tháng (2026-12), quý (2026-Q4) hoặc năm (2026).");
    }
}
