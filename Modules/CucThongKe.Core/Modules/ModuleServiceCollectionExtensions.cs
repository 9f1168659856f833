using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Modules;

/// <summary>The verbs a module's startup uses to say what it brings.</summary>
public static class ModuleServiceCollectionExtensions
{
    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStep
    {
        services.AddScoped<IRecipeStep, TStep>();
        return services;
    }

    public static IServiceCollection AddRecipeExporter<TExporter>(this IServiceCollection services) where TExporter : class, IRecipeExporter
    {
        services.AddScoped<IRecipeExporter, TExporter>();
        return services;
    }

    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services) where TProvider : class, IPermissionProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionProvider, TProvider>());
        return services;
    }

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

    /// <summary>Declares a settings document that the <c>Settings</c> recipe step accepts and export writes.</summary>
    public static IServiceCollection AddSettingsDocument<TSettings>(this IServiceCollection services, string name) where TSettings : class, new()
    {
        services.AddSingleton(new SettingsDocumentType(name, typeof(TSettings)));
        return services;
    }

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

    /// <summary>Declares a command-line verb (<c>dotnet run -- VERB ...</c>) the host runs instead of serving.</summary>
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services) where TCommand : class, ICmsCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICmsCommand, TCommand>());
        return services;
    }

    public static IServiceCollection AddRecipeEventHandler<THandler>(this IServiceCollection services) where THandler : class, IRecipeEventHandler
    {
        services.AddScoped<IRecipeEventHandler, THandler>();
        return services;
    }
}
