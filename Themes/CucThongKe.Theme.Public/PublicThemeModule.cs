using CucThongKe.CitizenServices;
using CucThongKe.Contents;
using CucThongKe.Core.Modules;
using CucThongKe.Feeds;
using CucThongKe.LegalDocuments;
using CucThongKe.Media;
using CucThongKe.OutputCache;
using CucThongKe.Statistics;
using CucThongKe.Theme.Public.Feeds;
using CucThongKe.Theme.Public.Navigation;
using CucThongKe.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Theme.Public;

/// <summary>The public site's views: layout, home page, listings, item pages, document lookup, report archive, citizens' forms; the domain is the modules'.</summary>
public sealed class PublicThemeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(UsersModule), typeof(OutputCacheModule), typeof(MediaModule), typeof(LegalDocumentsModule), typeof(StatisticsModule), typeof(FeedsModule), typeof(CitizenServicesModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // What the feeds and the sitemap list is the site's structure, which the theme owns.
        services.Configure<FeedOptions>(o =>
        {
            o.Areas.AddRange(FeedCatalog.Areas);
            o.SitemapPaths.AddRange(SiteMenu.Main.Concat(SiteMenu.More).Select(l => l.Url));
        });
        services.AddSingleton<IPublicPageVariation, FontSizeVariation>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/NewsList", "tin-tuc/chuyen-muc/{term}").AddPageRoute("/ContentItem", Pages.ContentItemModel.PreviewRoute));
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
    }
}
