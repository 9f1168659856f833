using CucThongKe.CitizenServices.Screening;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Screening;

/// <summary>A moderator's "đã xem xét, cho phép" for the current hits of a held citizen's item (the edit page's screening panel
/// posts here). The comments' moderators decide it: they already judge the hits of held comments in their queue.</summary>
[Authorize(Policy = "ModerateComments")]
public sealed class ClearModel(ContentManager contents, ContentDefinitionManager definitions, ScreeningHolds holds) : PageModel
{
    public IActionResult OnGet(string id) => Redirect($"/admin/contents/{Uri.EscapeDataString(id)}/edit");

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } item
            || await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        await holds.ClearAsync(item, type, User.Identity?.Name ?? "", cancellationToken);
        TempData["Message"] = $"Đã ghi nhận: đã xem xét, cho phép “{item.DisplayText}”.";
        return Redirect($"/admin/contents/{Uri.EscapeDataString(id)}/edit");
    }
}
