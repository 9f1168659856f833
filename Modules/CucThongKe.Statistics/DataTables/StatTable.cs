using System.Globalization;
using System.Text.RegularExpressions;

namespace CucThongKe.Statistics.DataTables;

/// <summary>A statistical table read from an XLSX or CSV file: a header row, then rows whose first cell names the row.</summary>
public sealed partial class StatTable
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

    /// <summary>
    /// Reads a cell as a number. The rule is Vietnamese: '.' groups thousands and ',' is the decimal mark ("1.234,5" is
    /// 1234.5, "6,5" is 6.5, "1.234" and "12.345.678" are whole numbers, with every group of three digits). A single '.'
    /// that cannot be a thousands separator (not followed by exactly three digits, or after a leading 0: "1234.5",
    /// "1.5", "0.123") is read as a decimal point, as other programs export numbers. Spaces, no-break spaces and a
    /// trailing '%' are ignored; anything else ("1.2.3", "1,234.5", "1.23,4", text) is not a number.
    /// </summary>
    public static decimal? Number(string cell)
    {
        var text = cell.Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimEnd('%');
        if (text.Length == 0)
        {
            return null;
        }

        if (VietnameseNumber().IsMatch(text))
        {
            return decimal.TryParse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, VietnameseNumbers, out var vietnamese) ? vietnamese : null;
        }

        return DecimalPoint().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var invariant)
            ? invariant
            : null;
    }

    /// <summary>Whether every filled cell of a column (after the first) is a number.</summary>
    public bool IsNumeric(int column) =>
        column > 0 && Rows.Any(r => column < r.Count && r[column].Length > 0)
        && Rows.All(r => column >= r.Count || r[column].Length == 0 || Number(r[column]) is not null);

    /// <summary>The Vietnamese way (also what <see cref="StatTableReader"/> writes for a spreadsheet's number cells).</summary>
    internal static readonly NumberFormatInfo VietnameseNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    // Digits with '.' between groups of three (the first group not 0), or digits alone; then ',' and decimals.
    [GeneratedRegex(@"^[+-]?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")]
    private static partial Regex VietnameseNumber();

    // One '.' that is not a thousands separator: what is left after VietnameseNumber.
    [GeneratedRegex(@"^[+-]?\d*\.\d+$")]
    private static partial Regex DecimalPoint();
}
