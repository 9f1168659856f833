using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CucThongKe.Core.Data;

namespace CucThongKe.Core.Backup;

/// <summary>What a backup holds, written first in the archive as <c>manifest.json</c>.</summary>
/// <param name="Format">The layout of the archive (this one: 1).</param>
/// <param name="Version">The site's version that made it.</param>
/// <param name="Schema">The database's last applied migration: a site older than that cannot restore it.</param>
/// <param name="Provider">The database provider (<c>Sqlite</c> or <c>Postgres</c>); a backup restores into the same provider.</param>
/// <param name="Counts">Rows per table at backup time, and the number of data files (<c>files</c>).</param>
/// <param name="Files">Every other entry of the archive, with its size and SHA-256.</param>
public sealed record BackupManifest(
    int Format,
    string Version,
    string Schema,
    string Provider,
    DateTime CreatedUtc,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<BackupFile> Files)
{
    public const string EntryName = "manifest.json";
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>A backup archive refused before anything was written (broken, truncated, tampered with, or not one of ours).</summary>
public sealed class BackupArchiveException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The archive format: a tar.gz with <c>manifest.json</c> and the entries it lists, each with its SHA-256.</summary>
/// <remarks>Entry names are checked before anything is written: only <c>database/NAME</c>, <c>settings/NAME</c> and
/// <c>data/PATH</c> with plain segments (no <c>..</c>, no absolute path, no backslash), regular files only (no links).</remarks>
internal static class BackupArchive
{
    public static async Task WriteAsync(string archivePath, BackupManifest manifest, IReadOnlyDictionary<string, string> sources, CancellationToken cancellationToken)
    {
        await using var file = File.Create(archivePath);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName)
        {
            DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, CmsJson.Indented)),
        };
        await tar.WriteEntryAsync(manifestEntry, cancellationToken);
        foreach (var entry in manifest.Files)
        {
            await using var data = File.OpenRead(sources[entry.Path]);
            if (data.Length != entry.Bytes)
            {
                throw new IOException($"Tệp '{sources[entry.Path]}' thay đổi trong khi sao lưu; hãy chạy lại.");
            }

            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Path) { DataStream = data }, cancellationToken);
        }
    }

    public static async Task<BackupFile> DescribeAsync(string entryPath, string source, CancellationToken cancellationToken)
    {
        await using var data = File.OpenRead(source);
        var hash = await SHA256.HashDataAsync(data, cancellationToken);
        return new BackupFile(entryPath, data.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>Reads the whole archive once and checks it against its manifest, writing nothing.</summary>
    public static async Task<BackupManifest> VerifyAsync(string archivePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath))
        {
            throw new BackupArchiveException($"Không có tệp sao lưu '{archivePath}'.");
        }

        BackupManifest? manifest = null;
        var seen = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        try
        {
            await foreach (var (name, bytes, sha, content) in ReadAsync(archivePath, keepManifest: true, cancellationToken))
            {
                if (name == BackupManifest.EntryName)
                {
                    manifest = JsonSerializer.Deserialize<BackupManifest>(content!, CmsJson.Options);
                }
                else if (!seen.TryAdd(name, (bytes, sha)))
                {
                    throw new BackupArchiveException($"Tệp sao lưu có hai mục cùng tên '{name}'.");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or JsonException or IOException)
        {
            throw new BackupArchiveException($"Tệp sao lưu '{archivePath}' hỏng hoặc bị cắt cụt ({ex.Message}); không khôi phục gì.", ex);
        }

        if (manifest is null || manifest.Format != 1 || manifest.Files is null)
        {
            throw new BackupArchiveException($"Tệp '{archivePath}' không phải bản sao lưu của trang (thiếu {BackupManifest.EntryName}); không khôi phục gì.");
        }

        foreach (var file in manifest.Files)
        {
            if (!seen.Remove(file.Path, out var actual))
            {
                throw new BackupArchiveException($"Tệp sao lưu thiếu mục '{file.Path}' mà bảng kê ghi; không khôi phục gì.");
            }

            if (actual.Bytes != file.Bytes || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupArchiveException($"Mã kiểm tra SHA-256 của '{file.Path}' không khớp bảng kê: tệp sao lưu đã bị hỏng hoặc bị sửa; không khôi phục gì.");
            }
        }

        if (seen.Count > 0)
        {
            throw new BackupArchiveException($"Tệp sao lưu có mục '{seen.Keys.First()}' không có trong bảng kê; không khôi phục gì.");
        }

        return manifest;
    }

    /// <summary>Writes each entry (of an archive already verified) to the path <paramref name="target"/> gives, or skips it (null).</summary>
    public static async Task ExtractAsync(string archivePath, Func<string, string?> target, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(archivePath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.Name == BackupManifest.EntryName || target(entry.Name) is not { } path)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var output = File.Create(path);
            if (entry.DataStream is not null)
            {
                await entry.DataStream.CopyToAsync(output, cancellationToken);
            }
        }
    }

    private static async IAsyncEnumerable<(string Name, long Bytes, string Sha256, byte[]? Manifest)> ReadAsync(
        string archivePath, bool keepManifest, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(archivePath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                throw new BackupArchiveException($"Tệp sao lưu có mục '{entry.Name}' không phải tệp thường (liên kết, thư mục, thiết bị); không khôi phục gì.");
            }

            if (!IsSafeName(entry.Name))
            {
                throw new BackupArchiveException($"Tệp sao lưu có mục '{entry.Name}' trỏ ra ngoài chỗ được phép; không khôi phục gì.");
            }

            using var buffer = new MemoryStream();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = 0;
            if (entry.DataStream is not null)
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await entry.DataStream.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    sha.AppendData(chunk, 0, read);
                    bytes += read;
                    if (keepManifest && entry.Name == BackupManifest.EntryName)
                    {
                        buffer.Write(chunk, 0, read);
                    }
                }
            }

            yield return (entry.Name, bytes, Convert.ToHexStringLower(sha.GetHashAndReset()), entry.Name == BackupManifest.EntryName ? buffer.ToArray() : null);
        }
    }

    /// <summary>Only the entries a backup writes, with plain path segments: never out of the folder they are restored into.</summary>
    internal static bool IsSafeName(string name)
    {
        if (name == BackupManifest.EntryName)
        {
            return true;
        }

        var segments = name.Split('/');
        var plain = segments.All(s => s.Length > 0 && s is not ("." or "..") && !s.Contains('\\', StringComparison.Ordinal)
            && !s.Contains(':', StringComparison.Ordinal) && !s.Contains('\0', StringComparison.Ordinal));
        return plain && segments.Length >= 2 && segments[0] switch
        {
            "database" or "settings" => segments.Length == 2,
            "data" => true,
            _ => false,
        };
    }
}
