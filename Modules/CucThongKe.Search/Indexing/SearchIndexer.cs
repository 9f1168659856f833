using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Search.Indexing;

/// <summary>Brings this node's index up to date: follows the indexing-task log from the index's cursor, and rebuilds from the database.</summary>
/// <remarks>
/// Ids of the log grow, but on PostgreSQL a transaction that took a lower id can commit after one with a higher id.
/// A missing id is therefore remembered for a while (<see cref="GapPatience"/>) and read again, so a late commit is
/// not skipped; a rolled-back id simply never appears and is forgotten.
/// </remarks>
public sealed class SearchIndexer(SearchIndexStore store, IServiceScopeFactory scopes, RebuildStatus status, TimeProvider clock, ILogger<SearchIndexer> logger) : IDisposable
{
    public const int BatchSize = 200;

    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(15);

    // One writer at a time: the poller's read-then-apply and the rebuild's swap must not interleave.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<long, DateTime> _gaps = [];

    public SearchIndexStore Store => store;

    public void Dispose() => _writeGate.Dispose();

    /// <summary>Opens this node's index, or builds it from the database when the node has none.</summary>
    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (store.IsOpen && !store.PointerMoved())
        {
            return;
        }

        bool opened;
        try
        {
            opened = store.TryOpen();
        }
        catch (Lucene.Net.Index.CorruptIndexException ex)
        {
            // A damaged index (a disk filled up mid-write, say) is rebuilt, not retried for ever.
            logger.LogError(ex, "The search index in {Root} is damaged; rebuilding it from the database", store.Root);
            opened = false;
        }

        if (!opened)
        {
            await RebuildAsync(cancellationToken);
        }
    }

    /// <summary>Applies the log entries after the cursor; returns how many were read.</summary>
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var cursor = store.Cursor;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
            {
                _gaps.Remove(expired);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var gapIds = _gaps.Keys.ToList();
            var tasks = await db.Set<IndexingTask>().AsNoTracking()
                .Where(t => t.Id > cursor || gapIds.Contains(t.Id))
                .OrderBy(t => t.Id)
                .Take(BatchSize)
                .Select(t => new { t.Id, t.ContentItemId })
                .ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                return 0;
            }

            var next = cursor;
            foreach (var task in tasks)
            {
                _gaps.Remove(task.Id);
                for (var missing = next + 1; missing < task.Id && task.Id - missing < 1000; missing++)
                {
                    _gaps.TryAdd(missing, now);
                }

                next = Math.Max(next, task.Id);
            }

            var ids = tasks.Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var (upserts, deletes) = await BuildChangesAsync(scope.ServiceProvider, ids, cancellationToken);
            store.Apply(upserts, deletes, next);
            logger.LogDebug("Search index: applied {Count} task(s) up to {Cursor}", tasks.Count, next);
            return tasks.Count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Rebuilds the index from the database into a new folder and swaps it in; searches go on from the old one meanwhile.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken, bool forOtherProcess = false)
    {
        status.Start();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<CmsDbContext>();
            // The log position before reading: every change after it is applied again on top of the new index.
            var cursor = await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var types = await IndexedTypesAsync(services, cancellationToken);
            // Published versions for everyone, and latest versions that are not published as drafts for editors.
            var total = await db.Set<ContentItem>().CountAsync(c => (c.Published || c.Latest) && !c.Removed && types.Contains(c.ContentType), cancellationToken);
            status.Report(0, total);
            var builder = services.GetRequiredService<SearchDocumentBuilder>();
            using var build = store.BeginBuild();
            long lastId = 0;
            var done = 0;
            while (true)
            {
                var batch = await db.Set<ContentItem>().AsNoTracking()
                    .Where(c => (c.Published || c.Latest) && !c.Removed && types.Contains(c.ContentType) && c.Id > lastId)
                    .OrderBy(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                var documents = new List<SearchDocument>(batch.Count);
                foreach (var item in batch)
                {
                    if (await builder.BuildAsync(item, types, cancellationToken) is { } document)
                    {
                        documents.Add(document);
                    }
                }

                build.Add(documents);
                lastId = batch[^1].Id;
                done += batch.Count;
                status.Report(done, total);
            }

            if (forOtherProcess)
            {
                build.PublishForOtherProcess(cursor);
            }
            else
            {
                await _writeGate.WaitAsync(cancellationToken);
                try
                {
                    build.Publish(cursor);
                    _gaps.Clear();
                }
                finally
                {
                    _writeGate.Release();
                }
            }

            status.Finish(done, null);
            logger.LogInformation("Search index rebuilt: {Count} item(s), from task {Cursor}", done, cursor);
            return done;
        }
        catch (Exception ex)
        {
            status.Finish(0, ex.Message);
            throw;
        }
    }

    /// <summary>The types the public index holds: those the <c>SearchIndex</c> recipe step named, or every listable type.</summary>
    public static async Task<HashSet<string>> IndexedTypesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = await services.GetRequiredService<SettingsStore>().GetAsync<SearchSettings>(SearchSettings.DocumentName, cancellationToken);
        if (settings.ContentTypes is { Count: > 0 } named)
        {
            return new HashSet<string>(named, StringComparer.Ordinal);
        }

        var types = await services.GetRequiredService<ContentDefinitionManager>().ListTypesAsync(cancellationToken);
        return new HashSet<string>(types.Where(t => t.Settings.Listable).Select(t => t.Name), StringComparer.Ordinal);
    }

    private static async Task<(List<SearchDocument> Upserts, List<string> Deletes)> BuildChangesAsync(IServiceProvider services, List<string> ids, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CmsDbContext>();
        var builder = services.GetRequiredService<SearchDocumentBuilder>();
        var types = await IndexedTypesAsync(services, cancellationToken);
        var versions = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && (c.Published || c.Latest) && !c.Removed)
            .ToListAsync(cancellationToken);
        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        foreach (var id in ids)
        {
            // The published version and, when newer, the latest draft: the store replaces all of an item's documents.
            var found = false;
            foreach (var item in versions.Where(c => c.ContentItemId == id))
            {
                if (await builder.BuildAsync(item, types, cancellationToken) is { } document)
                {
                    upserts.Add(document);
                    found = true;
                }
            }

            if (!found)
            {
                deletes.Add(id);
            }
        }

        return (upserts, deletes);
    }
}

/// <summary>The <c>Search</c> settings document: which content types the public index holds (set by the <c>SearchIndex</c> recipe step).</summary>
public sealed class SearchSettings
{
    public const string DocumentName = "Search";

    /// <summary>The indexed types; empty means every listable type.</summary>
    public List<string> ContentTypes { get; set; } = [];
}

/// <summary>Progress of the latest rebuild on this node, for the back office.</summary>
public sealed class RebuildStatus
{
    private readonly Lock _gate = new();

    public bool Running { get; private set; }

    public int Done { get; private set; }

    public int Total { get; private set; }

    public DateTime? FinishedUtc { get; private set; }

    public string? Error { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            Running = true;
            Done = 0;
            Total = 0;
            Error = null;
        }
    }

    public void Report(int done, int total)
    {
        lock (_gate)
        {
            Done = done;
            Total = total;
        }
    }

    public void Finish(int done, string? error)
    {
        lock (_gate)
        {
            Running = false;
            Done = done;
            Error = error;
            FinishedUtc = DateTime.UtcNow;
        }
    }
}
