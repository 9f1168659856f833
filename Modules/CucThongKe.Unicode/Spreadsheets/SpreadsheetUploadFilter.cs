using System.Text;
using CucThongKe.Media.Library;
using CucThongKe.Unicode.Converter;

namespace CucThongKe.Unicode.Spreadsheets;

/// <summary>Data files uploaded to the media library (XLSX, CSV) have their cells converted to Unicode before they are stored.</summary>
internal sealed class SpreadsheetUploadFilter : IUploadedFileFilter
{
    public async Task<IReadOnlyList<string>> FilterAsync(string path, FileInspector.FileType type, CancellationToken cancellationToken)
    {
        if (type != FileInspector.Xlsx && type != FileInspector.Csv)
        {
            return [];
        }

        var report = new ConversionReport();
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        byte[] converted;
        if (type == FileInspector.Xlsx)
        {
            using var workbook = new MemoryStream();
            workbook.Write(bytes);
            try
            {
                XlsxConversion.Convert(workbook, source: null, report);
            }
            catch (UnreadableSpreadsheetException ex)
            {
                return [$"Không kiểm tra được mã chữ của bảng tính: {ex.Message}"];
            }

            converted = workbook.ToArray();
        }
        else
        {
            // A CSV in an 8-bit code page (an old file typed in TCVN3 or VNI) is read as Windows-1252; the library keeps
            // only UTF-8, so it is always written back as UTF-8, with its mark for Excel.
            var (text, legacyBytes) = TextFileConversion.Decode(bytes);
            var result = TextFileConversion.ConvertCsv(text, source: null, report);
            converted = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(result)];
            if (legacyBytes)
            {
                report.Notes.Add("Tệp CSV không mã hoá UTF-8 được đọc theo bảng mã Windows-1252 và lưu lại dạng UTF-8.");
            }
        }

        if (report.Total == 0 && report.Notes.Count == 0)
        {
            return [];
        }

        await File.WriteAllBytesAsync(path, converted, cancellationToken);
        return report.Total == 0 ? report.Notes : [report.Summary(), .. report.Notes];
    }
}
