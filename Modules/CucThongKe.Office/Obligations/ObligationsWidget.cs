using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Obligations;

/// <summary>The dashboard's "overdue reporting obligations" block (Điều 9.1, 17.1): every unit's for those who see all (the director,
/// the board), the unit's own for its head; what is overdue first, then what falls due within the week.</summary>
internal sealed class ObligationsWidget(CmsDbContext db, TimeProvider clock, DisplayNames names) : IDashboardWidget
{
    public const int Shown = 5;

    public int Order => 20;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var everyUnit = user.HasPermission(OfficePermissions.ViewAllObligations.Name);
        var unit = user.FindFirstValue(CmsClaims.Unit);
        if (!everyUnit && !(user.IsInRole("UnitHead") && unit is not null))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Set<ObligationEntry>().AsNoTracking().Where(e => e.Outcome == null && e.DueUtc < now.AddDays(7));
        if (!everyUnit)
        {
            open = open.Where(e => e.UnitId == unit);
        }

        var overdue = await open.CountAsync(e => e.DueUtc < now, cancellationToken);
        var soon = await open.CountAsync(e => e.DueUtc >= now, cancellationToken);
        var rows = await (from e in open
                          join o in db.Set<ReportingObligation>() on e.ObligationId equals o.Id
                          orderby e.DueUtc
                          select new { o.Title, e.UnitId, e.Period, e.DueUtc }).Take(Shown).ToListAsync(cancellationToken);
        var unitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        var links = rows.Select(r => new DashboardLink($"{r.Title} ({r.Period})", "/admin/nghia-vu-bao-cao",
            (everyUnit ? unitNames.GetValueOrDefault(r.UnitId, r.UnitId) + ", " : "") + (r.DueUtc < now ? $"quá hạn từ {VietnamTime.Format(r.DueUtc)}" : $"hạn {VietnamTime.Format(r.DueUtc)}"),
            r.DueUtc < now)).ToList();
        var headline = overdue == 0 && soon == 0
            ? "Không có nghĩa vụ báo cáo nào quá hạn hay sắp đến hạn."
            : $"{overdue.ToString(CultureInfo.InvariantCulture)} nghĩa vụ quá hạn, {soon.ToString(CultureInfo.InvariantCulture)} đến hạn trong 7 ngày tới.";
        return new DashboardBlock(everyUnit ? "Nghĩa vụ báo cáo của các đơn vị" : "Nghĩa vụ báo cáo của đơn vị", headline, [], links,
            new DashboardLink("Xem tất cả nghĩa vụ báo cáo", "/admin/nghia-vu-bao-cao"), Urgent: overdue > 0);
    }
}
