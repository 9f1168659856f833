using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CucThongKe.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Media.Library;

/// <summary>One library file kept in the database (<see cref="DatabaseMediaStore"/>), at most the upload limit; its content is
/// written and read as a stream (never loaded through this entity).</summary>
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
/// row, streamed between the file and the database a buffer at a time (SQLite's incremental blob I/O, PostgreSQL's
/// protocol buffers), so a 50 MB file never sits whole in memory; a node reads it through its bounded local
/// cache (<see cref="MediaStoreCache"/>), checking the row's version (size and time written, no content) on every read, so a
/// file replaced on another node is fetched again.
/// </summary>
/// <remarks>Written through the request's own database context: inside a <c>UnitOfWork</c> (a replacement) the file and
/// its record commit or roll back together.</remarks>
public sealed class DatabaseMediaStore(CmsDbContext db, MediaStoreCache cache, TimeProvider clock) : IMediaStore
{
    private const int ListBatch = 200;

    /// <summary>The copy buffer between a file and the database (rented, so no large object is allocated per file).</summary>
    private const int CopyBuffer = 81920;

    public MediaStoreKind Kind => MediaStoreKind.Database;

    public async Task SaveAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        var normalized = MediaPath.Normalize(path) ?? throw new ArgumentException($"Not a library path: {path}", nameof(path));
        await using var file = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, useAsync: true);
        var size = file.Length;
        var now = clock.GetUtcNow().UtcDateTime;
        await WithConnectionAsync(async connection =>
        {
            if (connection is SqliteConnection sqlite)
            {
                // zeroblob reserves the row's bytes; the content is then written into them through SQLite's incremental
                // blob I/O, a buffer at a time, in the same transaction as the row.
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO "MediaBlobs" ("Path", "Content", "Size", "UpdatedUtc") VALUES ({normalized}, zeroblob({size}), {size}, {now})
                    ON CONFLICT ("Path") DO UPDATE SET "Content" = excluded."Content", "Size" = excluded."Size", "UpdatedUtc" = excluded."UpdatedUtc"
                    """,
                    cancellationToken);
                await using var blob = new SqliteBlob(sqlite, "MediaBlobs", "Content", await RowIdAsync(normalized, cancellationToken) ?? 0);
                await file.CopyToAsync(blob, CopyBuffer, cancellationToken);
                return true;
            }

            // PostgreSQL: a Stream parameter is sent from the file in the protocol's buffers, never read whole.
            await using var command = Command(connection, """
                INSERT INTO "MediaBlobs" ("Path", "Content", "Size", "UpdatedUtc") VALUES (@path, @content, @size, @now)
                ON CONFLICT ("Path") DO UPDATE SET "Content" = excluded."Content", "Size" = excluded."Size", "UpdatedUtc" = excluded."UpdatedUtc"
                """);
            AddParameter(command, "path", normalized);
            AddParameter(command, "content", file);
            AddParameter(command, "size", size);
            AddParameter(command, "now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        });
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

        return await cache.GetAsync(normalized, version.Size, version.UpdatedUtc, (target, ct) => CopyContentAsync(normalized, target, ct), cancellationToken);
    }

    /// <summary>Copies the stored content of <paramref name="path"/> into <paramref name="target"/> a buffer at a time;
    /// false when the row is gone.</summary>
    private Task<bool> CopyContentAsync(string path, Stream target, CancellationToken cancellationToken) => WithConnectionAsync(async connection =>
    {
        if (connection is SqliteConnection sqlite)
        {
            if (await RowIdAsync(path, cancellationToken) is not { } rowId)
            {
                return false;
            }

            await using var blob = new SqliteBlob(sqlite, "MediaBlobs", "Content", rowId, readOnly: true);
            await blob.CopyToAsync(target, CopyBuffer, cancellationToken);
            return true;
        }

        // Sequential access: the column is read from the connection as it is copied, not into one array first.
        await using var command = Command(connection, """SELECT "Content" FROM "MediaBlobs" WHERE "Path" = @path""");
        AddParameter(command, "path", path);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        await using var content = reader.GetStream(0);
        await content.CopyToAsync(target, CopyBuffer, cancellationToken);
        return true;
    });

    private async Task<long?> RowIdAsync(string path, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long?>($"""SELECT rowid AS "Value" FROM "MediaBlobs" WHERE "Path" = {path}""").FirstOrDefaultAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the context's connection (opened for it when closed), inside the context's
    /// transaction when there is one (a replacement inside a <c>UnitOfWork</c>).</summary>
    private async Task<bool> WithConnectionAsync(Func<DbConnection, Task<bool>> work)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync();
        }

        try
        {
            return await work(connection);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
