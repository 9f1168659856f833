using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Media.Files;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Media;

/// <summary>Serves the files attachments and images point at, from <c>{Cms:DataPath}/media/</c>, and nothing outside it.</summary>
public sealed class MediaFiles(MediaRoot mediaRoot)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Types a browser may show in place; everything else is sent as a download.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".pdf" };

    public string Root => mediaRoot.FullPath;

    /// <summary>The full path of a file under the media folder, or null for a path that leaves it or does not exist.</summary>
    public string? Resolve(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || relativePath.Length > 500 || relativePath.Contains('\0', StringComparison.Ordinal)
            || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var full = mediaRoot.Resolve(relativePath.TrimStart('/'));
        return full is not null && File.Exists(full) ? full : null;
    }

    /// <summary>The public address of a file.</summary>
    public static string Url(string relativePath) =>
        "/tep/" + string.Join('/', relativePath.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    internal IResult Serve(string? path)
    {
        var full = Resolve(path);
        if (full is null)
        {
            return Results.NotFound();
        }

        var extension = Path.GetExtension(full);
        var contentType = ContentTypes.TryGetContentType(full, out var known) ? known : "application/octet-stream";
        var download = Inline.Contains(extension) ? null : Path.GetFileName(full);
        return Results.File(full, contentType, download, enableRangeProcessing: true);
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
