using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Security;

/// <summary>The verb a module uses to bring its permissions.</summary>
public static class PermissionServiceCollectionExtensions
{
    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services) where TProvider : class, IPermissionProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionProvider, TProvider>());
        return services;
    }
}
