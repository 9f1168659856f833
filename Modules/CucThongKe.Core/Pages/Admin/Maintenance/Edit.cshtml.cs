using CucThongKe.Core.Hosting;
using CucThongKe.Core.Maintenance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Maintenance;

/// <summary>Changes or cancels a window not yet ended; each change is recorded in the admin-audit log.</summary>
[Authorize(Policy = "ManageMaintenance")]
public sealed class EditModel(MaintenanceSchedule schedule, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public MaintenanceInput Input { get; set; } = new();

    public MaintenanceWindow Window { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await schedule.FindAsync(id, cancellationToken) is not { } window)
        {
            return NotFound();
        }

        Window = window;
        Input = MaintenanceInput.From(window);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id, int version, CancellationToken cancellationToken) =>
        RunAsync(id, () => ModelState.IsValid
            ? schedule.ChangeAsync(id, version, Input, User.Identity!.Name!, cancellationToken)
            : throw new MaintenanceInputException("Thời điểm nhập không hợp lệ; hãy chọn ngày và giờ theo mẫu."), "Đã lưu lịch bảo trì.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(long id, int version, CancellationToken cancellationToken) =>
        RunAsync(id, () => schedule.CancelAsync(id, version, User.Identity!.Name!, cancellationToken), "Đã huỷ lịch bảo trì.", cancellationToken);

    private async Task<IActionResult> RunAsync(long id, Func<Task<MaintenanceWindow?>> change, string done, CancellationToken cancellationToken)
    {
        if (await schedule.FindAsync(id, cancellationToken) is not { } window)
        {
            return NotFound();
        }

        Window = window;
        try
        {
            if (await change() is null)
            {
                return NotFound();
            }

            TempData["Message"] = done;
            return Redirect("/admin/bao-tri");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            return Page();
        }
    }
}
