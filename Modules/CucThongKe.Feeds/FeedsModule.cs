using CucThongKe.Contents;
using CucThongKe.Core.Modules;
using CucThongKe.OutputCache;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Feeds;

/// <summary>RSS 2.0 feeds (all, an area, a category), the sitemaps and robots.txt, from the same visible listings as the pages.</summary>
public sealed class FeedsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(OutputCacheModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<FeedSettings>().Bind(configuration.GetSection(FeedSettings.SectionName));

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rss", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/rss/{area}", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/rss/{area}/{term}", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/sitemap.xml", FeedEndpoints.SitemapAsync).CachePublicPage();
        endpoints.MapGet("/sitemap-{number:int}.xml", FeedEndpoints.SitemapFileAsync).CachePublicPage();
        endpoints.MapGet("/robots.txt", FeedEndpoints.RobotsAsync).CachePublicPage();
    }
}
