using System.Globalization;
using System.Text.Json;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Maintenance;

/// <summary>A window as the back-office form gives it: times in Vietnam time, as the operator reads them.</summary>
public sealed class MaintenanceInput
{
    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public string? Reason { get; set; }

    public bool Urgent { get; set; }

    public string? UrgentReason { get; set; }

    public static MaintenanceInput From(MaintenanceWindow w) => new()
    {
        Start = VietnamTime.FromUtc(w.StartUtc),
        End = VietnamTime.FromUtc(w.EndUtc),
        Reason = w.Reason,
        Urgent = w.Urgent,
        UrgentReason = w.UrgentReason,
    };
}

/// <summary>A refused window (too little notice, end before start, overlap...): 400 with the sentence, nothing stored.</summary>
public sealed class MaintenanceInputException(string message) : Exception(message);

/// <summary>Schedules, changes and cancels maintenance windows, each change recorded in the admin-audit log; the
/// public notice and the maintenance page follow at once on this node (<see cref="MaintenanceState"/>).</summary>
public sealed class MaintenanceSchedule(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    AdminAuditLog audit,
    MaintenanceState state,
    WorkingCalendar calendar,
    IOptions<MaintenanceOptions> options,
    TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>How many windows the back office lists (the latest first); older ones stay in the table and the audit log.</summary>
    public const int ListLimit = 50;

    public Task<List<MaintenanceWindow>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<MaintenanceWindow>().AsNoTracking().OrderByDescending(w => w.StartUtc).Take(ListLimit).ToListAsync(cancellationToken);

    public Task<MaintenanceWindow?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<MaintenanceWindow>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    /// <summary>The first day a window may start without being urgent, when it is scheduled now (Vietnam date):
    /// <see cref="MaintenanceOptions.NoticeWorkingDays"/> whole working days lie between today and that day.</summary>
    public DateOnly EarliestStartDay()
    {
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        return calendar.AddWorkingDays(today, options.Value.NoticeWorkingDays).AddDays(1);
    }

    public Task<MaintenanceWindow> ScheduleAsync(MaintenanceInput input, string userName, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (start, end) = Check(input, now, previousStartUtc: null);
            await CheckOverlapAsync(start, end, exceptId: null, ct);
            var window = new MaintenanceWindow
            {
                StartUtc = start,
                EndUtc = end,
                Reason = input.Reason!.Trim(),
                Urgent = input.Urgent,
                UrgentReason = input.Urgent ? input.UrgentReason!.Trim() : null,
                CreatedUtc = now,
                CreatedBy = userName,
                Version = 1,
            };
            db.Add(window);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AdminAuditActions.MaintenanceWindow, Subject(window),
                $"Đặt lịch tạm ngừng trang để bảo trì {Period(window)}{(window.Urgent ? " (khẩn cấp)" : "")}.",
                before: null, after: Describe(window), reason: window.UrgentReason, actorName: userName, cancellationToken: ct);
            unitOfWork.AfterCommit(state.Invalidate);
            return window;
        }, cancellationToken);

    /// <returns>The changed window, or null when there is none of that id.</returns>
    public Task<MaintenanceWindow?> ChangeAsync(long id, int expectedVersion, MaintenanceInput input, string userName, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var window = await db.Set<MaintenanceWindow>().FirstOrDefaultAsync(w => w.Id == id, ct);
            if (window is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (window.CancelledUtc is not null || window.EndUtc <= now)
            {
                throw new MaintenanceInputException("Lần bảo trì này đã huỷ hoặc đã kết thúc; không sửa được nữa.");
            }

            var before = Describe(window);
            var (start, end) = Check(input, now, window.StartUtc);
            await CheckOverlapAsync(start, end, window.Id, ct);
            db.Entry(window).Property(w => w.Version).OriginalValue = expectedVersion;
            window.StartUtc = start;
            window.EndUtc = end;
            window.Reason = input.Reason!.Trim();
            window.Urgent = input.Urgent;
            window.UrgentReason = input.Urgent ? input.UrgentReason!.Trim() : null;
            window.Version = expectedVersion + 1;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AdminAuditActions.MaintenanceWindow, Subject(window),
                $"Sửa lịch tạm ngừng trang để bảo trì: {Period(window)}{(window.Urgent ? " (khẩn cấp)" : "")}.",
                before, Describe(window), window.UrgentReason, userName, ct);
            unitOfWork.AfterCommit(state.Invalidate);
            return window;
        }, cancellationToken);

    /// <summary>Cancels a window that has not ended (one under way ends now: the site opens again).</summary>
    /// <returns>The cancelled window, or null when there is none of that id.</returns>
    public Task<MaintenanceWindow?> CancelAsync(long id, int expectedVersion, string userName, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var window = await db.Set<MaintenanceWindow>().FirstOrDefaultAsync(w => w.Id == id, ct);
            if (window is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (window.CancelledUtc is not null || window.EndUtc <= now)
            {
                throw new MaintenanceInputException("Lần bảo trì này đã huỷ hoặc đã kết thúc.");
            }

            var before = Describe(window);
            db.Entry(window).Property(w => w.Version).OriginalValue = expectedVersion;
            window.CancelledUtc = now;
            window.CancelledBy = userName;
            window.Version = expectedVersion + 1;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AdminAuditActions.MaintenanceWindow, Subject(window),
                $"Huỷ lịch tạm ngừng trang để bảo trì {Period(window)}.", before, Describe(window), actorName: userName, cancellationToken: ct);
            unitOfWork.AfterCommit(state.Invalidate);
            return window;
        }, cancellationToken);

    /// <summary>The window's times in UTC, or the first rule the input breaks.</summary>
    /// <param name="previousStartUtc">The start already announced (a change): keeping it, or moving it later, needs no new notice.</param>
    private (DateTime Start, DateTime End) Check(MaintenanceInput input, DateTime now, DateTime? previousStartUtc)
    {
        if (input.Start is not { } startLocal || input.End is not { } endLocal)
        {
            throw new MaintenanceInputException("Hãy nhập thời điểm bắt đầu và thời điểm kết thúc (giờ Việt Nam).");
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > MaxReasonLength)
        {
            throw new MaintenanceInputException($"Hãy ghi nội dung thông báo bảo trì (tối đa {MaxReasonLength} ký tự).");
        }

        if (input.Urgent && (string.IsNullOrWhiteSpace(input.UrgentReason) || input.UrgentReason.Trim().Length > MaxReasonLength))
        {
            throw new MaintenanceInputException($"Bảo trì khẩn cấp phải ghi lý do khẩn cấp (tối đa {MaxReasonLength} ký tự).");
        }

        var start = VietnamTime.ToUtc(DateTime.SpecifyKind(startLocal, DateTimeKind.Unspecified));
        var end = VietnamTime.ToUtc(DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified));
        if (end <= start)
        {
            throw new MaintenanceInputException("Thời điểm kết thúc phải sau thời điểm bắt đầu.");
        }

        if (end - start > TimeSpan.FromHours(options.Value.MaxHours))
        {
            throw new MaintenanceInputException($"Một lần bảo trì dài nhất {options.Value.MaxHours} giờ.");
        }

        var startMoved = previousStartUtc is null || start < previousStartUtc;
        if (startMoved && start <= now)
        {
            throw new MaintenanceInputException("Thời điểm bắt đầu đã qua.");
        }

        var earliest = EarliestStartDay();
        if (startMoved && !input.Urgent && DateOnly.FromDateTime(startLocal) < earliest)
        {
            throw new MaintenanceInputException(
                $"Phải thông báo trước ít nhất {options.Value.NoticeWorkingDays} ngày làm việc: lần bảo trì này bắt đầu sớm nhất từ ngày {earliest.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}. " +
                "Nếu buộc phải bảo trì sớm hơn, hãy đánh dấu khẩn cấp và ghi lý do.");
        }

        return (start, end);
    }

    private async Task CheckOverlapAsync(DateTime start, DateTime end, long? exceptId, CancellationToken cancellationToken)
    {
        var other = await db.Set<MaintenanceWindow>().AsNoTracking()
            .Where(w => w.CancelledUtc == null && w.Id != exceptId && w.StartUtc < end && w.EndUtc > start)
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw new MaintenanceInputException($"Trùng với lần bảo trì khác ({Period(other)}).");
        }
    }

    private static string Subject(MaintenanceWindow w) => "bao-tri/" + w.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>"từ 22:00 18/12/2026 đến 02:00 19/12/2026 (giờ Việt Nam)".</summary>
    public static string Period(MaintenanceWindow w) => Period(w.StartUtc, w.EndUtc);

    public static string Period(DateTime startUtc, DateTime endUtc) =>
        $"từ {VietnamTime.Format(startUtc, "HH:mm 'ngày' dd/MM/yyyy")} đến {VietnamTime.Format(endUtc, "HH:mm 'ngày' dd/MM/yyyy")} (giờ Việt Nam)";

    private static string Describe(MaintenanceWindow w) => JsonSerializer.Serialize(new
    {
        start = VietnamTime.Format(w.StartUtc),
        end = VietnamTime.Format(w.EndUtc),
        reason = w.Reason,
        urgent = w.Urgent,
        urgentReason = w.UrgentReason,
        cancelled = w.CancelledUtc is null ? null : VietnamTime.Format(w.CancelledUtc),
    }, CmsJson.Options);
}
