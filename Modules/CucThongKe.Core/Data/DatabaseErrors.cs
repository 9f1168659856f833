using Microsoft.Data.Sqlite;
using Npgsql;

namespace CucThongKe.Core.Data;

/// <summary>
/// What a failed save means, told by the provider's error code rather than by its message (which differs between
/// providers, versions and languages): the one place the site recognises a unique-key violation.
/// </summary>
public static class DatabaseErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions is a unique index or primary key refusing
    /// a second row with the same key (SQLite 2067/1555, PostgreSQL 23505): typically two saves racing for the same
    /// version number or step, of which the second must be told it came late.
    /// </summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }

        return false;
    }
}
