using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using CucThongKe.Media;
using CucThongKe.Statistics.DataTables;

namespace CucThongKe.Statistics.Indicators;

/// <summary>Where the one import path gets its table: an uploaded XLSX/CSV file or a report's data table, both read by
/// <see cref="StatTableReader"/> with its limits.</summary>
public sealed class IndicatorSources(ContentManager contents, ContentDefinitionManager definitions, MediaFiles files)
{
    /// <summary>An upload, written to a temporary file only for the reader (which reads files) and removed at once.</summary>
    public static async Task<StatTable> ReadUploadAsync(Stream content, string fileName, long length, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            throw new StatTableException($"Tệp '{Path.GetFileName(fileName)}' không phải bảng số liệu XLSX hoặc CSV.");
        }

        if (length is <= 0 or > StatTableReader.MaxBytes)
        {
            throw new StatTableException($"Tệp phải có dữ liệu và không quá {StatTableReader.MaxBytes / 1024 / 1024} MB.");
        }

        var temporary = Path.Combine(Path.GetTempPath(), "cms-import-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            return StatTableReader.Read(temporary, Path.GetFileName(fileName));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The <paramref name="index"/>-th data table (from 1) of the latest version of a report.</summary>
    public async Task<StatTable> ReadReportTableAsync(string contentItemId, int index, CancellationToken cancellationToken)
    {
        var item = contentItemId.Length is > 0 and <= 32 ? await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) : null;
        if (item is null || await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken) is not { } type || DataFiles.Of(type, item) is not var (_, attachments))
        {
            throw new StatTableException($"Không có báo cáo mã '{contentItemId}' có bảng số liệu.");
        }

        var tables = attachments.Where(a => StatTableReader.IsDataFile(a.Path)).ToList();
        if (index < 1 || index > tables.Count || await files.ResolveAsync(tables[index - 1].Path, cancellationToken) is not { } full)
        {
            throw new StatTableException($"Báo cáo «{item.DisplayText}» không có bảng số liệu thứ {index}.");
        }

        return StatTableReader.Read(full, tables[index - 1].Title ?? Path.GetFileName(full));
    }
}
