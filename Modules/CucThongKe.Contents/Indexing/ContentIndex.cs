using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Indexing;

/// <summary>A row of an index table: typed columns of one version that is latest or published, for queries that never read JSON.</summary>
public abstract class ContentIndex
{
    public long Id { get; set; }

    /// <summary>The version the row describes.</summary>
    public long ContentItemVersionId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }
}

/// <summary>Keeps one index table current; runs in the transaction of every save.</summary>
public interface IContentIndexProvider
{
    Task UpdateAsync(ContentItem version, ResolvedContentType type, CancellationToken cancellationToken);
}

/// <summary>Maps a version to rows of <typeparamref name="TIndex"/>; the base class replaces the version's old rows.</summary>
/// <remarks>Only latest and published versions keep rows, so an index holds at most two rows' worth per item.</remarks>
public abstract class ContentIndexProvider<TIndex>(CmsDbContext db) : IContentIndexProvider where TIndex : ContentIndex
{
    protected abstract IEnumerable<TIndex> Map(ContentItem version, ResolvedContentType type);

    public async Task UpdateAsync(ContentItem version, ResolvedContentType type, CancellationToken cancellationToken)
    {
        var set = db.Set<TIndex>();
        var existing = await set.Where(x => x.ContentItemVersionId == version.Id).ToListAsync(cancellationToken);
        var wanted = version.Latest || version.Published ? Map(version, type).ToList() : [];
        foreach (var row in wanted)
        {
            row.ContentItemVersionId = version.Id;
            row.ContentItemId = version.ContentItemId;
            row.ContentType = version.ContentType;
            row.Latest = version.Latest;
            row.Published = version.Published;
        }

        // Flag changes (the common case on publish) update rows in place rather than delete and insert.
        if (existing.Count == wanted.Count && existing.Zip(wanted).All(p => SameValues(p.First, p.Second)))
        {
            foreach (var row in existing)
            {
                row.Latest = version.Latest;
                row.Published = version.Published;
            }

            return;
        }

        set.RemoveRange(existing);
        set.AddRange(wanted);
    }

    /// <summary>Whether two rows carry the same indexed values (flags aside).</summary>
    protected abstract bool SameValues(TIndex stored, TIndex wanted);
}
