using System.Text;
using System.Xml;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Settings;
using CucThongKe.Contents.Published;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CucThongKe.Feeds;

/// <summary>RSS 2.0 (all, one area, or one category), the sitemaps and robots.txt, built from the same visible listings as the pages.</summary>
internal static class FeedEndpoints
{
    /// <summary>The newest 30 items of everything, of one area, or of one category of an area; 404 for an unknown area or category.</summary>
    /// <remarks>Mapped at /rss, /rss/{area} and /rss/{area}/{term}: the route alone says which, never the query string.</remarks>
    public static async Task<IResult> RssAsync(HttpContext http, PublicContent content, SettingsStore settings, IOptions<FeedOptions> options, CancellationToken cancellationToken)
    {
        var areas = options.Value.Areas;
        var area = http.GetRouteValue("area") as string;
        var term = http.GetRouteValue("term") as string;
        string title;
        string link;
        IReadOnlyList<ContentSummary> items;
        if (area is null)
        {
            (title, link) = ("Tin mới", "/");
            items = await content.LatestAsync([.. areas.Select(a => a.ContentType)], 30, cancellationToken);
        }
        else if (areas.FirstOrDefault(a => a.Slug == area) is not { } known)
        {
            return Results.NotFound();
        }
        else if (term is null)
        {
            (title, link) = (known.Title, "/" + known.Slug);
            items = await content.LatestAsync([known.ContentType], 30, cancellationToken);
        }
        else if (known.Taxonomy is null || (await content.TermsAsync(known.Taxonomy, cancellationToken)).FirstOrDefault(t => t.TermId == term) is not { } category)
        {
            return Results.NotFound();
        }
        else
        {
            (title, link) = ($"{known.Title}: {category.Name}", known.CategoryPagePrefix is { } prefix ? prefix + category.TermId : "/" + known.Slug);
            items = (await content.ListAsync(known.ContentType, known.Taxonomy, category.TermId, 1, 30, cancellationToken)).Items;
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        var summaries = await content.SummariesAsync([.. items.Select(i => i.VersionId)], cancellationToken);
        var xml = Write(w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"{title} - {site.SiteName}");
            w.WriteElementString("link", baseUrl + link);
            w.WriteElementString("description", $"{title} của {site.OwnerName ?? site.SiteName}. {site.Citation}.");
            w.WriteElementString("language", "vi");
            foreach (var item in items.Where(i => i.Path is not null))
            {
                var link = $"{baseUrl}/{item.Path}";
                w.WriteStartElement("item");
                w.WriteElementString("title", item.DisplayText ?? "");
                w.WriteElementString("link", link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(link);
                w.WriteEndElement();
                w.WriteElementString("pubDate", (item.PublishedUtc ?? item.ModifiedUtc).ToString("r", System.Globalization.CultureInfo.InvariantCulture));
                // The summary, then the citation (Điều 8.1); plain text, which the writer escapes (no HTML reaches a reader's feed).
                w.WriteElementString("description", summaries.TryGetValue(item.VersionId, out var summary) ? $"{summary} {site.Citation}." : site.Citation + ".");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        return Results.Text(xml, "application/rss+xml", Encoding.UTF8);
    }

    /// <summary>/sitemap.xml: every address of the site in one file while they fit the protocol's limit
    /// (<see cref="FeedSettings.SitemapUrlsPerFile"/>); past it, an index of <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>..., each with its lastmod.</summary>
    public static async Task SitemapAsync(HttpContext http, PublicContent content, SettingsStore settings, IOptions<FeedOptions> options, IOptions<FeedSettings> feedSettings, CancellationToken cancellationToken)
    {
        var pages = options.Value.SitemapPaths;
        var perFile = feedSettings.Value.UrlsPerFile;
        var items = await content.CountAddressedAsync(cancellationToken);
        var files = FileCount(pages.Count + items, perFile);
        if (files == 1)
        {
            await WriteUrlSetAsync(http, content, settings, pages, 0, perFile, cancellationToken);
            return;
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        await StreamXmlAsync(http, async w =>
        {
            await w.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
            for (var number = 1; number <= files; number++)
            {
                var (skip, take) = ItemsOfFile(number, pages.Count, perFile);
                // A file holding some of the site's own pages changed when the newest item did (its listings show it).
                var lastModified = (number - 1) * perFile < pages.Count
                    ? await content.LastModifiedAsync(0, int.MaxValue, cancellationToken)
                    : await content.LastModifiedAsync(skip, take, cancellationToken);

                await w.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
                await w.WriteElementStringAsync(null, "loc", SitemapNamespace, $"{baseUrl}/sitemap-{number}.xml");
                await WriteLastModifiedAsync(w, lastModified);
                await w.WriteEndElementAsync();
            }

            await w.WriteEndElementAsync();
        });
    }

    /// <summary>/sitemap-{n}.xml: the n-th file of the index (the site's pages first, then the items by version id); 404 past the last.</summary>
    public static async Task SitemapFileAsync(int number, HttpContext http, PublicContent content, SettingsStore settings, IOptions<FeedOptions> options, IOptions<FeedSettings> feedSettings, CancellationToken cancellationToken)
    {
        var pages = options.Value.SitemapPaths;
        var perFile = feedSettings.Value.UrlsPerFile;
        var files = FileCount(pages.Count + await content.CountAddressedAsync(cancellationToken), perFile);
        if (number < 1 || number > files)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await WriteUrlSetAsync(http, content, settings, pages, (number - 1) * perFile, perFile, cancellationToken);
    }

    /// <summary>robots.txt: the public site is open to crawlers; the back office, the API and search results are not (a
    /// result page per query is no content of its own); the sitemap is named with the site's address.</summary>
    public static async Task<IResult> RobotsAsync(HttpContext http, SettingsStore settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var text = string.Join('\n',
            "User-agent: *",
            "Allow: /",
            "Disallow: /admin",
            "Disallow: /api/",
            "Disallow: /tim-kiem",
            "Disallow: /dang-nhap",
            "",
            $"Sitemap: {BaseUrl(http, site)}/sitemap.xml",
            "");
        return Results.Text(text, "text/plain", Encoding.UTF8);
    }

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static int FileCount(int addresses, int perFile) => Math.Max(1, (addresses + perFile - 1) / perFile);

    /// <summary>Which items a file holds: the addresses from (n-1)·perFile, the site's pages counted first.</summary>
    private static (int Skip, int Take) ItemsOfFile(int number, int pageCount, int perFile)
    {
        var start = (number - 1) * perFile;
        var end = start + perFile;
        var skip = Math.Max(0, start - pageCount);
        return (skip, Math.Max(0, end - Math.Max(start, pageCount)));
    }

    /// <summary>One urlset of addresses from <paramref name="start"/>: the site's pages that fall in it, then the items,
    /// streamed from the database to the answer.</summary>
    private static async Task WriteUrlSetAsync(HttpContext http, PublicContent content, SettingsStore settings, List<string> pages, int start, int perFile, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        var (skip, take) = ItemsOfFile(start / perFile + 1, pages.Count, perFile);
        var sitePages = pages.Skip(start).Take(perFile).ToList();
        // The site's pages (listings, home) change whenever an item does: their lastmod is the newest item's.
        var pagesModified = sitePages.Count > 0 ? await content.LastModifiedAsync(0, int.MaxValue, cancellationToken) : null;
        await StreamXmlAsync(http, async w =>
        {
            await w.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            foreach (var path in sitePages)
            {
                await w.WriteStartElementAsync(null, "url", SitemapNamespace);
                await w.WriteElementStringAsync(null, "loc", SitemapNamespace, baseUrl + path);
                await WriteLastModifiedAsync(w, pagesModified);
                await w.WriteEndElementAsync();
            }

            if (take > 0)
            {
                await foreach (var item in content.AddressedAsync(skip, take).WithCancellation(cancellationToken))
                {
                    await w.WriteStartElementAsync(null, "url", SitemapNamespace);
                    await w.WriteElementStringAsync(null, "loc", SitemapNamespace, $"{baseUrl}/{item.Path}");
                    await WriteLastModifiedAsync(w, item.ModifiedUtc);
                    await w.WriteEndElementAsync();
                }
            }

            await w.WriteEndElementAsync();
        });
    }

    private static async Task WriteLastModifiedAsync(XmlWriter w, DateTime? modifiedUtc)
    {
        if (modifiedUtc is { } modified)
        {
            await w.WriteElementStringAsync(null, "lastmod", SitemapNamespace, modified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes XML straight to the answer (UTF-8), never building the document in memory.</summary>
    private static async Task StreamXmlAsync(HttpContext http, Func<XmlWriter, Task> body)
    {
        http.Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = false, Encoding = new UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        await body(writer);
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    /// <summary>The site's address from its settings; the request's own when none is set.</summary>
    private static string BaseUrl(HttpContext http, SiteSettings site) =>
        (site.BaseUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true }))
        {
            body(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + builder;
    }
}
