using CucThongKe.Core.Hosting;
using CucThongKe.Core.Maintenance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Maintenance;

/// <summary>The maintenance windows (the latest first) and the form that schedules a new one.</summary>
[Authorize(Policy = "ManageMaintenance")]
public sealed class IndexModel(MaintenanceSchedule schedule, FailureStatuses failures, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MaintenanceInput Input { get; set; } = new();

    public IReadOnlyList<MaintenanceWindow> Windows { get; private set; } = [];

    public DateOnly EarliestStartDay { get; private set; }

    public DateTime NowUtc { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Error = "Thời điểm nhập không hợp lệ; hãy chọn ngày và giờ theo mẫu.";
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var window = await schedule.ScheduleAsync(Input, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã đặt lịch bảo trì {MaintenanceSchedule.Period(window)}; trang công khai hiện thông báo từ bây giờ.";
            return Redirect("/admin/bao-tri");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        EarliestStartDay = schedule.EarliestStartDay();
        Windows = await schedule.ListAsync(cancellationToken);
    }
}
