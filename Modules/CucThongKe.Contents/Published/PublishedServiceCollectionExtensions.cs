using CucThongKe.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Contents.Published;

/// <summary>Registers the reading of published content for readers (any theme's pages, feeds, sitemaps).</summary>
public static class PublishedServiceCollectionExtensions
{
    public static IServiceCollection AddPublishedContent(this IServiceCollection services)
    {
        services.TryAddSingleton<IPublishedGeneration, EveryReadIsNew>();
        services.AddSingleton<PublishedItemCache>();
        services.AddMeasuredCache<PublishedItemCache>();
        services.AddScoped<PublicContent>();
        return services;
    }
}
