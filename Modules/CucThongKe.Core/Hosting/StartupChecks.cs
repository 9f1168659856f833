using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Hosting;

/// <summary>A check start-up runs after the data folder's and before the database's: a service the site was told to use and
/// cannot reach (the shared Redis server) stops start-up with the one sentence this returns, instead of failing later.</summary>
public interface IStartupCheck
{
    /// <summary>Null when all is well, else why the site cannot start, in one sentence an operator reads.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}

public static class StartupCheckServiceCollectionExtensions
{
    /// <summary>Adds a check run at every start-up (<see cref="CmsInitializer"/>), in registration order.</summary>
    public static IServiceCollection AddStartupCheck<T>(this IServiceCollection services)
        where T : class, IStartupCheck
    {
        services.AddSingleton<IStartupCheck>(s => s.GetRequiredService<T>());
        return services;
    }
}
