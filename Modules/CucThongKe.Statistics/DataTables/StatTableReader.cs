using System.Globalization;
using System.Text;
using CucThongKe.TextEncoding;
using MiniExcelLibs;

namespace CucThongKe.Statistics.DataTables;

/// <summary>Why a data file cannot be shown as a table, in Vietnamese.</summary>
public sealed class StatTableException(string message) : Exception(message);

/// <summary>Reads XLSX and CSV data files into <see cref="StatTable"/>s, refusing files that are not tables of a sane size.</summary>
public static class StatTableReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 1000;
    public const int MaxColumns = 40;
    public const int MaxCellLength = 500;

    public static bool IsDataFile(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".XLSX" or ".CSV";

    public static StatTable Read(string fullPath, string caption)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            throw new StatTableException($"Không tìm thấy tệp '{Path.GetFileName(fullPath)}'.");
        }

        if (info.Length == 0 || info.Length > MaxBytes)
        {
            throw new StatTableException($"Tệp '{info.Name}' phải có dữ liệu và không quá {MaxBytes / 1024 / 1024} MB.");
        }

        var rows = Path.GetExtension(fullPath).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(fullPath),
            ".XLSX" => ReadXlsx(fullPath),
            _ => throw new StatTableException($"Tệp '{info.Name}' không phải bảng số liệu XLSX hoặc CSV."),
        };

        // Blank rows and trailing blank columns are layout, not data (the numbers of the rows kept still name cells).
        var numbers = Enumerable.Range(1, rows.Count).Where(i => rows[i - 1].Any(c => c.Length > 0)).ToList();
        rows = [.. rows.Where(r => r.Any(c => c.Length > 0))];
        if (rows.Count < 2)
        {
            throw new StatTableException($"Tệp '{info.Name}' cần có một dòng tiêu đề và ít nhất một dòng số liệu.");
        }

        if (rows.Count > MaxRows + 1)
        {
            throw new StatTableException($"Tệp '{info.Name}' có quá {MaxRows} dòng số liệu.");
        }

        var width = rows.Max(r => LastFilled(r) + 1);
        if (width > MaxColumns)
        {
            throw new StatTableException($"Tệp '{info.Name}' có quá {MaxColumns} cột.");
        }

        if (rows.SelectMany(r => r).Any(c => c.Length > MaxCellLength))
        {
            throw new StatTableException($"Tệp '{info.Name}' có ô dài quá {MaxCellLength} ký tự.");
        }

        var padded = rows.Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, width).Select(i => i < r.Count ? r[i] : "")]).ToList();
        return new StatTable { Caption = caption, Headers = padded[0], Rows = padded[1..], RowNumbers = numbers };
    }

    private static int LastFilled(List<string> row)
    {
        for (var i = row.Count - 1; i >= 0; i--)
        {
            if (row[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<List<string>> ReadXlsx(string path)
    {
        try
        {
            var rows = new List<List<string>>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                if (rows.Count > MaxRows + 1)
                {
                    break;
                }

                if (row.Count > MaxColumns * 4)
                {
                    throw new StatTableException($"Tệp '{Path.GetFileName(path)}' có quá {MaxColumns} cột.");
                }

                rows.Add([.. row.Values.Select(Cell)]);
            }

            return rows;
        }
        catch (StatTableException)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the reader means the same thing to the editor: the file is not a readable workbook.
        catch (Exception)
#pragma warning restore CA1031
        {
            throw new StatTableException($"Tệp '{Path.GetFileName(path)}' không phải tệp Excel (XLSX) hợp lệ.");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        // Numbers as a Vietnamese table writes them ("1.234,5"), which StatTable.Number reads back without doubt: an
        // invariant "1.234" would read as one thousand two hundred and thirty-four.
        double d => d.ToString("#,##0.##########", StatTable.VietnameseNumbers),
        decimal m => m.ToString("#,##0.##########", StatTable.VietnameseNumbers),
        DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => UnicodeText.Clean((Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim()),
    };

    private static List<List<string>> ReadCsv(string path)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new StatTableException($"Tệp '{Path.GetFileName(path)}' phải là CSV mã hóa UTF-8 (Unicode).");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new StatTableException($"Tệp '{Path.GetFileName(path)}' không phải tệp CSV.");
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(UnicodeText.Clean(cell.ToString().Trim()));
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(UnicodeText.Clean(cell.ToString().Trim()));
                cell.Clear();
                rows.Add(row);
                row = [];
                if (rows.Count > MaxRows + 1)
                {
                    throw new StatTableException($"Tệp '{Path.GetFileName(path)}' có quá {MaxRows} dòng số liệu.");
                }
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new StatTableException($"Tệp '{Path.GetFileName(path)}' có dấu ngoặc kép không đóng.");
        }

        row.Add(UnicodeText.Clean(cell.ToString().Trim()));
        rows.Add(row);
        return rows;
    }
}
