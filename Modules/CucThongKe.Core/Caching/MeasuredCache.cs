using Microsoft.Extensions.Caching.Memory;

namespace CucThongKe.Core.Caching;

/// <summary>An in-memory cache bounded in bytes, which says what it holds (the metrics report every one registered).</summary>
/// <remarks>Register each as <c>services.AddMeasuredCache&lt;T&gt;()</c> besides its own registration.</remarks>
public interface IMeasuredCache
{
    /// <summary>A short name for operators (the metrics' <c>cache</c> tag): <c>pages</c>, <c>published</c>, <c>shared</c>.</summary>
    string Name { get; }

    /// <summary>The most it may hold, in bytes.</summary>
    long SizeLimit { get; }

    CacheFigures Figures { get; }
}

/// <summary>What a cache holds now and how it was used since start.</summary>
/// <param name="Count">Entries held.</param>
/// <param name="Bytes">Their estimated size in bytes (never above the cache's limit).</param>
/// <param name="Hits">Reads that found an entry.</param>
/// <param name="Misses">Reads that did not.</param>
public readonly record struct CacheFigures(long Count, long Bytes, long Hits, long Misses)
{
    /// <summary>The figures of a <see cref="MemoryCache"/> made with <see cref="MemoryCacheOptions.TrackStatistics"/>.</summary>
    public static CacheFigures Of(MemoryCache cache) =>
        cache.GetCurrentStatistics() is { } s
            ? new(s.CurrentEntryCount, s.CurrentEstimatedSize ?? 0, s.TotalHits, s.TotalMisses)
            : new(cache.Count, 0, 0, 0);
}

/// <summary>Estimates of the memory an entry keeps alive, for the caches' byte limits.</summary>
public static class CacheSize
{
    /// <summary>A cache entry, its key object and the cache's bookkeeping (MemoryCache's entry is about 150 bytes).</summary>
    public const int Entry = 200;

    /// <summary>An object with a few fields.</summary>
    public const int SmallObject = 48;

    /// <summary>A .NET string: a 22-byte header and two bytes a char.</summary>
    public static long Of(string? text) => text is null ? 0 : 24 + (2L * text.Length);

    /// <summary>An estimate for a value whose caller gave no size: strings and collections by their contents.</summary>
    public static long Estimate(object? value) => value switch
    {
        null => 0,
        string s => Of(s),
        byte[] bytes => 24 + bytes.Length,
        System.Collections.IDictionary d => 64 + (d.Count * 3L * 64),
        System.Collections.ICollection c => 32 + (c.Count * 128L),
        _ => 64,
    };
}
