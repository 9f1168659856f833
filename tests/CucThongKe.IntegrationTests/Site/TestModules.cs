using CucThongKe.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>Adds to a test site a module that the host (<c>Program.cs</c>) does not list, as a module written in a test would be.</summary>
public static class TestModules
{
    /// <summary>Runs the module's <see cref="CmsModule.ConfigureServices"/> and makes its compiled views visible. Its
    /// endpoints, middleware and entities are not added (the host's list is fixed when the site is built); a test module
    /// that needs them is not a test module.</summary>
    public static IServiceCollection AddTestModule<TModule>(this IServiceCollection services) where TModule : CmsModule, new()
    {
        new TModule().ConfigureServices(services, new ConfigurationBuilder().Build());

        // Through the assembly's part factory, which adds its compiled views too (a bare AssemblyPart brings only its types).
        services.AddRazorPages().AddApplicationPart(typeof(TModule).Assembly);
        return services;
    }
}
