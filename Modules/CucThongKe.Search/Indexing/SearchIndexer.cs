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
            var source = scope.ServiceProvider.GetRequiredService<SearchIndexSource>();
            var tasks = await source.ReadTasksAsync(cursor, [.. _gaps.Keys], BatchSize, cancellationToken);
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
            var (upserts, deletes) = await source.BuildChangesAsync(ids, cancellationToken);
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
            var source = scope.ServiceProvider.GetRequiredService<SearchIndexSource>();
            // The log position before reading: every change after it is applied again on top of the new index.
            var cursor = await source.LastTaskIdAsync(cancellationToken);
            var types = await source.IndexedTypesAsync(cancellationToken);
            var total = await source.CountIndexableAsync(types, cancellationToken);
            status.Report(0, total);
            using var build = store.BeginBuild();
            long lastId = 0;
            var done = 0;
            while (true)
            {
                var (documents, last, read) = await source.ReadBatchAsync(types, lastId, BatchSize, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                build.Add(documents);
                lastId = last;
                done += read;
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
