using CucThongKe.Office.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Incidents;

/// <summary>The incident log (Điều 11.6): unresolved first, filtered by status, paged.</summary>
[Authorize(Policy = "ManageIncidents")]
public sealed class IndexModel(IncidentLog log) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public IncidentStatus? Status { get; private set; }

    public bool HasMore => PageNumber * PageSize < Total;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trangthai")] string? status, int trang = 1, CancellationToken cancellationToken = default)
    {
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Content("Trạng thái không hợp lệ.");
            }

            Status = parsed;
        }

        PageNumber = Math.Clamp(trang, 1, 100_000);
        (Incidents, Total) = await log.PageAsync(Status, PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
