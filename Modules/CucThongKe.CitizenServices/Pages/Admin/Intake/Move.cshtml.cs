using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Intake;

/// <summary>Triage of a citizen's question or feedback: move it to the unit in charge, with a reason (recorded).</summary>
public sealed class MoveModel(CitizenTriage triage, UnitsInEffect units, FailureStatuses failures) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public string CurrentUnitName { get; private set; } = "";

    public IReadOnlyList<Unit> Targets { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public string? UnitId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        try
        {
            await triage.MoveAsync(Item, UnitId, Reason, cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            return Page();
        }

        TempData["Message"] = $"Đã chuyển “{Item.DisplayText}” sang {Targets.First(u => u.Id == UnitId).Name}.";
        return Redirect(Item.ContentType == CitizenMessageKind.Question.ContentType ? $"/admin/quy-trinh/noi-dung/{id}" : $"/admin/contents/{id}/versions");
    }

    private async Task<IActionResult> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await triage.FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (!triage.MayMove(User, item))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Item = item;
        Targets = await triage.TargetsAsync(item, cancellationToken);
        CurrentUnitName = (await units.ListAsync(cancellationToken)).FirstOrDefault(u => u.Id == item.UnitId)?.Name ?? item.UnitId ?? "(chưa có)";
        ViewData["Title"] = "Chuyển đơn vị phụ trách";
        return Page();
    }
}
