namespace CucThongKe.Media.Library;

/// <summary>
/// Where the library's files are kept (<c>Cms:Media:Store</c>): a folder (<see cref="FolderMediaStore"/>, the default, also
/// right for several nodes on a shared mount) or the database (<see cref="DatabaseMediaStore"/>, for several nodes
/// without one). Paths are the library's own ('/'-separated, relative, as in <see cref="MediaFile.Path"/>).
/// </summary>
/// <remarks>Reading goes through a local file either way: downloads, image variants, the search indexer and the data
/// tables read files from disk, and a node keeps what it serves from the database in a bounded cache.</remarks>
public interface IMediaStore
{
    /// <summary>The store's setting value (<see cref="MediaStoreKind"/>).</summary>
    MediaStoreKind Kind { get; }

    /// <summary>Stores <paramref name="localFile"/>'s content at <paramref name="path"/>, replacing what was there.</summary>
    /// <exception cref="ArgumentException">A path that would leave the library.</exception>
    Task SaveAsync(string path, string localFile, CancellationToken cancellationToken);

    /// <summary>A local file with the content now stored at <paramref name="path"/> (the file itself, or this node's
    /// cached copy); null when nothing is stored there or the path would leave the library.</summary>
    Task<string?> LocalFileAsync(string path, CancellationToken cancellationToken);

    /// <summary>Removes the file at <paramref name="path"/>, if any.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>Every stored path with its size (for moving a site's files between stores).</summary>
    IAsyncEnumerable<(string Path, long Size)> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The values of <c>Cms:Media:Store</c>.</summary>
public enum MediaStoreKind
{
    /// <summary><c>{Cms:DataPath}/media/</c> (a shared mount for several nodes).</summary>
    Folder,

    /// <summary>The <c>MediaBlobs</c> table, one row a file; each node caches what it serves.</summary>
    Database,
}

/// <summary>The one check of a library path, for every store: relative, '/'-separated, no way out, at most 500 characters.</summary>
public static class MediaPath
{
    public const int MaxLength = 500;

    /// <summary>The path without a leading '/', or null when it is not a library path.</summary>
    public static string? Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > MaxLength || path.Contains('\0', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = path.TrimStart('/');
        return trimmed.Length == 0 || trimmed.Split('/').Any(s => s is "" or "." or "..") ? null : trimmed;
    }
}
