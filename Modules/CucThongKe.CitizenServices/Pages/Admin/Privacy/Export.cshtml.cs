using System.Text;
using CucThongKe.CitizenServices.Privacy;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Privacy;

/// <summary>The operator's export of everything held about an e-mail address, as JSON (recorded in the admin-audit log).</summary>
[Authorize(Policy = "ExportPersonalData")]
public sealed class ExportModel(PersonalDataExport export, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => ViewData["Title"] = "Dữ liệu cá nhân theo thư điện tử";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Dữ liệu cá nhân theo thư điện tử";
        try
        {
            var json = await export.ExportAsync(Email, cancellationToken);
            return File(Encoding.UTF8.GetBytes(json.ToJsonString(CmsJson.Indented)), "application/json", "du-lieu-ca-nhan.json");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            return Page();
        }
    }
}
