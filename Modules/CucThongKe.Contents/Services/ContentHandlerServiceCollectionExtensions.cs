using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Services;

/// <summary>The verbs a module uses to react to content changes (in the save's transaction, or after its commit) and to guard publication.</summary>
public static class ContentHandlerServiceCollectionExtensions
{
    public static IServiceCollection AddContentHandler<THandler>(this IServiceCollection services) where THandler : class, IContentHandler
    {
        services.AddScoped<IContentHandler, THandler>();
        return services;
    }

    /// <summary>Registers a handler that follows content changes after their transaction commits (<see cref="IContentCommittedHandler"/>).</summary>
    public static IServiceCollection AddContentCommittedHandler<THandler>(this IServiceCollection services) where THandler : class, IContentCommittedHandler
    {
        services.AddScoped<IContentCommittedHandler, THandler>();
        return services;
    }

    /// <summary>Registers a guard asked before an item goes to the trash or is deleted (<see cref="IContentRemovalGuard"/>).</summary>
    public static IServiceCollection AddRemovalGuard<TGuard>(this IServiceCollection services) where TGuard : class, IContentRemovalGuard
    {
        services.AddScoped<IContentRemovalGuard, TGuard>();
        return services;
    }

    public static IServiceCollection AddPublishGuard<TGuard>(this IServiceCollection services) where TGuard : class, IPublishGuard
    {
        services.AddScoped<IPublishGuard, TGuard>();
        return services;
    }
}
