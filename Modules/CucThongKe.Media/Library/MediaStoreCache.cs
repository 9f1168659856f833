using Microsoft.Extensions.Options;

namespace CucThongKe.Media.Library;

/// <summary>
/// This node's copies of files it served from the database store, in <c>{Cms:DataPath}/media-store-cache/</c>, at most
/// <c>Cms:Media:StoreCacheMegabytes</c>: past it the least recently used copies are deleted. A copy carries its version in
/// its time written (the row's <see cref="MediaBlob.UpdatedUtc"/>) and its length; another version is fetched again.
/// </summary>
public sealed class MediaStoreCache(MediaRoot root, IOptions<MediaOptions> options)
{
    private readonly Lock _gate = new();
    private Dictionary<string, Entry>? _entries;
    private long _total;

    /// <summary>The bytes the copies take now.</summary>
    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                Load();
                return _total;
            }
        }
    }

    /// <summary>The local copy of <paramref name="path"/> in this version, fetched with <paramref name="copy"/> (which
    /// writes the content into the stream it is given, false when there is none) when missing or older.</summary>
    public async Task<string?> GetAsync(string path, long size, DateTime updatedUtc, Func<Stream, CancellationToken, Task<bool>> copy, CancellationToken cancellationToken)
    {
        var full = Full(path);
        if (full is null)
        {
            return null;
        }

        var file = new FileInfo(full);
        if (file.Exists && file.Length == size && file.LastWriteTimeUtc == updatedUtc)
        {
            Touch(path, size);
            return full;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside and renamed: a request serving the old copy keeps it open, a new one sees the whole new copy.
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        long length;
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                if (!await copy(target, cancellationToken))
                {
                    target.Close();
                    File.Delete(temp);
                    return null;
                }

                length = target.Length;
            }

            File.SetLastWriteTimeUtc(temp, DateTime.SpecifyKind(updatedUtc, DateTimeKind.Utc));
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        Touch(path, length);
        Trim(keep: path);
        return full;
    }

    /// <summary>Drops the copy of a file deleted or no longer stored.</summary>
    public void Forget(string path)
    {
        if (Full(path) is { } full && File.Exists(full))
        {
            File.Delete(full);
        }

        lock (_gate)
        {
            if (_entries is not null && _entries.Remove(path, out var entry))
            {
                _total -= entry.Size;
            }
        }
    }

    private void Touch(string path, long size)
    {
        lock (_gate)
        {
            Load();
            if (_entries!.TryGetValue(path, out var old))
            {
                _total -= old.Size;
            }

            _entries[path] = new Entry(size, Environment.TickCount64);
            _total += size;
        }
    }

    /// <summary>Deletes the least recently used copies until the cache is within its limit (the copy just fetched stays).</summary>
    private void Trim(string keep)
    {
        var limit = options.Value.StoreCacheMegabytes * 1024L * 1024;
        List<string> victims = [];
        lock (_gate)
        {
            if (_total <= limit)
            {
                return;
            }

            var entries = _entries!;
            foreach (var (path, entry) in entries.Where(e => e.Key != keep).OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (_total <= limit)
                {
                    break;
                }

                entries.Remove(path);
                _total -= entry.Size;
                victims.Add(path);
            }
        }

        foreach (var path in victims)
        {
            try
            {
                if (Full(path) is { } full)
                {
                    File.Delete(full);
                }
            }
            catch (IOException)
            {
                // Open elsewhere for a moment; the next trim finds no entry for it, and a read fetches it again.
            }
        }
    }

    /// <summary>What an earlier run left in the folder counts too: read once, oldest first.</summary>
    private void Load()
    {
        if (_entries is not null)
        {
            return;
        }

        _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        _total = 0;
        if (!Directory.Exists(root.StoreCachePath))
        {
            return;
        }

        foreach (var file in new DirectoryInfo(root.StoreCachePath).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root.StoreCachePath, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            _entries[relative] = new Entry(file.Length, long.MinValue + file.LastAccessTimeUtc.Ticks);
            _total += file.Length;
        }
    }

    private string? Full(string path)
    {
        if (MediaPath.Normalize(path) is not { } normalized)
        {
            return null;
        }

        var folder = Path.GetFullPath(root.StoreCachePath) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, normalized));
        return full.StartsWith(folder, StringComparison.Ordinal) ? full : null;
    }

    private readonly record struct Entry(long Size, long LastUsed);
}
