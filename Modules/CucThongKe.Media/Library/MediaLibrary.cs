using System.Security.Cryptography;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Auditing;
using CucThongKe.Media.Files;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CucThongKe.Media.Library;

/// <summary>Stores uploads in the library's store (<see cref="IMediaStore"/>) after checking what they really are; lists and searches them.</summary>
public sealed class MediaLibrary(
    CmsDbContext db,
    MediaRoot root,
    IOptions<MediaOptions> options,
    ICurrentActor actor,
    TimeProvider clock,
    IEnumerable<IUploadedFileFilter> filters,
    UnitOfWork unitOfWork,
    AdminAuditLog audit,
    ImageVariants variants,
    IMediaStore store)
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

        var temp = TempPath();
        try
        {
            var (received, refusal) = await ReceiveAsync(content, temp, cancellationToken);
            if (received is null)
            {
                return MediaUploadResult.Refused(refusal!);
            }

            var baseName = SlugGenerator.Slugify(Path.GetFileNameWithoutExtension(originalName));
            var storedName = $"{(baseName.Length == 0 ? "tep" : baseName)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}{received.Type.Extension}";
            var relative = safeFolder.Length == 0 ? storedName : $"{safeFolder}/{storedName}";
            await store.SaveAsync(relative, temp, cancellationToken);

            var media = new MediaFile
            {
                Path = relative,
                Folder = safeFolder,
                OriginalName = ShortName(originalName),
                ContentType = received.Type.ContentType,
                Kind = received.Type.Kind,
                Size = received.Size,
                Width = received.Dimensions?.Width,
                Height = received.Dimensions?.Height,
                UploadedBy = actor.UserName,
                UploaderUnitId = actor.UnitId,
                UploadedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(media);
            await db.SaveChangesAsync(cancellationToken);
            return new MediaUploadResult(media, null) { Notes = received.Notes };
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Puts new content at a file's address (drafts that show it show the new one), recorded in the admin-audit log with
    /// the old and new size. Refused while a published version uses the file (<see cref="MediaReplaceRefusal"/>): the
    /// public page would change without passing the approval chain (Điều 5), so the new file goes up as a new file and
    /// into a new version of the item.
    /// </summary>
    public async Task<MediaUploadResult> ReplaceAsync(MediaFile file, Stream content, string originalName, CancellationToken cancellationToken = default)
    {
        var published = (await UsagesAsync(file.Path, cancellationToken)).Where(u => u.Published).ToList();
        if (published.Count > 0)
        {
            return new MediaUploadResult(null, MediaReplaceRefusal.Message(published.Count)) { PublishedUsages = published };
        }

        var temp = TempPath();
        try
        {
            var (received, refusal) = await ReceiveAsync(content, temp, cancellationToken);
            if (received is null)
            {
                return MediaUploadResult.Refused(refusal!);
            }

            var extension = Path.GetExtension(file.Path);
            if (!string.Equals(received.Type.Extension, extension, StringComparison.OrdinalIgnoreCase))
            {
                return MediaUploadResult.Refused($"Tệp thay thế phải cùng loại với tệp cũ ({extension}): địa chỉ của tệp giữ nguyên, nên loại tệp cũng vậy.");
            }

            var before = $"{file.OriginalName}, {file.Size} byte";
            file.OriginalName = ShortName(originalName);
            file.ContentType = received.Type.ContentType;
            file.Size = received.Size;
            file.Width = received.Dimensions?.Width;
            file.Height = received.Dimensions?.Height;
            await unitOfWork.RunAsync(async ct =>
            {
                db.Update(file);
                await audit.RecordAsync(MediaAuditActions.Replace, file.Path, $"Thay nội dung tệp {file.Path} (giữ nguyên địa chỉ).", before, $"{file.OriginalName}, {file.Size} byte", cancellationToken: ct);
                // Last, inside the transaction: a file that cannot be written rolls the record back.
                await store.SaveAsync(file.Path, temp, ct);
                return true;
            }, cancellationToken);
            variants.Forget(file.Path);
            return new MediaUploadResult(file, null) { Notes = received.Notes };
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Deletes a file no item uses (its latest or published version); refused with the items that use it.</summary>
    public async Task<IReadOnlyList<MediaUsage>> DeleteAsync(MediaFile file, CancellationToken cancellationToken = default)
    {
        var usages = await UsagesAsync(file.Path, cancellationToken);
        if (usages.Count > 0)
        {
            return usages;
        }

        await unitOfWork.RunAsync(async ct =>
        {
            db.Remove(file);
            await audit.RecordAsync(MediaAuditActions.Delete, file.Path, $"Xoá tệp {file.Path} ({file.OriginalName}) khỏi thư viện.", $"{file.OriginalName}, {file.Size} byte", null, cancellationToken: ct);
            unitOfWork.AfterCommit(async after =>
            {
                await store.DeleteAsync(file.Path, after);
                variants.Forget(file.Path);
            });
            return true;
        }, cancellationToken);
        return [];
    }

    public Task<MediaFile?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<MediaFile>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The items whose latest or published version shows or links to the file (at most <see cref="MaxUsages"/>), newest first.</summary>
    public async Task<IReadOnlyList<MediaUsage>> UsagesAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = await (from r in db.Set<MediaReferenceIndex>().AsNoTracking()
                          where r.Path == path
                          join c in db.Set<ContentItem>().AsNoTracking() on r.ContentItemVersionId equals c.Id
                          orderby c.ModifiedUtc descending
                          select new { c.ContentItemId, c.ContentType, c.DisplayText, c.UnitId, r.Published, r.Latest })
            .Take(MaxUsages * 2).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.ContentItemId)
            .Select(g => new MediaUsage(g.Key, g.First().ContentType, g.First().DisplayText, g.First().UnitId, g.Any(r => r.Published)))
            .Take(MaxUsages)];
    }

    /// <summary>How many items a usage list names.</summary>
    public const int MaxUsages = 50;

    private string TempPath() => Path.Combine(Root, FolderMediaStore.UploadsFolder, Guid.NewGuid().ToString("N"));

    private static string ShortName(string originalName)
    {
        var name = Path.GetFileName(originalName);
        return name.Length > 300 ? name[..300] : name;
    }

    /// <summary>Copies an upload to <paramref name="temp"/> and checks what it is, its size, and (for images) that it decodes.</summary>
    private async Task<(ReceivedFile? File, string? Refusal)> ReceiveAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        var limit = Math.Max(options.Value.MaxDocumentBytes, options.Value.MaxImageBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        long size;
        await using (var file = File.Create(temp))
        {
            size = await CopyWithLimitAsync(content, file, limit, cancellationToken);
        }

        if (size < 0)
        {
            return (null, $"Tệp lớn hơn giới hạn {limit / (1024 * 1024)} MB.");
        }

        var (type, refusal) = FileInspector.Inspect(temp);
        if (type is null)
        {
            return (null, refusal!);
        }

        var max = type.Kind == MediaKind.Image ? options.Value.MaxImageBytes : options.Value.MaxDocumentBytes;
        if (size > max)
        {
            return (null, $"{(type.Kind == MediaKind.Image ? "Ảnh" : "Tài liệu")} lớn hơn giới hạn {max / (1024 * 1024)} MB.");
        }

        var notes = new List<string>();
        foreach (var filter in filters)
        {
            notes.AddRange(await filter.FilterAsync(temp, type, cancellationToken));
        }

        if (type == FileInspector.Csv && !FileInspector.IsUtf8(temp))
        {
            return (null, FileInspector.UnreadableText);
        }

        (int Width, int Height)? dimensions = null;
        if (type.Kind == MediaKind.Image && type != FileInspector.Svg)
        {
            using var codec = SKCodec.Create(temp);
            if (codec is null)
            {
                return (null, "Ảnh bị hỏng hoặc không đọc được.");
            }

            dimensions = (codec.Info.Width, codec.Info.Height);
        }

        return (new ReceivedFile(type, new FileInfo(temp).Length, dimensions, notes), null);
    }

    private sealed record ReceivedFile(FileInspector.FileType Type, long Size, (int Width, int Height)? Dimensions, IReadOnlyList<string> Notes);

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

    /// <summary>The published items that stopped a replacement (empty for any other refusal).</summary>
    public IReadOnlyList<MediaUsage> PublishedUsages { get; init; } = [];
}

/// <summary>Why a file a published item uses is not replaced in place.</summary>
public static class MediaReplaceRefusal
{
    public static string Message(int count) =>
        $"Không thay được: tệp đang hiện trên {count} nội dung đã công bố; thay tại chỗ sẽ đổi trang công khai mà không qua quy trình duyệt. "
        + "Hãy tải tệp mới lên thư viện, sửa nội dung để dùng tệp mới và gửi duyệt.";
}

/// <summary>An item that shows or links to a library file.</summary>
public sealed record MediaUsage(string ContentItemId, string ContentType, string? DisplayText, string? UnitId, bool Published);

/// <summary>What the admin-audit log records of the library.</summary>
public static class MediaAuditActions
{
    public const string Replace = "media-replace";
    public const string Delete = "media-delete";
}
