using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>A merged unit's items not yet published (drafts, items in the approval chain) move to the unit it joins, each
/// as a recorded transfer (so the chain follows: <see cref="ContentTransfers"/>); published items keep the unit that wrote them.</summary>
internal sealed class PendingContentUnitMerge(CmsDbContext db, ContentTransfers transfers) : IUnitMergeParticipant
{
    private IQueryable<string> Pending(string unitId) =>
        db.Set<ContentItem>().AsNoTracking().Where(c => c.Latest && !c.Published && c.UnitId == unitId).Select(c => c.ContentItemId);

    public async Task<string?> DescribeAsync(string fromUnitId, CancellationToken cancellationToken)
    {
        var count = await Pending(fromUnitId).CountAsync(cancellationToken);
        return count == 0 ? null : $"{count} nội dung chưa đăng (bản nháp, đang trong quy trình duyệt)";
    }

    public async Task<int> MoveAsync(string fromUnitId, string toUnitId, string reason, CancellationToken cancellationToken)
    {
        var ids = await Pending(fromUnitId).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await transfers.TransferAsync(id, toUnitId, reason, cancellationToken);
        }

        return ids.Count;
    }
}
