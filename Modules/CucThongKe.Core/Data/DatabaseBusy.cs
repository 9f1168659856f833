using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CucThongKe.Core.Data;

/// <summary>
/// "The database is busy": SQLite's SQLITE_BUSY / SQLITE_LOCKED (another connection holds the write lock longer than
/// the busy timeout) and PostgreSQL's lock_not_available (a lock or statement timeout). These are passing conditions,
/// so the site answers 503 with Retry-After instead of a 500 that looks like a bug.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Title = "Hệ thống đang bận";

    public const string Detail = "Cơ sở dữ liệu đang bận xử lý việc khác. Vui lòng thử lại sau ít giây.";

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions says the database is busy or locked.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 5 SQLITE_BUSY, 6 SQLITE_LOCKED (extended codes keep the primary code in the low byte).
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is 5 or 6:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.LockNotAvailable:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Writes the 503 answer: Retry-After, and for the JSON API a Vietnamese problem document.</summary>
    public static Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // An empty body: the status-code page (/loi) explains it to people.
            return Task.CompletedTask;
        }

        response.ContentType = "application/problem+json; charset=utf-8";
        var body = new { type = "about:blank", title = Title, status = StatusCodes.Status503ServiceUnavailable, detail = Detail };
        return response.WriteAsync(JsonSerializer.Serialize(body, CmsJson.Options));
    }
}
