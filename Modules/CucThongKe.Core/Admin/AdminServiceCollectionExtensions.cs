using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Admin;

/// <summary>The verbs a module uses to add to the back office's menu, dashboard and header.</summary>
public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdminMenu<TProvider>(this IServiceCollection services) where TProvider : class, IAdminMenuProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdminMenuProvider, TProvider>());
        return services;
    }

    /// <summary>Adds a block to the back office's dashboard; scoped, so it may use the database.</summary>
    public static IServiceCollection AddDashboardWidget<TWidget>(this IServiceCollection services) where TWidget : class, IDashboardWidget
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDashboardWidget, TWidget>());
        return services;
    }

    /// <summary>Adds a link to the back office's header (scoped: it may read the database).</summary>
    public static IServiceCollection AddAdminHeaderLink<TProvider>(this IServiceCollection services) where TProvider : class, IAdminHeaderLinkProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAdminHeaderLinkProvider, TProvider>());
        return services;
    }
}
