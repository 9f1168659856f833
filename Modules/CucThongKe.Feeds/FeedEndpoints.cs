using System.Text;
using System.Xml;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Settings;
using CucThongKe.Contents.Published;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CucThongKe.Feeds;

/// <summary>RSS 2.0 (all, one area, or one category) and sitemap.xml, built from the same visible listings as the pages.</summary>
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
                w.WriteElementString("description", site.Citation + ".");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        return Results.Text(xml, "application/rss+xml", Encoding.UTF8);
    }

    public static async Task<IResult> SitemapAsync(HttpContext http, PublicContent content, SettingsStore settings, IOptions<FeedOptions> options, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        var items = await content.AllAsync(45_000, cancellationToken);
        var xml = Write(w =>
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in options.Value.SitemapPaths)
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", baseUrl + path);
                w.WriteEndElement();
            }

            foreach (var item in items.Where(i => i.Path is not null))
            {
                w.WriteStartElement("url");
                w.WriteElementString("loc", $"{baseUrl}/{item.Path}");
                w.WriteElementString("lastmod", item.ModifiedUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return Results.Text(xml, "application/xml", Encoding.UTF8);
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
