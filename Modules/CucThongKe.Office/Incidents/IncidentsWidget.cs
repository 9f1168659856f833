using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Incidents;

/// <summary>The dashboard's "open incidents" block (Điều 11.6): for the technical staff, with links to handle them; for the director
/// and the board head, what is open and how serious, without the log's details.</summary>
internal sealed class IncidentsWidget(CmsDbContext db) : IDashboardWidget
{
    public const int Shown = 5;

    public int Order => 30;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var staff = user.HasPermission(OfficePermissions.ManageIncidents.Name);
        if (!staff && !user.IsInRole("Director") && !user.IsInRole("BoardHead"))
        {
            return null;
        }

        var open = db.Set<Incident>().AsNoTracking().Where(i => i.Status != IncidentStatus.Resolved);
        var count = await open.CountAsync(cancellationToken);
        var rows = await open.OrderByDescending(i => i.Severity).ThenByDescending(i => i.OccurredUtc)
            .Select(i => new { i.Id, i.Title, i.Severity, i.Status, i.OccurredUtc }).Take(Shown).ToListAsync(cancellationToken);
        var serious = rows.Any(r => r.Severity >= IncidentSeverity.High);
        var links = rows.Where(_ => staff).Select(r => new DashboardLink(r.Title, $"/admin/su-co/ghi/{r.Id.ToString(CultureInfo.InvariantCulture)}",
            $"{Severity(r.Severity)}, {(r.Status == IncidentStatus.Open ? "chưa ai nhận" : "đang xử lý")}, từ {VietnamTime.Format(r.OccurredUtc)}",
            r.Severity >= IncidentSeverity.High)).ToList();
        return new DashboardBlock("Sự cố kỹ thuật đang mở",
            count == 0 ? "Không có sự cố nào đang mở." : $"{count.ToString(CultureInfo.InvariantCulture)} sự cố chưa xử lý xong.",
            staff ? [] : [.. rows.Select(r => new DashboardFact(r.Title, $"{Severity(r.Severity)}, từ {VietnamTime.Format(r.OccurredUtc)}", r.Severity >= IncidentSeverity.High))],
            links,
            staff ? new DashboardLink("Xem nhật ký sự cố", "/admin/su-co") : null, Urgent: serious);
    }

    private static string Severity(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => "nghiêm trọng",
        IncidentSeverity.High => "cao",
        IncidentSeverity.Medium => "trung bình",
        _ => "thấp",
    };
}
