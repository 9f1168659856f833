using System.Text;
using System.Text.Json;
using CucThongKe.Statistics.Indicators;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CucThongKe.Tests.Statistics;

/// <summary>An indicator's downloads carry numbers programs read (issue 15): invariant text in CSV, number cells with a
/// number format in XLSX, JSON numbers; never the Vietnamese display form ("1.234,5").</summary>
public class IndicatorExportTests
{
    private const string Citation = "Nguồn: Cục Thống kê tỉnh Thái Nguyên";

    private static readonly Indicator Retail = new() { Code = "ban-le", Name = "Tổng mức bán lẻ hàng hóa", Unit = "tỷ đồng", Decimals = 1, Frequency = PeriodKind.Month };

    // A value in the thousands, a negative change (growth below zero) and a value whose '.' a Vietnamese reader would take for thousands.
    private static readonly SeriesPoint[] Series =
    [
        new(new Period(PeriodKind.Month, 2026, 9), 1234.5m, ValueStatus.Final, DateTime.UnixEpoch),
        new(new Period(PeriodKind.Month, 2026, 10), -0.75m, ValueStatus.Revised, DateTime.UnixEpoch),
        new(new Period(PeriodKind.Month, 2026, 11), 1.234m, ValueStatus.Preliminary, DateTime.UnixEpoch),
    ];

    [Fact]
    public void The_csv_writes_a_dot_for_decimals_and_no_thousands_separator()
    {
        var text = Encoding.UTF8.GetString(IndicatorExport.Csv(Retail, Series, Citation)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n");

        Assert.Equal("Kỳ,Giá trị (tỷ đồng),Tình trạng", lines[0]);
        Assert.Equal("Tháng 9/2026,1234.5,Chính thức", lines[1]);
        Assert.Equal("Tháng 10/2026,-0.75,Điều chỉnh", lines[2]);
        Assert.Equal("Tháng 11/2026,1.234,Sơ bộ", lines[3]);
        Assert.Equal(Citation, lines[4]);
    }

    [Fact]
    public void The_xlsx_has_number_cells_with_the_indicators_decimals_as_their_format()
    {
        using var stream = new MemoryStream(IndicatorExport.Xlsx(Retail, Series, Citation));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet!;

        Assert.Equal("Giá trị (tỷ đồng)", cells["B1"].InnerText);
        foreach (var (reference, value) in new[] { ("B2", "1234.5"), ("B3", "-0.75"), ("B4", "1.234") })
        {
            var cell = cells[reference];
            Assert.Null(cell.DataType); // a number, not text
            Assert.Equal(value, cell.CellValue!.Text);
            var cellFormat = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            var code = formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == cellFormat.NumberFormatId!.Value).FormatCode!.Value;
            Assert.Equal("#,##0.0", code);
        }

        Assert.Equal("Tháng 10/2026", cells["A3"].InnerText);
        Assert.Equal("Điều chỉnh", cells["C3"].InnerText);
    }

    [Fact]
    public void The_json_values_are_json_numbers()
    {
        using var json = JsonDocument.Parse(IndicatorExport.Json(Retail, Series, Citation));
        var values = json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value")).ToList();

        Assert.All(values, v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        Assert.Equal(["1234.5", "-0.75", "1.234"], values.Select(v => v.GetRawText()));
        Assert.Equal("2026-M10", json.RootElement.GetProperty("values")[1].GetProperty("period").GetString());
    }
}
