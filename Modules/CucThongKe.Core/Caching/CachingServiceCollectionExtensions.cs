using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>The bounded shared <see cref="IMemoryCache"/> (<see cref="BoundedMemoryCache"/>) and <see cref="CacheOptions"/>.</summary>
    public static IServiceCollection AddBoundedCaches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection(CacheOptions.SectionName));
        services.AddSingleton<BoundedMemoryCache>();
        // Before any AddMemoryCache (ASP.NET Core's own calls use TryAdd): every IMemoryCache of the site is the bounded one.
        services.RemoveAll<IMemoryCache>();
        services.AddSingleton<IMemoryCache>(s => s.GetRequiredService<BoundedMemoryCache>());
        services.AddMeasuredCache<BoundedMemoryCache>();
        return services;
    }

    /// <summary>Lists a cache registered as a singleton <typeparamref name="TCache"/> among the measured ones (metrics).</summary>
    public static IServiceCollection AddMeasuredCache<TCache>(this IServiceCollection services) where TCache : class, IMeasuredCache
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeasuredCache, TCache>(s => s.GetRequiredService<TCache>()));
        return services;
    }
}
