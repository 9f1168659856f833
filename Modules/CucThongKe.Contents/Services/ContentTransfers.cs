using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>Moves items between units (chuyển đơn vị), with a recorded reason.</summary>
public sealed class ContentTransfers(
    CmsDbContext db,
    ContentChangePipeline pipeline,
    ICurrentActor actor,
    IUnitDirectory unitDirectory,
    AdminAuditLog audit)
{
    /// <summary>A transfer's reason must say something: at least this many characters.</summary>
    public const int MinTransferReasonLength = 10;

    /// <summary>
    /// Moves the item to <paramref name="toUnitId"/>: every version carries the new unit, search is told, a workflow follows
    /// it (content handlers), and the move is recorded with its reason in the admin-audit log, which the item's history shows.
    /// </summary>
    /// <remarks>The caller checks the permission (<see cref="Admin.ContentAccess.CanTransfer"/>).</remarks>
    public async Task TransferAsync(string contentItemId, string toUnitId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < MinTransferReasonLength)
        {
            throw new ContentValidationException([new("Reason", $"Cần ghi lý do chuyển đơn vị (ít nhất {MinTransferReasonLength} ký tự).")]);
        }

        if (reason.Length > 2000)
        {
            throw new ContentValidationException([new("Reason", "Lý do dài quá 2.000 ký tự.")]);
        }

        var units = await unitDirectory.ListActiveAsync(cancellationToken);
        var target = units.FirstOrDefault(u => u.Id == toUnitId)
            ?? throw new ContentValidationException([new("UnitId", "Hãy chọn một đơn vị có trong danh sách.")]);

        await pipeline.RunAsync(async ct =>
        {
            var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).ToListAsync(ct);
            var latest = versions.FirstOrDefault(v => v.Latest) ?? throw new ContentNotFoundException(contentItemId);
            var from = latest.UnitId;
            if (from == target.Id)
            {
                throw new ContentValidationException([new("UnitId", "Nội dung đã thuộc đơn vị này.")]);
            }

            // The owning unit is the item's, not a version's: old versions move too, so that no version stays visible to the old unit.
            foreach (var version in versions)
            {
                version.UnitId = target.Id;
            }

            await db.SaveChangesAsync(ct);
            var type = await pipeline.RequireTypeAsync(latest.ContentType, ct);
            await pipeline.IndexAsync(latest, type, IndexingTaskType.Update, ct);
            var context = new ContentUnitTransferContext(latest, type, actor.UserName, actor.UnitId, from, target.Id, reason);
            await pipeline.RaiseAsync(h => h.UnitTransferredAsync(context, ct));
            pipeline.RaiseAfterCommit((h, token) => h.UnitTransferredAsync(context, token));
            var fromName = units.FirstOrDefault(u => u.Id == from)?.Name ?? from ?? "(không có)";
            await audit.RecordAsync(AdminAuditActions.ContentUnitTransfer, contentItemId,
                $"Chuyển “{latest.DisplayText}” từ {fromName} sang {target.Name}.", from, target.Id, reason, cancellationToken: ct);
        }, cancellationToken);
    }

    /// <summary>The item's recorded transfers between units, newest first.</summary>
    public async Task<IReadOnlyList<AdminAuditEntry>> GetTransfersAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<AdminAuditEntry>().AsNoTracking()
            .Where(e => e.Action == AdminAuditActions.ContentUnitTransfer && e.Subject == contentItemId)
            .OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
}
