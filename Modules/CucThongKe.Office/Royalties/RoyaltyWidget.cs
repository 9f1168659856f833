using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Royalties;

/// <summary>The dashboard's royalty block: a contributor's own entries this month; for the accountant, the drafts waiting for review.</summary>
internal sealed class RoyaltyWidget(RoyaltyLedger ledger, CmsDbContext db, TimeProvider clock) : IDashboardWidget
{
    public int Order => 60;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var period = RoyaltyLedger.PeriodOf(clock.GetUtcNow().UtcDateTime);
        var facts = new List<DashboardFact>();
        var links = new List<DashboardLink>();
        string? headline = null;
        if (user.HasPermission(OfficePermissions.ManageRoyalties.Name))
        {
            var drafts = await db.Set<RoyaltyEntry>().CountAsync(e => e.Status == RoyaltyEntryStatus.Draft, cancellationToken);
            headline = drafts == 0 ? "Không có dòng nhuận bút chờ duyệt" : $"{drafts} dòng nhuận bút chờ duyệt";
            links.Add(new DashboardLink("Duyệt sổ nhuận bút", "/admin/nhuan-but?trangthai=Draft", Highlight: drafts > 0));
        }

        if (user.Identity?.Name is { } name)
        {
            var (entries, amount, ownDrafts) = await ledger.OwnTotalsAsync(name, period, cancellationToken);
            if (entries > 0)
            {
                facts.Add(new DashboardFact("Bài, ảnh được tính nhuận bút", entries.ToString(CultureInfo.InvariantCulture)));
                facts.Add(new DashboardFact("Số tiền", RoyaltyMoney.Format(amount)));
                facts.Add(new DashboardFact("Chưa duyệt", ownDrafts.ToString(CultureInfo.InvariantCulture)));
                links.Add(new DashboardLink("Nhuận bút của tôi", $"/admin/nhuan-but?ky={period}"));
            }
        }

        return headline is null && facts.Count == 0
            ? null
            : new DashboardBlock($"Nhuận bút {RoyaltyLedger.PeriodName(period)}", headline, facts, links, new DashboardLink("Báo cáo nhuận bút", "/admin/nhuan-but/bao-cao"));
    }
}
