using CucThongKe.Core.Hosting;
using CucThongKe.Core.SettingsAdmin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Settings;

/// <summary>The site's name, addresses, contacts, the person responsible and the citation line (Điều 3.3, 8.1).</summary>
[Authorize(Policy = "ManageSettings")]
public sealed class IndexModel(SiteSettingsEditor editor, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public SiteSettingsInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = SiteSettingsInput.From(await editor.GetAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!ModelState.IsValid)
            {
                throw new SiteSettingsInputException("Số mục mỗi trang phải là một số.");
            }

            await editor.SaveAsync(Input, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = "Đã lưu cài đặt trang.";
            return Redirect("/admin/cai-dat");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            return Page();
        }
    }
}
