using System.Globalization;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>What a merge of the unit would move: its accounts and the modules' work in progress.</summary>
public sealed record UnitMergePreview(int Accounts, IReadOnlyList<string> Work);

/// <summary>A refused merge (unknown unit, the unit itself, a reason too short...): 400 with the sentence, nothing moved.</summary>
public sealed class UnitMergeException(string message) : Exception(message);

/// <summary>
/// Merges a unit into another as one guided, recorded move: its accounts join the other unit, the modules move their work
/// in progress (Contents: the items not yet published, and their place in the approval chain), the unit ends today with its
/// successor named, and the admin-audit log and the unit's history record it. All or nothing.
/// </summary>
public sealed class UnitMerge(CmsDbContext db, UnitOfWork unitOfWork, AdminAuditLog audit, IEnumerable<IUnitMergeParticipant> participants, TimeProvider clock)
{
    public const int MinReasonLength = 10;

    public async Task<UnitMergePreview> PreviewAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var accounts = await db.Set<CmsUser>().CountAsync(u => u.UnitId == unitId, cancellationToken);
        var work = new List<string>();
        foreach (var participant in participants)
        {
            if (await participant.DescribeAsync(unitId, cancellationToken) is { } phrase)
            {
                work.Add(phrase);
            }
        }

        return new UnitMergePreview(accounts, work);
    }

    /// <returns>The merged unit, or null when there is none of <paramref name="fromId"/>.</returns>
    public Task<Unit?> MergeAsync(string fromId, string? toId, string? reason, string actor, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var from = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == fromId, ct);
            if (from is null)
            {
                return null;
            }

            var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
            reason = reason?.Trim();
            var to = string.IsNullOrEmpty(toId) ? null : await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == toId, ct);
            if (to is null || to.Id == from.Id || to.EffectiveTo < today || to.SucceededById is not null)
            {
                throw new UnitMergeException("Hãy chọn đơn vị nhận sáp nhập: một đơn vị khác, đang hoạt động.");
            }

            if (from.SucceededById is not null || from.EffectiveTo < today)
            {
                throw new UnitMergeException("Đơn vị này đã sáp nhập hoặc đã hết hiệu lực.");
            }

            if (from.Kind == UnitKind.Office || await db.Set<Unit>().AnyAsync(u => u.ParentId == from.Id && u.SucceededById == null && (u.EffectiveTo == null || u.EffectiveTo >= today), ct))
            {
                throw new UnitMergeException("Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy chuyển hoặc sáp nhập chúng trước.");
            }

            if (string.IsNullOrEmpty(reason) || reason.Length < MinReasonLength || reason.Length > 2000)
            {
                throw new UnitMergeException($"Hãy ghi lý do sáp nhập (từ {MinReasonLength} đến 2.000 ký tự), ví dụ số quyết định.");
            }

            var moved = 0;
            foreach (var participant in participants)
            {
                moved += await participant.MoveAsync(from.Id, to.Id, reason, ct);
            }

            var accounts = await db.Set<CmsUser>().Where(u => u.UnitId == from.Id).ToListAsync(ct);
            foreach (var account in accounts)
            {
                account.UnitId = to.Id;
            }

            from.SucceededById = to.Id;
            from.EffectiveTo = today;
            db.Add(new UnitChange
            {
                UnitId = from.Id, Kind = UnitChangeKind.Merged, OldName = from.Name, MergedIntoId = to.Id, EffectiveDate = today,
                RecordedUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = actor,
            });
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AdminAuditActions.UnitMerge, from.Id,
                $"Sáp nhập {from.Name} vào {to.Name}: chuyển {accounts.Count} tài khoản và {moved.ToString(CultureInfo.InvariantCulture)} nội dung chưa đăng.",
                from.Id, to.Id, reason, actor, ct);
            return from;
        }, cancellationToken);
}
