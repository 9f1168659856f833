using CucThongKe.CitizenServices.Screening;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Screening;

/// <summary>The list of prohibited words, phrases and link domains, one a line.</summary>
[Authorize(Policy = "ManageScreening")]
public sealed class IndexModel(ContentScreening screening, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public string? Terms { get; set; }

    [BindProperty]
    public string? Domains { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await screening.ListAsync(cancellationToken);
        Terms = string.Join('\n', list.Terms);
        Domains = string.Join('\n', list.Domains);
        ViewData["Title"] = "Sàng lọc từ ngữ, liên kết";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Sàng lọc từ ngữ, liên kết";
        try
        {
            await screening.SaveAsync(Terms, Domains, cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure) + " Danh sách chưa được lưu.";
            return Page();
        }

        TempData["Message"] = "Đã lưu danh sách sàng lọc.";
        return Redirect("/admin/sang-loc");
    }
}
