using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using CucThongKe.Office.Obligations;

namespace CucThongKe.Office.Contributions;

/// <summary>The dashboard's block for the director and the board: this month's publications, returns, answers and obligations, from the statistics.</summary>
internal sealed class ContributionWidget(ContributionStatistics statistics, TimeProvider clock) : IDashboardWidget
{
    public int Order => 55;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(OfficePermissions.ViewAllContributions.Name))
        {
            return null;
        }

        var month = ObligationSchedule.PeriodOf(ObligationFrequency.Monthly, ObligationSchedule.VietnamDate(clock.GetUtcNow().UtcDateTime));
        var report = await statistics.BuildAsync(month, null, cancellationToken);
        var total = report.Total;
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        var late = report.Timeliness.Sum(t => t.Late + t.Missed + t.Overdue);
        return new DashboardBlock(
            "Đóng góp " + ReportingPeriod.DisplayName(month.Key),
            $"{Count(total.Published)} tin, bài được đăng",
            [
                new DashboardFact("Gửi duyệt", Count(total.Written)),
                new DashboardFact("Bị trả lại", Count(total.Returned)),
                new DashboardFact("Câu hỏi đã trả lời (trễ)", $"{Count(total.Answered)} ({Count(total.AnsweredLate)})"),
                new DashboardFact("Nghĩa vụ đúng hạn / trễ, thiếu", $"{Count(report.Timeliness.Sum(t => t.OnTime))} / {Count(late)}"),
            ],
            [],
            new DashboardLink("Thống kê đóng góp", "/admin/thong-ke-dong-gop?ky=" + month.Key));
    }
}
