namespace CucThongKe.Feeds;

/// <summary>An area with its own RSS feed (/rss/{slug}), and per category when it has a taxonomy (/rss/{slug}/{term}).</summary>
/// <param name="CategoryPagePrefix">Where the area's page of one category lives (<c>/tin-tuc/chuyen-muc/</c> + the term), when it has one: the
/// category feed's channel links there, else to the area.</param>
public sealed record FeedArea(string Slug, string ContentType, string Title, string? Taxonomy, string? CategoryPagePrefix = null)
{
    public string Url => "/rss/" + Slug;

    public string CategoryUrl(string termId) => $"/rss/{Slug}/{Uri.EscapeDataString(termId)}";
}

/// <summary>What the feeds and the sitemap show, set by the theme that owns the site's areas and pages (not a configuration section).</summary>
public sealed class FeedOptions
{
    /// <summary>The areas with a feed; /rss is the newest items of all of them.</summary>
    public List<FeedArea> Areas { get; } = [];

    /// <summary>The site's own pages (the menus), listed first in sitemap.xml.</summary>
    public List<string> SitemapPaths { get; } = [];
}

/// <summary>The <c>Cms:Feeds</c> settings.</summary>
public sealed class FeedSettings
{
    public const string SectionName = "Cms:Feeds";

    /// <summary>The sitemap protocol's limit of addresses in one file (https://www.sitemaps.org/protocol.html).</summary>
    public const int ProtocolLimit = 50_000;

    /// <summary>Addresses per sitemap file; past it <c>/sitemap.xml</c> is an index of <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>...
    /// At most the protocol's 50,000 (a larger value counts as 50,000).</summary>
    public int SitemapUrlsPerFile { get; set; } = ProtocolLimit;

    internal int UrlsPerFile => Math.Clamp(SitemapUrlsPerFile, 1, ProtocolLimit);
}
