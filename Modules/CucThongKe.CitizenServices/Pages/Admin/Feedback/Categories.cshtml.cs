using CucThongKe.CitizenServices.Feedback;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Feedback;

/// <summary>The list of feedback categories, edited as text: one category a line, <c>mã: Tên</c>.</summary>
[Authorize(Policy = "ManageFeedbackCategories")]
public sealed class CategoriesModel(FeedbackCategories categories, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Text = string.Join("\n", (await categories.ListAsync(cancellationToken)).Select(c => $"{c.Id}: {c.Name}"));
        ViewData["Title"] = "Chủ đề góp ý";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Chủ đề góp ý";
        try
        {
            await categories.ReplaceAsync(FeedbackCategories.Parse(Text), cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            return Page();
        }

        TempData["Message"] = "Đã lưu danh mục chủ đề góp ý.";
        return Redirect("/admin/gop-y/chu-de");
    }
}
