using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CucThongKe.Core.Caching;

/// <summary>The site's shared <see cref="IMemoryCache"/>, bounded by <see cref="CacheOptions.SharedSizeLimit"/>: settings
/// documents, display names, listing counts, terms, media decisions.</summary>
/// <remarks>
/// A <see cref="MemoryCache"/> with a size limit refuses an entry without a size; an entry whose writer gave none
/// (any module's, or a library's) is sized here from its value (<see cref="CacheSize.Estimate"/>), so no writer can
/// grow the cache past its limit or fail because it forgot. An entry that does not fit is not kept (the writer still
/// gets its value) and the least recently used ones are dropped in the background.
/// </remarks>
public sealed class BoundedMemoryCache(IOptions<CacheOptions> options) : IMemoryCache, IMeasuredCache
{
    private readonly MemoryCache _inner = new(new MemoryCacheOptions { SizeLimit = options.Value.SharedSizeLimit, TrackStatistics = true });

    public string Name => "shared";

    public long SizeLimit => options.Value.SharedSizeLimit;

    public CacheFigures Figures => CacheFigures.Of(_inner);

    public ICacheEntry CreateEntry(object key) => new SizedEntry(_inner.CreateEntry(key));

    public void Remove(object key) => _inner.Remove(key);

    public bool TryGetValue(object key, out object? value) => _inner.TryGetValue(key, out value);

    public void Dispose() => _inner.Dispose();

    /// <summary>An entry that gets an estimated size when it is committed without one.</summary>
    private sealed class SizedEntry(ICacheEntry inner) : ICacheEntry
    {
        public object Key => inner.Key;

        public object? Value { get => inner.Value; set => inner.Value = value; }

        public DateTimeOffset? AbsoluteExpiration { get => inner.AbsoluteExpiration; set => inner.AbsoluteExpiration = value; }

        public TimeSpan? AbsoluteExpirationRelativeToNow { get => inner.AbsoluteExpirationRelativeToNow; set => inner.AbsoluteExpirationRelativeToNow = value; }

        public TimeSpan? SlidingExpiration { get => inner.SlidingExpiration; set => inner.SlidingExpiration = value; }

        public IList<IChangeToken> ExpirationTokens => inner.ExpirationTokens;

        public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks => inner.PostEvictionCallbacks;

        public CacheItemPriority Priority { get => inner.Priority; set => inner.Priority = value; }

        public long? Size { get => inner.Size; set => inner.Size = value; }

        public void Dispose()
        {
            inner.Size ??= CacheSize.Entry + CacheSize.Of(Key as string) + CacheSize.Estimate(inner.Value);
            inner.Dispose();
        }
    }
}
