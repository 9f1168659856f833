using CucThongKe.CitizenServices.Consultation;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Consultation;

/// <summary>The summary of a consultation for the unit in charge (and the board): counts, the accepted comments, the export.</summary>
/// <remarks>Whoever sees the item in the back office sees its summary: its unit's staff, and those who see every unit's items.</remarks>
public sealed class SummaryModel(Consultations consultations, ContentManager contents, SettingsStore settings) : PageModel
{
    public ConsultationSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, int.TryParse(page, out var number) && number is >= 1 and <= PublicContent.MaxPage ? number : 1, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ViewData["Title"] = "Tổng hợp ý kiến dự thảo";
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string id, [FromQuery(Name = "dinh-dang")] string? format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, 1, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        if (await consultations.ExportAsync(Summary.Item, format, site.Citation, cancellationToken) is not { } export)
        {
            return BadRequest("Định dạng tệp không hợp lệ: chọn xlsx hoặc csv.");
        }

        return File(export.Content, export.ContentType, export.FileName);
    }

    private async Task<IActionResult?> LoadAsync(string id, int page, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } item
            || await consultations.SummaryAsync(item, page, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        if (!ContentAccess.CanView(User, item))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Summary = summary;
        return null;
    }
}
