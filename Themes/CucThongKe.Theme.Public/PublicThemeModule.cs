using CucThongKe.Contents;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Security;
using CucThongKe.Theme.Public.Caching;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.DataTables;
using CucThongKe.Theme.Public.Feedback;
using CucThongKe.Theme.Public.Forms;
using CucThongKe.Theme.Public.Feeds;
using CucThongKe.Theme.Public.Indexing;
using CucThongKe.Theme.Public.Media;
using CucThongKe.Theme.Public.Questions;
using CucThongKe.Users;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CucThongKe.Theme.Public;

/// <summary>The public site: layout, home page, listings, item pages, document lookup, report archive, feeds, files.</summary>
public sealed class PublicThemeModule : CmsModule
{
    /// <summary>The rate limit of the citizens' forms (questions and feedback together): posts (not views) per address.</summary>
    public const string QuestionRateLimit = "public-forms";

    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(UsersModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentIndexProvider<LegalDocumentIndexProvider>();
        services.AddContentIndexProvider<ReportIndexProvider>();
        services.AddContentIndexProvider<MediaReferenceIndexProvider>();
        services.AddScoped<PublicContent>();
        services.AddScoped<QuestionSubmission>();
        services.AddScoped<FeedbackSubmission>();
        services.AddScoped<CitizenInbox>();
        services.AddSingleton<FormToken>();
        services.AddPublishGuard<FeedbackNeverPublishedGuard>();
        services.TryAddSingleton(TimeProvider.System);

        // Questions and feedback are limited per address: 5 posts in 10 minutes (views are free).
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(QuestionRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("view")));
        services.AddSingleton<MediaFiles>();
        services.AddScoped<IPublicFileRule, PublishedFileRule>();
        services.Configure<PublicSiteOptions>(configuration.GetSection(PublicSiteOptions.SectionName));
        services.AddSingleton<PublicPageStore>();
        services.AddSingleton<PublishedItemCache>();
        services.AddContentCommittedHandler<OutputCacheEvictionHandler>();
        services.AddContentHandler<DataFileValidationHandler>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/NewsList", "tin-tuc/chuyen-muc/{term}"));
    }

    /// <summary>The page cache comes first: a cached page is served before routing, authentication or any endpoint work.</summary>
    public override void ConfigureEarly(IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value.OutputCache)
        {
            app.UseMiddleware<PublicPageCacheMiddleware>();
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/co-chu/{size}", (string size, string? quayLai, HttpContext http) =>
        {
            if (!FontSize.Sizes.Contains(size))
            {
                return Results.NotFound();
            }

            http.Response.Cookies.Append(FontSize.Cookie, size, new CookieOptions
            {
                HttpOnly = false,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
                Secure = http.Request.IsHttps,
            });
            return Results.Redirect(FontSize.SafeReturn(quayLai));
        });
        endpoints.MapGet("/tep/{**path}", async (string? path, MediaFiles files, PublicContent content, CancellationToken cancellationToken) =>
            path is not null && await content.IsPublishedFileAsync(path, cancellationToken) ? files.Serve(path) : Results.NotFound());
        endpoints.MapGet("/rss", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/rss/{area}", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/rss/{area}/{term}", FeedEndpoints.RssAsync).CachePublicPage();
        endpoints.MapGet("/bang-so-lieu/{id}/{index:int}/{format}", DataTableEndpoints.DownloadAsync).CachePublicPage();
        endpoints.MapGet("/sitemap.xml", FeedEndpoints.SitemapAsync).CachePublicPage();
    }
}
