using System.Collections.Concurrent;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Contents.Api;

/// <summary>
/// Notes a token's last use, best effort and off the request: a read-only API call never waits for a write.
/// </summary>
/// <remarks>
/// The write happens at most once a minute per token (<see cref="ApiTokens.LastUsedPrecision"/>), in the background
/// with a short timeout, and is skipped when the database is busy: before, an API read under a long write lock (a
/// recipe, a rebuild, another process) waited SQLite's 30-second busy timeout for this one column and then failed
/// with 500. A last-used time one minute late, or missing while the database is locked, costs nothing.
/// </remarks>
internal sealed class ApiTokenUsage(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ApiTokenUsage> logger)
{
    /// <summary>How long the background write may wait for a lock before it gives up.</summary>
    private const int WriteTimeoutSeconds = 2;

    // Tokens whose write is under way: one at a time per token, however many requests arrive meanwhile.
    private readonly ConcurrentDictionary<long, byte> _writing = new();

    public void Note(ApiToken record)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (record.LastUsedUtc is { } last && now - last < ApiTokens.LastUsedPrecision)
        {
            return;
        }

        if (!_writing.TryAdd(record.Id, 0))
        {
            return;
        }

        _ = Task.Run(() => WriteAsync(record.Id, now));
    }

    private async Task WriteAsync(long id, DateTime now)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            db.Database.SetCommandTimeout(WriteTimeoutSeconds);
            await db.Set<ApiToken>().Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now));
        }
        catch (Exception ex) when (DatabaseBusy.IsBusy(ex))
        {
            logger.LogDebug("The database is busy: the last use of API token {Id} was not written.", id);
        }
#pragma warning disable CA1031 // Best effort, off the request: a failure (the site stopping, say) can only be logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not write the last use of API token {Id}.", id);
        }
        finally
        {
            _writing.TryRemove(id, out _);
        }
    }
}
