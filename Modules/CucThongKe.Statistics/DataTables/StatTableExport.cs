using System.Text;
using MiniExcelLibs;

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

    public static byte[] Xlsx(StatTable table, string citation)
    {
        var width = table.Headers.Count;
        var rows = new[] { table.Headers }.Concat(table.Rows).Append([citation])
            .Select(r => Enumerable.Range(0, width).ToDictionary(Column, i => (object?)(i < r.Count ? CellValue(r[i], i) : null)))
            .ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "Số liệu", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static object CellValue(string cell, int column) => column > 0 && StatTable.Number(cell) is { } number ? number : cell;

    /// <summary>The spreadsheet letter of a zero-based column (A, B, ..., AA).</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
