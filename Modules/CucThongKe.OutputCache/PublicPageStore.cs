using CucThongKe.Contents.Published;
using CucThongKe.Core.Caching;
using CucThongKe.Core.Cluster;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CucThongKe.OutputCache;

/// <summary>A cached response: its headers and body, ready to be written again as they are.</summary>
public sealed record CachedPage(KeyValuePair<string, StringValues>[] Headers, byte[] Body, DateTimeOffset StoredAt, IReadOnlyCollection<string> Tags);

/// <summary>The public pages in memory, by key, filed under tags so that a content change evicts exactly what shows it.</summary>
/// <remarks>
/// Bounded by <see cref="PublicSiteOptions.OutputCacheSizeLimit"/> (bytes of body and headers; the least recently
/// used pages go first) and by <see cref="PublicSiteOptions.OutputCacheDuration"/>. <see cref="Generation"/> moves at
/// every eviction: a page rendered while a change was being committed is not stored (it may show the old content).
/// With a shared Redis server every eviction is also sent to the other nodes (<see cref="EvictionChannel"/>), which drop
/// the same pages (<see cref="ClusterEvictions"/>): a node never serves a page older than a change committed elsewhere for
/// longer than a message takes.
/// </remarks>
public sealed class PublicPageStore : IPublishedGeneration, IMeasuredCache, IDisposable
{
    private readonly MemoryCache _pages;
    private readonly Dictionary<string, HashSet<string>> _keysByTag = new(StringComparer.Ordinal);
    private readonly Lock _tagsLock = new();
    private readonly TimeSpan _duration;
    private readonly SharedRedis? _nodes;
    private long _generation;

    /// <summary>The Redis channel of evictions between nodes; a message is a tag, or <see cref="EverythingMessage"/>.</summary>
    public const string EvictionChannel = "pages:evict";

    private const string EverythingMessage = "*";

    /// <param name="nodes">The other nodes to tell of each eviction (none on one node).</param>
    public PublicPageStore(IOptions<PublicSiteOptions> options, SharedRedis? nodes = null)
    {
        _nodes = nodes;
        _duration = options.Value.OutputCacheDuration;
        SizeLimit = options.Value.OutputCacheSizeLimit;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = SizeLimit, TrackStatistics = true });
    }

    public string Name => "pages";

    public long SizeLimit { get; }

    public CacheFigures Figures => CacheFigures.Of(_pages);

    /// <summary>Moves at every eviction.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public CachedPage? Get(string key) => _pages.TryGetValue(key, out CachedPage? page) ? page : null;

    /// <summary>Stores a page unless an eviction happened since <paramref name="generation"/> was read (the page may be stale).</summary>
    public void Set(string key, CachedPage page, long generation)
    {
        lock (_tagsLock)
        {
            if (generation != _generation)
            {
                return;
            }

            foreach (var tag in page.Tags)
            {
                if (!_keysByTag.TryGetValue(tag, out var keys))
                {
                    _keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(key);
            }

            var size = SizeOf(key, page);
            var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _duration, Size = size }
                .RegisterPostEvictionCallback(static (key, value, reason, state) =>
                {
                    if (reason != EvictionReason.Replaced)
                    {
                        ((PublicPageStore)state!).Forget((string)key, (CachedPage)value!);
                    }
                }, this);
            _pages.Set(key, page, options);
        }
    }

    /// <summary>Drops every page filed under <paramref name="tag"/>, here and on every other node.</summary>
    public void EvictByTag(string tag)
    {
        EvictHere(tag);
        _nodes?.Publish(EvictionChannel, tag);
    }

    /// <summary>Drops every page, here and on every other node: a change any page may show (the site's name, a category's).</summary>
    public void EvictEverything()
    {
        EvictEverythingHere();
        _nodes?.Publish(EvictionChannel, EverythingMessage);
    }

    /// <summary>Drops every page of this node (its evictions from other nodes may have been lost).</summary>
    public void EvictEverythingHere()
    {
        lock (_tagsLock)
        {
            _generation++;
            _keysByTag.Clear();
            _pages.Clear();
        }
    }

    /// <summary>What another node's eviction message asks of this node.</summary>
    internal void Receive(string message)
    {
        if (message == EverythingMessage)
        {
            EvictEverythingHere();
        }
        else
        {
            EvictHere(message);
        }
    }

    /// <summary>Drops this node's pages filed under <paramref name="tag"/>.</summary>
    private void EvictHere(string tag)
    {
        List<string>? keys = null;
        lock (_tagsLock)
        {
            _generation++;
            if (_keysByTag.Remove(tag, out var set))
            {
                keys = [.. set];
            }
        }

        foreach (var key in keys ?? [])
        {
            _pages.Remove(key);
        }
    }

    public void Dispose() => _pages.Dispose();

    /// <summary>The memory a stored page holds: its body, its headers, its key and its tags, with their filing under
    /// each tag (<see cref="_keysByTag"/>), and the objects around them.</summary>
    internal static long SizeOf(string key, CachedPage page)
    {
        var size = CacheSize.Entry + CacheSize.SmallObject + CacheSize.Of(key) + 24 + page.Body.Length + 32 + (page.Headers.Length * 16L);
        foreach (var (name, values) in page.Headers)
        {
            size += CacheSize.Of(name) + 32;
            foreach (var value in values)
            {
                size += CacheSize.Of(value);
            }
        }

        foreach (var tag in page.Tags)
        {
            // The tag's string, and a slot in the tag's set of keys (a set per tag, shared by its pages).
            size += CacheSize.Of(tag) + 32;
        }

        return size;
    }

    /// <summary>Unfiles a page that left the cache (expired, pushed out or evicted), unless the key holds a newer page by now.</summary>
    private void Forget(string key, CachedPage removed)
    {
        lock (_tagsLock)
        {
            if (_pages.TryGetValue(key, out CachedPage? current) && !ReferenceEquals(current, removed))
            {
                return;
            }

            foreach (var tag in removed.Tags)
            {
                if (_keysByTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    _keysByTag.Remove(tag);
                }
            }
        }
    }
}
