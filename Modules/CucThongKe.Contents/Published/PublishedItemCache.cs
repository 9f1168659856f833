using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Published;

/// <summary>The published version at a path, its related-items box and the pages of the listings, in memory, for the item pages when they are rendered (not served from the page cache).</summary>
/// <remarks>
/// A saved version's content never changes (a change is a new version); what does change is which version a path
/// shows, and that only through a content change in this process (publish, unpublish, remove, or scheduled
/// publication), which moves <see cref="IPublishedGeneration.Generation"/> (the page cache's, which evicts at every such change): the generation is part of the key, so every
/// change starts from the database again. Changes made by another process show within <see cref="Duration"/>.
/// The related items of a version (the newest published items filed under the same term) and a page of a listing change
/// the same way: only through a content change (publication, unpublication, removal, confidentiality), so they are kept
/// under the same generation. Bounded in bytes (<see cref="CacheOptions.PublishedItemsSizeLimit"/>; the least recently
/// used go first); shared items and lists are read only (the JSON is fully materialised before being shared).
/// </remarks>
public sealed class PublishedItemCache(IPublishedGeneration pages, IOptions<CacheOptions> options) : IMeasuredCache, IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>Bytes an item's parsed content keeps alive per byte of its UTF-8 JSON text: that text in the parsed
    /// document, its token table and a node object per value once materialised. Measured by
    /// <c>BoundedCacheTests</c> (allocations of parsing and materialising real items: 4-6 bytes a char).</summary>
    internal const int ContentBytesPerChar = 8;

    private readonly MemoryCache _items = new(new MemoryCacheOptions { SizeLimit = options.Value.PublishedItemsSizeLimit, TrackStatistics = true });

    public string Name => "published";

    public long SizeLimit => options.Value.PublishedItemsSizeLimit;

    public CacheFigures Figures => CacheFigures.Of(_items);

    /// <summary>Read before loading from the database; pass it to <see cref="Set"/>.</summary>
    public long Generation => pages.Generation;

    public ContentItem? Get(string path) => _items.TryGetValue((pages.Generation, path), out ContentItem? item) ? item : null;

    /// <remarks>Sizing the item materialises its content (<see cref="SizeOf"/>).</remarks>
    public void Set(long generation, string path, ContentItem item) =>
        _items.Set((generation, path), item, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Duration, Size = SizeOf(path, item) });

    /// <summary>The memory an item kept under <paramref name="path"/> holds: its strings, its dates and flags, and its
    /// parsed content (materialised on the way, see <see cref="MaterializedLength"/>).</summary>
    internal static long SizeOf(string path, ContentItem item) =>
        CacheSize.Entry + CacheSize.Of(path) + 200
        + CacheSize.Of(item.ContentItemId) + CacheSize.Of(item.ContentType) + CacheSize.Of(item.DisplayText)
        + CacheSize.Of(item.Owner) + CacheSize.Of(item.Author) + CacheSize.Of(item.AuthorUnitId) + CacheSize.Of(item.UnitId)
        + CacheSize.Of(item.PublishedBy) + CacheSize.Of(item.PublishNote) + CacheSize.Of(item.TitleKey) + CacheSize.Of(item.TitleFolded)
        + ((long)ContentBytesPerChar * MaterializedLength(item.Content));

    /// <summary>The item summaries (a related-items box, a page of a listing) kept for <paramref name="key"/> under the current generation, or null.</summary>
    /// <param name="key">A <see cref="RelatedKey"/>, a <see cref="TermNewestKey"/> or a <see cref="ListingKey"/>.</param>
    public IReadOnlyList<ContentSummary>? GetSummaries(object key) =>
        _items.TryGetValue((pages.Generation, key), out IReadOnlyList<ContentSummary>? summaries) ? summaries : null;

    public void SetSummaries(long generation, object key, IReadOnlyList<ContentSummary> summaries)
    {
        var size = CacheSize.Entry + 128L;
        foreach (var summary in summaries)
        {
            size += 8 + CacheSize.SmallObject + 32 + CacheSize.Of(summary.DisplayText) + CacheSize.Of(summary.Path) + CacheSize.Of(summary.ContentItemId) + CacheSize.Of(summary.ContentType);
        }

        _items.Set((generation, key), summaries, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Duration, Size = size });
    }

    public void Dispose() => _items.Dispose();

    /// <summary>Builds every node of <paramref name="node"/> (a parsed JsonObject builds its children on first read, which
    /// is not safe from two threads at once) and returns about how long its JSON text is, in UTF-8 bytes.</summary>
    /// <remarks>Each parsed value's length is read from the parsed text itself (<see cref="JsonMarshal.GetRawUtf8Value"/>):
    /// writing the content out again to measure it cost a fiftieth of a page rendered for the first time (bench/README.md).</remarks>
    private static long MaterializedLength(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var objectLength = 2L;
                foreach (var (name, child) in o)
                {
                    objectLength += name.Length + 4 + MaterializedLength(child);
                }

                return objectLength;
            case JsonArray a:
                var arrayLength = 2L;
                foreach (var child in a)
                {
                    arrayLength += 1 + MaterializedLength(child);
                }

                return arrayLength;
            case JsonValue v when v.TryGetValue(out JsonElement parsed):
                return JsonMarshal.GetRawUtf8Value(parsed).Length;
            case null:
                return 4;
            default:
                return node.ToJsonString().Length;
        }
    }
}

/// <summary>What a related-items box is made of: the version shown, the taxonomy and term, the items picked by hand (joined) and how many.</summary>
public readonly record struct RelatedKey(long VersionId, string Taxonomy, string? Term, string Picked, int Take);

/// <summary>The newest <paramref name="Take"/> published items of a type filed under a term (the related-items box of every item of the term, less the item).</summary>
public readonly record struct TermNewestKey(string ContentType, string Taxonomy, string Term, int Take);

/// <summary>A page of a listing: the type, the taxonomy and term it is filtered on (or none), the page and its size.</summary>
public readonly record struct ListingKey(string ContentType, string? Taxonomy, string? Term, int Page, int PageSize);
