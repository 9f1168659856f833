using CucThongKe.CitizenServices.Feedback;
using CucThongKe.Contents.Admin;
using CucThongKe.Core.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Feedback;

/// <summary>The feedback inbox: a unit's own feedback (the board's: every unit's), newest first, filtered by status and category, paged.</summary>
public sealed class IndexModel(FeedbackDesk desk, FeedbackCategories categories, DisplayNames names) : PageModel
{
    public IReadOnlyList<FeedbackRow> Rows { get; private set; } = [];

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public FeedbackState? Status { get; private set; }

    public string? CategoryId { get; private set; }

    public bool HasMore => PageNumber * FeedbackDesk.PageSize < Total;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trangthai")] string? status, [FromQuery(Name = "chude")] string? category, int trang = 1, CancellationToken cancellationToken = default)
    {
        if (!ContentAccess.CanCreate(User) && ContentAccess.VisibleUnit(User) is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Categories = await categories.ListAsync(cancellationToken);
        try
        {
            Status = status is { Length: > 0 } ? FeedbackDesk.ParseStatus(status) : null;
        }
        catch (FeedbackInputException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content(ex.Message);
        }

        if (category is { Length: > 0 } && Categories.All(c => c.Id != category))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Content("Chủ đề không có trong danh mục chủ đề góp ý.");
        }

        CategoryId = category is { Length: > 0 } ? category : null;
        PageNumber = Math.Clamp(trang, 1, 100_000);
        (Rows, Total) = await desk.PageAsync(User, Status, CategoryId, PageNumber, cancellationToken);
        // Every unit by its name, a retired or merged one too (an old feedback keeps the unit it reached).
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        ViewData["Title"] = "Góp ý nhận được";
        return Page();
    }

    public string CategoryName(string? id) => Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "(chưa phân loại)";

    public string PageLink(int page) =>
        $"/admin/gop-y?trangthai={Status}&chude={Uri.EscapeDataString(CategoryId ?? "")}&trang={page}";
}
