using CucThongKe.Core.Data;
using CucThongKe.Core.Spreadsheets;

namespace CucThongKe.Office.Royalties;

/// <summary>The ledger's report as a workbook: by person, by unit, and the lines, each with its totals.</summary>
public static class RoyaltyExport
{
    public static byte[] Xlsx(RoyaltyReport report, Func<string?, string?, string> unitName)
    {
        var span = report.From == report.To ? RoyaltyLedger.PeriodName(report.From) : $"{RoyaltyLedger.PeriodName(report.From)} – {RoyaltyLedger.PeriodName(report.To)}";
        var people = new WorkbookSheet("Theo người", $"Nhuận bút theo người, {span}",
            [new("Họ tên"), new("Đơn vị"), new("Số dòng", NumberStyle.Whole, Total: true), new("Số tiền (đồng)", NumberStyle.Whole, Total: true)],
            [.. report.People.Select(p => (IReadOnlyList<object?>)[p.PersonName, unitName(p.UnitId, p.ExternalUnit), p.Entries, p.Amount])]);
        var units = new WorkbookSheet("Theo đơn vị", $"Nhuận bút theo đơn vị, {span}",
            [new("Đơn vị"), new("Số người", NumberStyle.Whole, Total: true), new("Số dòng", NumberStyle.Whole, Total: true), new("Số tiền (đồng)", NumberStyle.Whole, Total: true)],
            [.. report.Units.Select(u => (IReadOnlyList<object?>)[unitName(u.UnitId, u.ExternalUnit), u.People, u.Entries, u.Amount])]);
        var lines = new WorkbookSheet("Chi tiết", $"Sổ nhuận bút, {span}" + (report.Truncated ? $" ({report.Rows.Count} trên {report.EntryCount} dòng)" : ""),
            [
                new("Kỳ"), new("Ngày đăng"), new("Tiêu đề"), new("Loại"), new("Vai trò"), new("Họ tên"), new("Đơn vị"),
                new("Số lượng", NumberStyle.Whole), new("Điểm", NumberStyle.OneDecimal, Total: true), new("Số tiền (đồng)", NumberStyle.Whole, Total: true), new("Trạng thái"),
            ],
            [.. report.Rows.Select(e => (IReadOnlyList<object?>)
            [
                e.Period, VietnamTime.Format(e.PublishedUtc, "dd/MM/yyyy"), e.Title, e.Kind, RoyaltyEntry.RoleName(e.Role), e.PersonName,
                unitName(e.UnitId, e.ExternalUnit), e.Quantity, e.Points, e.Amount, RoyaltyEntry.StatusName(e.Status),
            ])]);
        return XlsxWorkbook.Write([people, units, lines]);
    }
}
