namespace CucThongKe.Core.Caching;

/// <summary>The <c>Cms:Caches</c> configuration section: how much memory the in-memory caches other than the page cache may use.</summary>
/// <remarks>
/// The page cache has its own bound (<c>Cms:PublicSite:OutputCacheSizeLimit</c>). With the defaults a node stays under
/// 250 MB resident through a crawl of every page of a 100,000-item site (bench/README.md, "crawler"). Sizes are
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
    public long PublishedItemsSizeLimit { get; set; } = 24 * 1024 * 1024;
}
