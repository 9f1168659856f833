using System.Globalization;
using CucThongKe.TextEncoding;

namespace CucThongKe.Statistics.DataTables;

/// <summary>A statistical table read from an XLSX or CSV file: a header row, then rows whose first cell names the row.</summary>
public sealed class StatTable
{
    public required string Caption { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>The file's row number (from 1) of the header and of each of <see cref="Rows"/>, so that a message can name
    /// the cell the reader sees in a spreadsheet program (blank rows are dropped from the table but still counted).</summary>
    public IReadOnlyList<int> RowNumbers { get; init; } = [];

    /// <summary>The cell's name as a spreadsheet program shows it ("C7"), for a zero-based column of row <paramref name="row"/> of <see cref="Rows"/>.</summary>
    public string CellName(int row, int column) =>
        StatTableExport.Column(column) + (row + 1 < RowNumbers.Count ? RowNumbers[row + 1] : row + 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a cell as a number, the Vietnamese way (<see cref="VietnameseNumber.Parse"/>: "1.234,5", "6,5%").</summary>
    public static decimal? Number(string cell) => VietnameseNumber.Parse(cell);

    /// <summary>Whether every filled cell of a column (after the first) is a number.</summary>
    public bool IsNumeric(int column) =>
        column > 0 && Rows.Any(r => column < r.Count && r[column].Length > 0)
        && Rows.All(r => column >= r.Count || r[column].Length == 0 || Number(r[column]) is not null);

    /// <summary>The Vietnamese way (also what <see cref="StatTableReader"/> writes for a spreadsheet's number cells).</summary>
    internal static NumberFormatInfo VietnameseNumbers => VietnameseNumber.Info;
}
