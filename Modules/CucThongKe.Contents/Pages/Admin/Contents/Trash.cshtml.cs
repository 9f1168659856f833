using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>The trash (thùng rác): the items the user may see that wait there, when each will be purged, and a restore button for those they may edit.</summary>
public sealed class TrashModel(ContentTrash trash, ContentDefinitionManager definitions, IUnitDirectory units, FailureStatuses failures) : PageModel
{
    public TrashListPage Result { get; private set; } = new([], 0, 1, 0);

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public int PurgeAfterDays => trash.PurgeAfterDays;

    public string? ErrorMessage { get; private set; }

    public bool CanRestore(TrashedItem item) => ContentAccess.CanEditUnit(User, item.UnitId);

    public async Task<IActionResult> OnGetAsync(int trang = 1, CancellationToken cancellationToken = default)
    {
        if (!ContentAccess.CanCreate(User))
        {
            return Forbid();
        }

        await LoadAsync(trang, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ContentAccess.CanCreate(User))
        {
            return Forbid();
        }

        var trashed = id is { Length: <= 32 } ? await trash.FindAsync(id, cancellationToken) : null;
        if (trashed is null)
        {
            return NotFound();
        }

        // Another unit's item, for someone who does not edit every unit's: refused as the edit page refuses it (nothing named).
        if (!CanRestore(trashed))
        {
            return Forbid();
        }

        try
        {
            var restored = await trash.RestoreAsync(trashed.ContentItemId, cancellationToken);
            TempData["Message"] = $"Đã khôi phục “{restored.DisplayText}” (phiên bản {restored.Version}).";
            return Redirect($"/admin/contents/{restored.ContentItemId}/edit");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            ErrorMessage = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            await LoadAsync(1, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        Types = await definitions.ListTypesAsync(cancellationToken);
        Units = await units.ListActiveAsync(cancellationToken);
        Result = await trash.ListAsync(ContentAccess.VisibleUnit(User), Math.Clamp(page, 1, 100_000), cancellationToken);
    }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    public string UnitName(string? unit) => unit is null ? "" : Units.FirstOrDefault(u => u.Id == unit)?.Name ?? unit;
}
