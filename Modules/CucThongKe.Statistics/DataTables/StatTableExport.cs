using System.Text;
using CucThongKe.Core.Spreadsheets;

namespace CucThongKe.Statistics.DataTables;

/// <summary>Writes a table back out as CSV or XLSX for download, with the citation of Điều 8.1 under the data.</summary>
public static class StatTableExport
{
    public static byte[] Csv(StatTable table, string citation)
    {
        var builder = new StringBuilder();
        foreach (var row in new[] { table.Headers }.Concat(table.Rows).Append([citation]))
        {
            builder.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        // The BOM lets spreadsheet programs open Vietnamese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>The header row, the rows (figures as numbers, every decimal kept) and the citation under them, by the site's one
    /// XLSX writer (Core's <see cref="XlsxWorkbook"/>).</summary>
    public static byte[] Xlsx(StatTable table, string citation)
    {
        var width = table.Headers.Count;
        var columns = table.Headers.Select(h => new SheetColumn(h, NumberStyle.General)).ToList();
        var rows = table.Rows.Select(r => (IReadOnlyList<object?>)[.. Enumerable.Range(0, width).Select(i => i < r.Count ? CellValue(r[i], i) : null)]).ToList();
        return XlsxWorkbook.Write([new WorkbookSheet("Số liệu", null, columns, rows, Footer: citation)]);
    }

    private static object CellValue(string cell, int column) => column > 0 && StatTable.Number(cell) is { } number ? number : cell;

    /// <summary>The spreadsheet letter of a zero-based column (A, B, ..., AA).</summary>
    public static string Column(int index) => XlsxWorkbook.Column(index);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
