using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Media.Files;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Media;

/// <summary>Finds and serves the files attachments and images point at, from the library's store (<see cref="IMediaStore"/>), and nothing outside it.</summary>
public sealed class MediaFiles(IMediaStore store, CmsDbContext db)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Types a browser may show in place; everything else is sent as a download.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".pdf" };

    /// <summary>A local file with the content of a library file (the file itself, or this node's copy of a file kept in the
    /// database), or null for a path that leaves the library or a file that does not exist.</summary>
    public Task<string?> ResolveAsync(string? relativePath, CancellationToken cancellationToken) =>
        MediaPath.Normalize(relativePath) is { } path ? store.LocalFileAsync(path, cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>The public address of a file.</summary>
    public static string Url(string relativePath) =>
        "/tep/" + string.Join('/', relativePath.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    internal async Task<IResult> ServeAsync(string? path, CancellationToken cancellationToken)
    {
        var full = await ResolveAsync(path, cancellationToken);
        if (full is null)
        {
            return Results.NotFound();
        }

        // The name and type come from the library's path, not from the local copy's.
        var name = Path.GetFileName(path!);
        var extension = Path.GetExtension(name);
        var contentType = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        var download = Inline.Contains(extension) ? null : name;
        return Results.File(full, contentType, download, enableRangeProcessing: true);
    }

    /// <summary>The library's recorded size of each of these paths (at most 100 asked, unknown paths left out): the size
    /// shown next to an attachment whose item does not carry one (files a recipe or an editor attached without it).</summary>
    public async Task<IReadOnlyDictionary<string, long>> SizesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var asked = paths.Select(p => p.TrimStart('/')).Distinct(StringComparer.Ordinal).Take(100).ToList();
        return asked.Count == 0
            ? new Dictionary<string, long>()
            : await db.Set<MediaFile>().AsNoTracking().Where(f => asked.Contains(f.Path)).ToDictionaryAsync(f => f.Path, f => f.Size, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>A size as readers read it: 1,2 MB, 350 KB.</summary>
    public static string FormatSize(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB".Replace('.', ','),
        _ => $"{bytes / (1024.0 * 1024):0.#} MB".Replace('.', ','),
    };
}

/// <summary>The public site's rule for library files and image variants (<c>/tep/</c>, <c>/anh/</c>): a file a published,
/// not confidential item shows.</summary>
internal sealed class PublishedFileRule(CmsDbContext db, PublicContent content) : IPublicFileRule
{
    /// <summary>Whether a published item a reader may see points at this media file (drafts' and scheduled items' files stay private).</summary>
    public Task<bool> IsPublicAsync(string path, CancellationToken cancellationToken)
    {
        var normalized = path.Trim().TrimStart('/');
        return content.WhereNotHidden(db.Set<MediaReferenceIndex>().Where(m => m.Path == normalized && m.Published)).AnyAsync(cancellationToken);
    }
}
