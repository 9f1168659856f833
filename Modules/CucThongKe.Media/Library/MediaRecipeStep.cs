using System.Text.Json;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Media.Library;

/// <summary>
/// The <c>Media</c> step: files put into the library by a recipe (the demo's yearbook PDF and its tables), so the items
/// the recipe creates can attach real files. A file is given inline as base64, or, for an XLSX, generated from a declared
/// table by the site's XLSX writer. Every file is checked first, as an upload is (its path, an allowed extension, its real
/// type by its bytes, at most <see cref="MaxFileBytes"/>); one refused file stops the step before anything is stored.
/// Each is written through <see cref="IMediaStore"/> and recorded in the library (a path already there is replaced, except in a
/// back-office run, which is refused one).
/// </summary>
internal sealed class MediaRecipeStep(IMediaStore store, MediaRoot root, CmsDbContext db, TimeProvider clock) : IRecipeStep
{
    /// <summary>A recipe carries small demonstration files, not a library: at most this much a file...</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>...and this many files a step.</summary>
    public const int MaxFiles = 50;

    /// <summary>What a recipe may put in the library: documents readers download.</summary>
    private static readonly Dictionary<string, FileInspector.FileType> Allowed = new(StringComparer.Ordinal)
    {
        [".pdf"] = FileInspector.Pdf,
        [".xlsx"] = FileInspector.Xlsx,
        [".docx"] = FileInspector.Docx,
        [".csv"] = FileInspector.Csv,
    };

    public string Name => "Media";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        if (model.Files.Count is 0 or > MaxFiles)
        {
            throw context.Error(".Files", $"cần từ 1 đến {MaxFiles} tệp.");
        }

        var temps = new List<(string Path, string Temp, FileInspector.FileType Type, long Size)>();
        try
        {
            // Every file checked before any is stored: a refused one leaves the library as it was.
            for (var i = 0; i < model.Files.Count; i++)
            {
                var input = model.Files[i];
                var path = $".Files[{i}]";
                var normalized = MediaPath.Normalize(input.Path);
                if (normalized is null || normalized != input.Path || normalized.StartsWith('.') || normalized.Contains("/.", StringComparison.Ordinal))
                {
                    throw context.Error(path + ".Path", $"đường dẫn '{input.Path}' không hợp lệ: đường dẫn tương đối trong thư viện, phân cách bằng '/', không có '..' hay thư mục bắt đầu bằng '.'.");
                }

                // Replacing a file items already show is the library page's act, recorded in the audit log (MediaLibrary.ReplaceAsync):
                // a recipe uploaded in the back office adds files, it never replaces one.
                if (context.Options.IsBackOffice && await db.Set<MediaFile>().AnyAsync(f => f.Path == normalized, cancellationToken))
                {
                    throw context.Error(path + ".Path", $"thư viện đã có tệp '{normalized}'; công thức tải lên trang quản trị không thay tệp đã có (thay tệp tại trang Thư viện tệp).");
                }

                var extension = Path.GetExtension(normalized).ToLowerInvariant();
                if (!Allowed.TryGetValue(extension, out var expected))
                {
                    throw context.Error(path + ".Path", $"phần mở rộng '{extension}' không được phép; chỉ {string.Join(", ", Allowed.Keys)}.");
                }

                var bytes = Content(context, input, path, extension);
                if (bytes.Length is 0 or > MaxFileBytes)
                {
                    throw context.Error(path, $"tệp rỗng hoặc lớn hơn {MaxFileBytes / 1024 / 1024} MB.");
                }

                var temp = Path.Combine(root.FullPath, FolderMediaStore.UploadsFolder, Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
                await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
                temps.Add((normalized, temp, expected, bytes.Length));
                var (actual, refusal) = FileInspector.Inspect(temp);
                if (actual != expected)
                {
                    throw context.Error(path, refusal ?? $"nội dung tệp không phải là {expected.Extension.TrimStart('.').ToUpperInvariant()} như phần mở rộng của nó.");
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (path, temp, type, size) in temps)
            {
                await store.SaveAsync(path, temp, cancellationToken);
                var file = await db.Set<MediaFile>().FirstOrDefaultAsync(f => f.Path == path, cancellationToken);
                if (file is null)
                {
                    var slash = path.LastIndexOf('/');
                    db.Add(file = new MediaFile
                    {
                        Path = path,
                        Folder = slash < 0 ? "" : path[..slash],
                        OriginalName = Path.GetFileName(path),
                        ContentType = type.ContentType,
                    });
                }

                file.ContentType = type.ContentType;
                file.Kind = type.Kind;
                file.Size = size;
                file.UploadedBy = context.Options.ActorUserName;
                file.UploadedUtc = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var (_, temp, _, _) in temps)
            {
                File.Delete(temp);
            }
        }
    }

    private static byte[] Content(RecipeStepContext context, FileModel input, string path, string extension)
    {
        if ((input.Base64 is null) == (input.Table is null))
        {
            throw context.Error(path, "mỗi tệp cần đúng một trong hai: Base64 (nội dung tệp) hoặc Table (bảng để tạo tệp XLSX).");
        }

        if (input.Base64 is not null)
        {
            // Checked before decoding, so an oversized text is refused without being decoded.
            if (input.Base64.Length > (MaxFileBytes / 3 * 4) + 4)
            {
                throw context.Error(path + ".Base64", $"tệp lớn hơn {MaxFileBytes / 1024 / 1024} MB.");
            }

            try
            {
                return Convert.FromBase64String(input.Base64);
            }
            catch (FormatException)
            {
                throw context.Error(path + ".Base64", "nội dung không phải là base64 hợp lệ.");
            }
        }

        var table = input.Table!;
        if (extension != ".xlsx")
        {
            throw context.Error(path + ".Table", "chỉ tạo được tệp .xlsx từ bảng.");
        }

        if (table.Headers.Count is 0 or > 40 || table.Rows.Count > 1000 || table.Rows.Any(r => r.Count > table.Headers.Count))
        {
            throw context.Error(path + ".Table", "bảng cần từ 1 đến 40 cột, tối đa 1.000 dòng, mỗi dòng không quá số cột.");
        }

        var rows = new List<IReadOnlyList<object?>>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            rows.Add([.. table.Rows[r].Select((cell, c) => cell.ValueKind switch
            {
                JsonValueKind.Number => (object?)cell.GetDecimal(),
                JsonValueKind.String => cell.GetString(),
                JsonValueKind.Null => null,
                _ => throw context.Error($"{path}.Table.Rows[{r}][{c}]", "ô phải là số, chữ hoặc null."),
            })]);
        }

        // Numbers are written as they are (General): a yearbook's table mixes counts, areas and percentages.
        var columns = table.Headers.Select((h, c) => new SheetColumn(h, c == 0 ? NumberStyle.Text : NumberStyle.General)).ToList();
        return XlsxWorkbook.Write([new WorkbookSheet(table.Sheet ?? "Số liệu", table.Title, columns, rows, Footer: table.Footer)]);
    }

    private sealed record StepModel(List<FileModel> Files);

    private sealed record FileModel(string Path, string? Base64 = null, TableModel? Table = null);

    private sealed record TableModel(List<string> Headers, List<List<JsonElement>> Rows, string? Sheet = null, string? Title = null, string? Footer = null);
}
