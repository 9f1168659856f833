using CucThongKe.Contents.Indexing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Search.Indexing;

/// <summary>The indexing-task log entries this node's search index has not applied yet (<c>cms_queue_length{queue="search-indexing"}</c>).</summary>
internal sealed class IndexingQueueLength(CmsDbContext db, SearchIndexStore store) : IQueueLength
{
    public string Name => "search-indexing";

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var cursor = store.Cursor;
        return db.Set<IndexingTask>().LongCountAsync(t => t.Id > cursor, cancellationToken);
    }
}
