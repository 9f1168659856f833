using System.Runtime.CompilerServices;

namespace CucThongKe.Media.Library;

/// <summary>The library's files in <c>{Cms:DataPath}/media/</c>: the default, and the store of several nodes sharing that folder on a mount.</summary>
public sealed class FolderMediaStore(MediaRoot root) : IMediaStore
{
    /// <summary>The folder uploads are received in before they are checked (<see cref="MediaLibrary"/>): not library files.</summary>
    public const string UploadsFolder = ".uploads";

    public MediaStoreKind Kind => MediaStoreKind.Folder;

    public Task SaveAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        var full = Full(path) ?? throw new ArgumentException($"Not a library path: {path}", nameof(path));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside and renamed: a reader never sees half a file.
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.Copy(localFile, temp);
        File.Move(temp, full, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<string?> LocalFileAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(Full(path) is { } full && File.Exists(full) ? full : null);

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (Full(path) is { } full && File.Exists(full))
        {
            File.Delete(full);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string Path, long Size)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!Directory.Exists(root.FullPath))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(root.FullPath, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root.FullPath, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(UploadsFolder + "/", StringComparison.Ordinal) && !relative.Contains(".tmp-", StringComparison.Ordinal))
            {
                yield return (relative, new FileInfo(file).Length);
            }
        }
    }

    private string? Full(string path) => MediaPath.Normalize(path) is { } normalized ? root.Resolve(normalized) : null;
}
