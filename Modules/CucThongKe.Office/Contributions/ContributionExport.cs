using CucThongKe.Core.Spreadsheets;

namespace CucThongKe.Office.Contributions;

/// <summary>The contribution statistics as a workbook: by person, by unit, the gates, the units' reporting obligations.</summary>
public static class ContributionExport
{
    public static byte[] Xlsx(ContributionReport report, Func<string?, string> unitName)
    {
        var period = Obligations.ReportingPeriod.DisplayName(report.Period.Key);
        SheetColumn[] figures =
        [
            new("Bài viết (gửi duyệt)", NumberStyle.Whole, Total: true), new("Được đăng", NumberStyle.Whole, Total: true), new("Bị trả lại", NumberStyle.Whole, Total: true),
            new("Bị từ chối", NumberStyle.Whole, Total: true), new("Câu hỏi đã trả lời", NumberStyle.Whole, Total: true), new("Trả lời trễ hạn", NumberStyle.Whole, Total: true),
            new("Nhuận bút (đồng)", NumberStyle.Whole, Total: true),
        ];
        static object?[] Figures(ContributionRow r) => [r.Written, r.Published, r.Returned, r.Rejected, r.Answered, r.AnsweredLate, r.Royalties];
        var people = new WorkbookSheet("Theo người", $"Đóng góp theo người, {period}", [new("Họ tên"), new("Đơn vị"), .. figures],
            [.. report.People.Select(r => (IReadOnlyList<object?>)[r.Name, unitName(r.UnitId), .. Figures(r)])]);
        var units = new WorkbookSheet("Theo đơn vị", $"Đóng góp theo đơn vị, {period}", [new("Đơn vị"), .. figures],
            [.. report.Units.Select(r => (IReadOnlyList<object?>)[unitName(r.UnitId), .. Figures(r)])]);
        var gates = new WorkbookSheet("Thời gian duyệt", $"Thời gian chờ trung bình ở mỗi khâu, {period}",
            [new("Khâu"), new("Số lượt", NumberStyle.Whole), new("Trung bình (giờ)", NumberStyle.OneDecimal)],
            [.. report.Gates.Select(g => (IReadOnlyList<object?>)[g.Gate, g.Stays, (decimal)g.AverageHours])]);
        var obligations = new WorkbookSheet("Nghĩa vụ báo cáo", $"Thực hiện nghĩa vụ báo cáo, {period}",
            [new("Đơn vị"), new("Đúng hạn", NumberStyle.Whole, Total: true), new("Trễ hạn", NumberStyle.Whole, Total: true), new("Không thực hiện", NumberStyle.Whole, Total: true),
             new("Quá hạn chưa gửi", NumberStyle.Whole, Total: true), new("Chưa đến hạn", NumberStyle.Whole, Total: true)],
            [.. report.Timeliness.Select(t => (IReadOnlyList<object?>)[unitName(t.UnitId), t.OnTime, t.Late, t.Missed, t.Overdue, t.Open])]);
        return XlsxWorkbook.Write([people, units, gates, obligations]);
    }
}
