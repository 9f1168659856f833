namespace CucThongKe.OutputCache;

/// <summary>The <c>Cms:PublicSite</c> configuration section.</summary>
public sealed class PublicSiteOptions
{
    public const string SectionName = "Cms:PublicSite";

    /// <summary>Serves anonymous GETs of public pages from the page cache (<see cref="PublicPageCacheMiddleware"/>); false for benchmarks of the uncached path.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>How long a cached page lives when nothing evicts it first.</summary>
    public TimeSpan OutputCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most the cached pages may take in memory, in bytes (the least recently used go first).</summary>
    /// <remarks>16 MB holds about a thousand article pages: the hot part of a provincial office's site; a crawler's first
    /// visits only churn it (bench/README.md, "crawler").</remarks>
    public long OutputCacheSizeLimit { get; set; } = 16 * 1024 * 1024;
}
