using System.Security.Cryptography;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CucThongKe.Media.Library;

/// <summary>Stores uploads under <c>{Cms:DataPath}/media/</c> after checking what they really are; lists and searches them.</summary>
public sealed class MediaLibrary(
    CmsDbContext db,
    MediaRoot root,
    IOptions<MediaOptions> options,
    ICurrentActor actor,
    TimeProvider clock,
    IEnumerable<IUploadedFileFilter> filters)
{
    public string Root => root.FullPath;

    /// <summary>Checks and stores one upload; the stored name comes from a slug of the user's name plus a random suffix, in the given folder.</summary>
    public async Task<MediaUploadResult> UploadAsync(Stream content, string originalName, string? folder, CancellationToken cancellationToken = default)
    {
        var safeFolder = NormalizeFolder(folder);
        if (safeFolder is null)
        {
            return MediaUploadResult.Refused("Tên thư mục không hợp lệ.");
        }

        var limit = Math.Max(options.Value.MaxDocumentBytes, options.Value.MaxImageBytes);
        var temp = Path.Combine(Root, ".uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            long size;
            await using (var file = File.Create(temp))
            {
                size = await CopyWithLimitAsync(content, file, limit, cancellationToken);
            }

            if (size < 0)
            {
                return MediaUploadResult.Refused($"Tệp lớn hơn giới hạn {limit / (1024 * 1024)} MB.");
            }

            var (type, refusal) = FileInspector.Inspect(temp);
            if (type is null)
            {
                return MediaUploadResult.Refused(refusal!);
            }

            var max = type.Kind == MediaKind.Image ? options.Value.MaxImageBytes : options.Value.MaxDocumentBytes;
            if (size > max)
            {
                return MediaUploadResult.Refused($"{(type.Kind == MediaKind.Image ? "Ảnh" : "Tài liệu")} lớn hơn giới hạn {max / (1024 * 1024)} MB.");
            }

            var notes = new List<string>();
            foreach (var filter in filters)
            {
                notes.AddRange(await filter.FilterAsync(temp, type, cancellationToken));
            }

            if (type == FileInspector.Csv && !FileInspector.IsUtf8(temp))
            {
                return MediaUploadResult.Refused(FileInspector.UnreadableText);
            }

            size = new FileInfo(temp).Length;
            (int Width, int Height)? dimensions = null;
            if (type.Kind == MediaKind.Image && type != FileInspector.Svg)
            {
                using var codec = SKCodec.Create(temp);
                if (codec is null)
                {
                    return MediaUploadResult.Refused("Ảnh bị hỏng hoặc không đọc được.");
                }

                dimensions = (codec.Info.Width, codec.Info.Height);
            }

            var baseName = SlugGenerator.Slugify(Path.GetFileNameWithoutExtension(originalName));
            var storedName = $"{(baseName.Length == 0 ? "tep" : baseName)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}{type.Extension}";
            var relative = safeFolder.Length == 0 ? storedName : $"{safeFolder}/{storedName}";
            var final = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);

            var media = new MediaFile
            {
                Path = relative,
                Folder = safeFolder,
                OriginalName = Path.GetFileName(originalName).Length > 300 ? Path.GetFileName(originalName)[..300] : Path.GetFileName(originalName),
                ContentType = type.ContentType,
                Kind = type.Kind,
                Size = size,
                Width = dimensions?.Width,
                Height = dimensions?.Height,
                UploadedBy = actor.UserName,
                UploaderUnitId = actor.UnitId,
                UploadedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(media);
            await db.SaveChangesAsync(cancellationToken);
            return new MediaUploadResult(media, null) { Notes = notes };
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The newest files matching <paramref name="search"/> anywhere, else those of <paramref name="folder"/> ("" the root, null every folder).</summary>
    public async Task<IReadOnlyList<MediaFile>> ListAsync(string? folder, string? search, int take = 200, CancellationToken cancellationToken = default)
    {
        var query = db.Set<MediaFile>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var slug = SlugGenerator.Slugify(text);
            query = query.Where(m => m.OriginalName.Contains(text) || (slug.Length > 0 && m.Path.Contains(slug)));
        }
        else if (folder is not null && NormalizeFolder(folder) is { } safe)
        {
            query = query.Where(m => m.Folder == safe);
        }

        return await query.OrderByDescending(m => m.UploadedUtc).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FoldersAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MediaFile>().AsNoTracking().Select(m => m.Folder).Distinct().OrderBy(f => f).ToListAsync(cancellationToken);

    /// <summary>"Văn bản/2026" → "van-ban/2026"; null for a folder that tries to leave the library.</summary>
    public static string? NormalizeFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return "";
        }

        if (folder.Length > 200 || folder.Contains("..", StringComparison.Ordinal) || folder.Contains('\\', StringComparison.Ordinal) || folder.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SlugGenerator.Slugify).ToList();
        return segments.Any(s => s.Length == 0) ? null : string.Join('/', segments);
    }

    private static async Task<long> CopyWithLimitAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return -1;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}

/// <summary>The stored file, or why it was refused.</summary>
public sealed record MediaUploadResult(MediaFile? File, string? Refusal)
{
    /// <summary>What the upload filters did to the file (a spreadsheet's text converted to Unicode, say).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static MediaUploadResult Refused(string reason) => new(null, reason);
}
