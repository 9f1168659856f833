using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CucThongKe.Core.Data;

/// <summary>Per-connection SQLite settings: in WAL mode, synchronous=NORMAL syncs at checkpoints instead of every commit.</summary>
/// <remarks>
/// WAL with NORMAL never corrupts the database; a power cut may lose the last commits before the next checkpoint,
/// which for a web CMS is the accepted trade for several times faster saves. Set per connection, so here.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
