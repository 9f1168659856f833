using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Search.Indexing;

/// <summary>What this node's index is built from, read in one scope: the indexing-task log, the indexed versions and their documents.</summary>
/// <remarks>The singleton <see cref="SearchIndexer"/> creates a scope per round and resolves this one worker from it.</remarks>
public sealed class SearchIndexSource(CmsDbContext db, SearchDocumentBuilder builder, SettingsStore settings, ContentDefinitionManager definitions)
{
    /// <summary>The log entries after <paramref name="cursor"/>, and those of <paramref name="gapIds"/> that have appeared since, in order.</summary>
    public async Task<IReadOnlyList<(long Id, string ContentItemId)>> ReadTasksAsync(long cursor, IReadOnlyCollection<long> gapIds, int take, CancellationToken cancellationToken)
    {
        var tasks = await db.Set<IndexingTask>().AsNoTracking()
            .Where(t => t.Id > cursor || gapIds.Contains(t.Id))
            .OrderBy(t => t.Id)
            .Take(take)
            .Select(t => new { t.Id, t.ContentItemId })
            .ToListAsync(cancellationToken);
        return [.. tasks.Select(t => (t.Id, t.ContentItemId))];
    }

    /// <summary>The last id of the log (0 when empty).</summary>
    public async Task<long> LastTaskIdAsync(CancellationToken cancellationToken) =>
        await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;

    /// <summary>The types the public index holds: those the <c>SearchIndex</c> recipe step named, or every listable type.</summary>
    public async Task<HashSet<string>> IndexedTypesAsync(CancellationToken cancellationToken)
    {
        var search = await settings.GetAsync<SearchSettings>(SearchSettings.DocumentName, cancellationToken);
        if (search.ContentTypes is { Count: > 0 } named)
        {
            return new HashSet<string>(named, StringComparer.Ordinal);
        }

        var types = await definitions.ListTypesAsync(cancellationToken);
        return new HashSet<string>(types.Where(t => t.Settings.Listable).Select(t => t.Name), StringComparer.Ordinal);
    }

    /// <summary>How many versions a rebuild indexes: published versions for everyone, and latest versions that are not published as drafts for editors.</summary>
    public Task<int> CountIndexableAsync(HashSet<string> types, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().CountAsync(c => (c.Published || c.Latest) && !c.Removed && types.Contains(c.ContentType), cancellationToken);

    /// <summary>The documents of the next <paramref name="take"/> indexable versions after <paramref name="afterId"/>, and the last id read (0 when none is left).</summary>
    public async Task<(List<SearchDocument> Documents, long LastId, int Read)> ReadBatchAsync(HashSet<string> types, long afterId, int take, CancellationToken cancellationToken)
    {
        var batch = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => (c.Published || c.Latest) && !c.Removed && types.Contains(c.ContentType) && c.Id > afterId)
            .OrderBy(c => c.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var documents = new List<SearchDocument>(batch.Count);
        foreach (var item in batch)
        {
            if (await builder.BuildAsync(item, types, cancellationToken) is { } document)
            {
                documents.Add(document);
            }
        }

        return (documents, batch.Count == 0 ? 0 : batch[^1].Id, batch.Count);
    }

    /// <summary>The documents to write for <paramref name="ids"/> and the items to delete from the index.</summary>
    public async Task<(List<SearchDocument> Upserts, List<string> Deletes)> BuildChangesAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var types = await IndexedTypesAsync(cancellationToken);
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
