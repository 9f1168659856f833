using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Rating;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Rating;

/// <summary>The board's report of satisfaction votes for a month, quarter or year: counts, means and the 1-5 distribution; never a vote.</summary>
[Authorize(Policy = "ViewSatisfactionReport")]
public sealed class ReportModel(SatisfactionRatings ratings, TimeProvider clock) : PageModel
{
    public RatingReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        var resolved = string.IsNullOrEmpty(period) ? FeedbackPeriod.MonthOf(clock.GetUtcNow().UtcDateTime) : FeedbackPeriod.Parse(period);
        if (resolved is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content("Kỳ không hợp lệ: ghi tháng (2026-12), quý (2026-Q4) hoặc năm (2026).");
        }

        Report = await ratings.BuildAsync(resolved, cancellationToken);
        ViewData["Title"] = "Đánh giá mức độ hài lòng " + resolved.Label;
        return Page();
    }
}
