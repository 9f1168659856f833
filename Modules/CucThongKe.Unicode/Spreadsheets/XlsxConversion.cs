using System.IO.Compression;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.Converter;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CucThongKe.Unicode.Spreadsheets;

/// <summary>The workbook could not be read; the message is for the user.</summary>
public sealed class UnreadableSpreadsheetException(string message) : Exception(message);

/// <summary>Converts the text of an Excel workbook to Unicode in place: shared strings, inline strings and sheet names; everything else is kept.</summary>
public static class XlsxConversion
{
    /// <summary>A workbook whose parts unzip to more than this is refused (a 5 MB file of text unzips to a few tens of MB).</summary>
    public const long MaxUnzippedBytes = 400L * 1024 * 1024;

    /// <summary>Converts the workbook in <paramref name="workbook"/> (read and rewritten in place).</summary>
    /// <exception cref="UnreadableSpreadsheetException">The stream is not a readable XLSX workbook.</exception>
    public static void Convert(MemoryStream workbook, TextEncodingKind? source, ConversionReport report)
    {
        CheckZip(workbook);
        workbook.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(workbook, isEditable: true);
            var workbookPart = document.WorkbookPart ?? throw new UnreadableSpreadsheetException("Tệp không phải bảng tính Excel (XLSX) hợp lệ: không có sổ tính (workbook).");
            var shared = ConvertSharedStrings(workbookPart, source, report);
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];

            foreach (var sheet in sheets)
            {
                var name = sheet.Name?.Value ?? "";
                if (VietnameseConversion.Convert(name, name, source) is { } change)
                {
                    report.Notes.Add($"Đã đổi tên trang tính «{name}» thành «{change.After}».");
                    sheet.Name = change.After;
                    renamed[name] = change.After;
                }
            }

            foreach (var sheet in sheets)
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part || part.Worksheet is not { } worksheet)
                {
                    continue;
                }

                var sheetName = sheet.Name?.Value ?? "";
                foreach (var cell in worksheet.Descendants<Cell>())
                {
                    var where = $"{sheetName}!{cell.CellReference?.Value}";
                    if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Length && shared[index] is { } change)
                    {
                        report.Add(change with { Where = where });
                    }
                    else if (cell.DataType?.Value == CellValues.InlineString && cell.InlineString is { } inline)
                    {
                        report.Saw(inline.InnerText);
                        report.Add(ConvertRichText(inline, where, source));
                    }

                    if (renamed.Count > 0 && cell.CellFormula is { } formula)
                    {
                        formula.Text = Rename(formula.Text, renamed);
                    }
                }
            }

            foreach (var definedName in workbookPart.Workbook?.DefinedNames?.Elements<DefinedName>() ?? [])
            {
                if (renamed.Count > 0)
                {
                    definedName.Text = Rename(definedName.Text, renamed);
                }
            }
        }
#pragma warning disable CA1031 // Whatever the package reader throws means the same to the user: the file is not a readable workbook.
        catch (Exception ex) when (ex is not (UnreadableSpreadsheetException or OperationCanceledException or NotImplementedException or OutOfMemoryException))
#pragma warning restore CA1031
        {
            throw new UnreadableSpreadsheetException("Tệp không phải bảng tính Excel (XLSX) hợp lệ hoặc đã bị hỏng.");
        }
    }

    /// <summary>Each shared string converted once; the cells that use it are counted by the caller.</summary>
    private static TextChange?[] ConvertSharedStrings(WorkbookPart workbookPart, TextEncodingKind? source, ConversionReport report)
    {
        var items = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().ToList() ?? [];
        var changes = new TextChange?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            report.Saw(items[i].InnerText);
            changes[i] = ConvertRichText(items[i], "", source);
        }

        return changes;
    }

    /// <summary>A string item (plain, or rich text in runs; phonetic runs are left alone): judged as a whole, converted run by run.</summary>
    private static TextChange? ConvertRichText(OpenXmlElement item, string where, TextEncodingKind? source)
    {
        var texts = item.Elements<Text>().Concat(item.Elements<Run>().SelectMany(r => r.Elements<Text>())).ToList();
        var whole = string.Concat(texts.Select(t => t.Text));
        if (VietnameseConversion.Convert(where, whole, source) is not { } change)
        {
            return null;
        }

        if (texts.Count == 1)
        {
            texts[0].Text = change.After;
            return change;
        }

        foreach (var text in texts)
        {
            text.Text = VietnameseConversion.ApplyLike(change, text.Text);
        }

        return change with { After = string.Concat(texts.Select(t => t.Text)) };
    }

    private static string Rename(string formula, Dictionary<string, string> renamed)
    {
        foreach (var (before, after) in renamed)
        {
            var quoted = "'" + after.Replace("'", "''", StringComparison.Ordinal) + "'!";
            formula = formula.Replace("'" + before.Replace("'", "''", StringComparison.Ordinal) + "'!", quoted, StringComparison.Ordinal)
                .Replace(before + "!", quoted, StringComparison.Ordinal);
        }

        return formula;
    }

    private static void CheckZip(MemoryStream workbook)
    {
        workbook.Position = 0;
        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
            {
                throw new UnreadableSpreadsheetException("Bảng tính quá lớn khi giải nén; hãy chia nhỏ tệp.");
            }

            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw new UnreadableSpreadsheetException("Tệp có macro; hãy lưu lại dạng XLSX không macro.");
            }
        }
        catch (InvalidDataException)
        {
            throw new UnreadableSpreadsheetException("Tệp không phải bảng tính Excel (XLSX) hợp lệ hoặc đã bị hỏng.");
        }
    }
}
