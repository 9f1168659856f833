using System.Runtime.CompilerServices;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Media.Library;

/// <summary>One library file kept in the database (<see cref="DatabaseMediaStore"/>): whole, at most the upload limit.</summary>
public sealed class MediaBlob
{
    public required string Path { get; set; }

    public required byte[] Content { get; set; }

    public long Size { get; set; }

    /// <summary>When the content was last written: with <see cref="Size"/>, the version a node's cached copy is checked against.</summary>
    public DateTime UpdatedUtc { get; set; }
}

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.ToTable("MediaBlobs");
        builder.HasKey(x => x.Path);
        builder.Property(x => x.Path).HasMaxLength(MediaPath.MaxLength);
    }
}

/// <summary>
/// The library's files in the database (table <c>MediaBlobs</c>), for several nodes without a shared folder. A file is one
/// row, written whole (uploads are at most <c>Cms:Media:MaxDocumentBytes</c>); a node reads it through its bounded local
/// cache (<see cref="MediaStoreCache"/>), checking the row's version (size and time written, no content) on every read, so a
/// file replaced on another node is fetched again.
/// </summary>
/// <remarks>Written through the request's own database context: inside a <c>UnitOfWork</c> (a replacement) the file and
/// its record commit or roll back together.</remarks>
public sealed class DatabaseMediaStore(CmsDbContext db, MediaStoreCache cache, TimeProvider clock) : IMediaStore
{
    private const int ListBatch = 200;

    public MediaStoreKind Kind => MediaStoreKind.Database;

    public async Task SaveAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        var normalized = MediaPath.Normalize(path) ?? throw new ArgumentException($"Not a library path: {path}", nameof(path));
        var content = await File.ReadAllBytesAsync(localFile, cancellationToken);
        var size = (long)content.Length;
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement on SQLite and PostgreSQL alike: a new row, or the new content over the old.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "MediaBlobs" ("Path", "Content", "Size", "UpdatedUtc") VALUES ({normalized}, {content}, {size}, {now})
            ON CONFLICT ("Path") DO UPDATE SET "Content" = excluded."Content", "Size" = excluded."Size", "UpdatedUtc" = excluded."UpdatedUtc"
            """,
            cancellationToken);
    }

    public async Task<string?> LocalFileAsync(string path, CancellationToken cancellationToken)
    {
        if (MediaPath.Normalize(path) is not { } normalized)
        {
            return null;
        }

        var version = await db.Set<MediaBlob>().AsNoTracking().Where(b => b.Path == normalized)
            .Select(b => new { b.Size, b.UpdatedUtc }).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            cache.Forget(normalized);
            return null;
        }

        return await cache.GetAsync(normalized, version.Size, version.UpdatedUtc, ct =>
            db.Set<MediaBlob>().AsNoTracking().Where(b => b.Path == normalized).Select(b => b.Content).FirstOrDefaultAsync(ct), cancellationToken);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (MediaPath.Normalize(path) is { } normalized)
        {
            await db.Set<MediaBlob>().Where(b => b.Path == normalized).ExecuteDeleteAsync(cancellationToken);
            cache.Forget(normalized);
        }
    }

    public async IAsyncEnumerable<(string Path, long Size)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Pages by position: the listing's source is not written to while a move reads it (the move writes the other store).
        var skip = 0;
        while (true)
        {
            var batch = await db.Set<MediaBlob>().AsNoTracking()
                .OrderBy(b => b.Path)
                .Skip(skip)
                .Take(ListBatch)
                .Select(b => new { b.Path, b.Size })
                .ToListAsync(cancellationToken);
            foreach (var blob in batch)
            {
                yield return (blob.Path, blob.Size);
            }

            if (batch.Count < ListBatch)
            {
                yield break;
            }

            skip += batch.Count;
        }
    }
}
