using CucThongKe.Contents;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Caching;
using CucThongKe.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CucThongKe.OutputCache;

/// <summary>The public page cache: anonymous GETs of public pages served from memory, evicted by content changes.</summary>
public sealed class OutputCacheModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicSiteOptions>(configuration.GetSection(PublicSiteOptions.SectionName));
        services.AddSingleton<PublicPageStore>();
        services.AddMeasuredCache<PublicPageStore>();
        services.AddSingleton<IPublicPageVariation, MaintenanceNoticeVariation>();

        // The published items kept in memory by Contents start again from the database at every eviction of this cache.
        services.Replace(ServiceDescriptor.Singleton<IPublishedGeneration>(s => s.GetRequiredService<PublicPageStore>()));
        services.AddContentCommittedHandler<OutputCacheEvictionHandler>();
        // A change of the site settings reaches every cached page at once (the name and citation are on each).
        services.AddScoped<CucThongKe.Core.Auditing.IAdminAuditListener, SiteSettingsEviction>();
        // Other nodes' evictions reach this node's cache (a shared Redis server; nothing to do on one node).
        services.AddHostedService<ClusterEvictions>();
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>The page cache comes first: a cached page is served before routing, authentication or any endpoint work.</summary>
    public override void ConfigureEarly(IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value.OutputCache)
        {
            app.UseMiddleware<PublicPageCacheMiddleware>();
        }
    }
}
