using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Settings;

/// <summary>The verb a module uses to declare a settings document.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>Declares a settings document that the <c>Settings</c> recipe step accepts and export writes.</summary>
    public static IServiceCollection AddSettingsDocument<TSettings>(this IServiceCollection services, string name) where TSettings : class, new()
    {
        services.AddSingleton(new SettingsDocumentType(name, typeof(TSettings)));
        return services;
    }
}
