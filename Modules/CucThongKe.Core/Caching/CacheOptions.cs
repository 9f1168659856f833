namespace CucThongKe.Core.Caching;

/// <summary>The <c>Cms:Caches</c> configuration section: how much memory the in-memory caches other than the page cache may use.</summary>
/// <remarks>
/// The page cache has its own bound (<c>Cms:PublicSite:OutputCacheSizeLimit</c>). The caches' bytes come on top of a
/// node's ~200 MB at start (mapped assemblies, compiled code, the heap after start-up): halving the page cache and the
/// published items (32 and 24 MB before) took 28 MB off the peak of a 100,000-item crawl (bench/README.md, "crawler"). Sizes are
/// estimates of the memory an entry keeps alive (strings at two bytes a char, objects with their headers), not its
/// length as text.
/// </remarks>
public sealed class CacheOptions
{
    public const string SectionName = "Cms:Caches";

    /// <summary>The most the shared cache may hold, in bytes: settings documents, display names, listing counts, the
    /// terms, media decisions (<c>IMemoryCache</c>).</summary>
    public long SharedSizeLimit { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most the published items, related-items boxes and pages of listings kept for rendering may hold, in bytes.</summary>
    public long PublishedItemsSizeLimit { get; set; } = 12 * 1024 * 1024;
}
