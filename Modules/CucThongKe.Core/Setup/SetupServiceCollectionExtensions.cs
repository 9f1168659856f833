using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Setup;

/// <summary>The verbs a module uses to do work on first setup, and to upgrade a site set up before it needed something.</summary>
public static class SetupServiceCollectionExtensions
{
    public static IServiceCollection AddSetupHandler<THandler>(this IServiceCollection services) where THandler : class, ISetupHandler
    {
        services.AddScoped<ISetupHandler, THandler>();
        return services;
    }

    /// <summary>Adds a one-off upgrade of sites set up before the module needed it (<see cref="ISiteUpgrade"/>), run once at start-up.</summary>
    public static IServiceCollection AddSiteUpgrade<TUpgrade>(this IServiceCollection services) where TUpgrade : class, ISiteUpgrade
    {
        services.AddScoped<ISiteUpgrade, TUpgrade>();
        return services;
    }

    /// <summary>Adds an upgrade made with <paramref name="argument"/> (one class serving several upgrades, each with its own name).</summary>
    public static IServiceCollection AddSiteUpgrade<TUpgrade>(this IServiceCollection services, object argument) where TUpgrade : class, ISiteUpgrade
    {
        services.AddScoped<ISiteUpgrade>(s => ActivatorUtilities.CreateInstance<TUpgrade>(s, argument));
        return services;
    }
}
