using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Units;

/// <summary>The organisation tree: units, their heads and official contacts, their dates and successors.</summary>
[Authorize(Policy = "ManageUnits")]
public sealed class IndexModel(UnitService unitService, UnitMerge merge, FailureStatuses failures) : PageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    /// <summary>The renames and merges of the unit being edited, newest first.</summary>
    public IReadOnlyList<UnitChange> History { get; private set; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>What a merge of the unit being edited would move (null for a new unit).</summary>
    public UnitMergePreview? MergePreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        Units = await unitService.ListAsync();
        if (id is not null)
        {
            var unit = Units.FirstOrDefault(u => u.Id == id);
            if (unit is null)
            {
                return NotFound();
            }

            IsNew = false;
            Input = UnitInput.From(unit);
            History = await unitService.HistoryAsync(unit.Id);
            MergePreview = await merge.PreviewAsync(unit.Id);
        }

        return Page();
    }

    /// <summary>The guided merge: the unit's accounts and its items not yet published move to <paramref name="mergeInto"/>, recorded.</summary>
    public async Task<IActionResult> OnPostMergeAsync(string? id, string? mergeInto, string? mergeReason, CancellationToken cancellationToken)
    {
        Units = await unitService.ListAsync(cancellationToken);
        var unit = Units.FirstOrDefault(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        try
        {
            await merge.MergeAsync(unit.Id, mergeInto, mergeReason, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã sáp nhập {unit.Name}: tài khoản và nội dung chưa đăng đã chuyển sang đơn vị mới.";
            return Redirect($"/admin/units/{unit.Id}");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Errors.Add(this.ShowFailure(failure));
            IsNew = false;
            Input = UnitInput.From(unit);
            History = await unitService.HistoryAsync(unit.Id, cancellationToken);
            MergePreview = await merge.PreviewAsync(unit.Id, cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(string? id, bool isNew)
    {
        Units = await unitService.ListAsync();
        IsNew = isNew;
        var check = await unitService.CheckAsync(Input, id, isNew, Units);
        if (check.NotFound)
        {
            return NotFound();
        }

        Errors.AddRange(check.Errors);
        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Errors.Count > 0)
        {
            History = check.Exists ? await unitService.HistoryAsync(Input.Id) : [];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var unit = await unitService.SaveAsync(Input, User.Identity?.Name);
        TempData["Message"] = $"Đã lưu đơn vị {unit.Name}.";
        return Redirect($"/admin/units/{unit.Id}");
    }

    /// <summary>A unit's name in the history view.</summary>
    public string NameOf(string? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? id ?? "";
}
