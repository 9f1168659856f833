using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CucThongKe.Core.Data;

/// <summary>
/// Per-connection SQLite settings: foreign keys on; in WAL mode, synchronous=NORMAL syncs at checkpoints instead of
/// every commit; a page cache of 512 KiB per connection instead of 2 MiB. Set once per physical connection, not at every open.
/// </summary>
/// <remarks>
/// WAL with NORMAL never corrupts the database; a power cut may lose the last commits before the next checkpoint,
/// which for a web CMS is the accepted trade for several times faster saves. EF Core opens a pooled connection for each
/// query; these settings live as long as the physical connection, so they are applied the first time it is seen (the
/// "Foreign Keys=True" connection-string keyword would run its PRAGMA at every open: a third of a page's commands).
/// Under 32 concurrent readers the pool holds dozens of connections, each with its own page cache (the operating
/// system caches the file anyway): 512 KiB each took the site's peak from 279 to 236 MB (bench/README.md).
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
