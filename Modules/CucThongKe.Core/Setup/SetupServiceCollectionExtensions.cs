using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Setup;

/// <summary>The verb a module uses to do work on first setup.</summary>
public static class SetupServiceCollectionExtensions
{
    public static IServiceCollection AddSetupHandler<THandler>(this IServiceCollection services) where THandler : class, ISetupHandler
    {
        services.AddScoped<ISetupHandler, THandler>();
        return services;
    }
}
