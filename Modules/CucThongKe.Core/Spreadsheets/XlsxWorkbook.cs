using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CucThongKe.Core.Spreadsheets;

/// <summary>How a column's numbers are shown.</summary>
public enum NumberStyle
{
    /// <summary>Text, or a number without a format of its own (shown whole with thousands separators, as <see cref="Whole"/>).</summary>
    Text,

    /// <summary>Whole numbers with thousands separators (counts, đồng): <c>#,##0</c>.</summary>
    Whole,

    /// <summary>One decimal (points, days): <c>#,##0.0</c>.</summary>
    OneDecimal,

    /// <summary>A number as it is, every decimal kept (a statistical table's figures): the spreadsheet's General format.</summary>
    General,

    /// <summary>Two decimals: <c>#,##0.00</c> (an index such as a CPI).</summary>
    TwoDecimals,

    /// <summary>Three decimals: <c>#,##0.000</c>.</summary>
    ThreeDecimals,

    /// <summary>Four decimals: <c>#,##0.0000</c>.</summary>
    FourDecimals,
}

/// <summary>A column: its header and number format; <see cref="Total"/> sums it in the totals row (a SUM formula).</summary>
public sealed record SheetColumn(string Header, NumberStyle Format = NumberStyle.Text, bool Total = false);

/// <summary>A sheet: a title line (none: the header row is the first), the header row, the data rows (string, long, int, decimal,
/// double or null cells), when a column asks a totals row, and a footer line under it all (a citation, Điều 8.1).</summary>
public sealed record WorkbookSheet(string Name, string? Title, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    string TotalLabel = "Tổng cộng", string? Footer = null);

/// <summary>
/// The site's one XLSX writer (the office's ledgers and statistics, Statistics' data tables, CitizenServices' summaries), on the
/// Open XML SDK the site already uses for spreadsheets (Unicode's converter): text as inline strings (Vietnamese kept as typed),
/// numbers as numbers with their format, a bold header, frozen header rows and totals as SUM formulas with their value cached,
/// so a reader without recalculation sees them.
/// </summary>
public static class XlsxWorkbook
{
    // Style indexes in the stylesheet below.
    private const uint Bold = 1;
    private const uint IntegerStyle = 2;
    private const uint DecimalStyle = 3;
    private const uint BoldInteger = 4;
    private const uint BoldDecimal = 5;
    private const uint TwoDecimalStyle = 6;
    private const uint ThreeDecimalStyle = 7;
    private const uint FourDecimalStyle = 8;

    /// <summary>The style that shows <paramref name="decimals"/> places (0 to 4), thousands grouped: a figure shown to readers
    /// with that many places keeps every digit in its cell and shows as the site shows it.</summary>
    public static NumberStyle Fixed(int decimals) => Math.Clamp(decimals, 0, 4) switch
    {
        0 => NumberStyle.Whole,
        1 => NumberStyle.OneDecimal,
        2 => NumberStyle.TwoDecimals,
        3 => NumberStyle.ThreeDecimals,
        _ => NumberStyle.FourDecimals,
    };

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The spreadsheet letter of a zero-based column (A, B, ..., AA).</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static Worksheet Worksheet(WorkbookSheet sheet)
    {
        var data = new SheetData();
        uint headerRow = 1;
        if (sheet.Title is not null)
        {
            data.Append(new Row(TextCell("A1", sheet.Title, Bold)) { RowIndex = 1 });
            headerRow = 2;
        }

        data.Append(new Row(sheet.Columns.Select((c, i) => TextCell($"{Column(i)}{headerRow}", c.Header, Bold))) { RowIndex = headerRow });
        var firstDataRow = (int)headerRow + 1;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(firstDataRow + r);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var value = c < sheet.Rows[r].Count ? sheet.Rows[r][c] : null;
                if (ValueCell($"{Column(c)}{rowIndex}", value, sheet.Columns[c].Format) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var nextRow = (uint)(firstDataRow + sheet.Rows.Count);
        if (sheet.Columns.Any(c => c.Total))
        {
            var totalIndex = nextRow++;
            var total = new Row { RowIndex = totalIndex };
            total.Append(TextCell($"A{totalIndex}", sheet.TotalLabel, Bold));
            for (var c = 1; c < sheet.Columns.Count; c++)
            {
                if (!sheet.Columns[c].Total)
                {
                    continue;
                }

                var sum = sheet.Rows.Sum(row => c < row.Count ? ToDecimal(row[c]) : 0m);
                var last = Math.Max(firstDataRow, totalIndex - 1);
                total.Append(new Cell
                {
                    CellReference = $"{Column(c)}{totalIndex}",
                    CellFormula = new CellFormula($"SUM({Column(c)}{firstDataRow}:{Column(c)}{last})"),
                    CellValue = new CellValue(sum.ToString(CultureInfo.InvariantCulture)),
                    StyleIndex = sheet.Columns[c].Format == NumberStyle.OneDecimal ? BoldDecimal : BoldInteger,
                });
            }

            data.Append(total);
        }

        if (sheet.Footer is not null)
        {
            data.Append(new Row(TextCell($"A{nextRow}", sheet.Footer, 0)) { RowIndex = nextRow });
        }

        var worksheet = new Worksheet();
        // The title and header rows stay in view while scrolling.
        worksheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{firstDataRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        worksheet.Append(new Columns(sheet.Columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true, Width = c.Format == NumberStyle.Text ? Math.Clamp(c.Header.Length + 8, 14, 60) : 16,
        })));
        worksheet.Append(data);
        return worksheet;
    }

    private static Cell? ValueCell(string reference, object? value, NumberStyle format) => value switch
    {
        null => null,
        string text => TextCell(reference, text, 0),
        int or long or decimal or double => new Cell
        {
            CellReference = reference,
            CellValue = new CellValue(ToDecimal(value).ToString(CultureInfo.InvariantCulture)),
            StyleIndex = format switch
            {
                NumberStyle.OneDecimal => DecimalStyle,
                NumberStyle.TwoDecimals => TwoDecimalStyle,
                NumberStyle.ThreeDecimals => ThreeDecimalStyle,
                NumberStyle.FourDecimals => FourDecimalStyle,
                NumberStyle.General => 0,
                _ => IntegerStyle,
            },
        },
        _ => TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
    };

    private static decimal ToDecimal(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        _ => 0m,
    };

    // A sheet's name: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0));
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "#,##0.000" },
            new NumberingFormat { NumberFormatId = 168, FormatCode = "#,##0.0000" }) { Count = 5 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 165, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 168, ApplyNumberFormat = true }) { Count = 9 });
}
