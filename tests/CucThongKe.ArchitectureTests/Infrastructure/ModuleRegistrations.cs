using CucThongKe.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.ArchitectureTests.Infrastructure;

/// <summary>
/// What a module class registers, found by running it: its <see cref="CmsModule.ConfigureServices"/> against an empty
/// service collection and its <see cref="CmsModule.ConfigureEarly"/> and <see cref="CmsModule.Configure"/> against an
/// application builder that records middleware. Running it (rather than reading its source) also sees what it registers
/// through helper extension methods.
/// </summary>
internal static class ModuleRegistrations
{
    /// <summary>Service types that are behaviour, not views: matched by name, so that a move to another namespace keeps the rule.</summary>
    private static readonly string[] BehaviourServiceNames =
    [
        "IContentIndexProvider", "IContentHandler", "IContentCommittedHandler", "IPublishGuard", "IHostedService", "IStartupFilter", "IMiddleware",
    ];

    /// <summary>What a theme must not register, one line per registration, naming the module class and what it registers.</summary>
    public static IReadOnlyList<string> BehaviourOf(CmsModule module)
    {
        var name = module.GetType().FullName;
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        module.ConfigureServices(services, configuration);

        var offences = new List<string>();
        foreach (var descriptor in services)
        {
            var implementation = descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType;
            var what = implementation is null ? descriptor.ServiceType.Name : $"{descriptor.ServiceType.Name} → {implementation.FullName}";
            if (IsBehaviour(descriptor.ServiceType) || (implementation is not null && typeof(IMiddleware).IsAssignableFrom(implementation)))
            {
                offences.Add($"{name}.ConfigureServices registers {what}");
            }
            else if (IsOptionsOf<RateLimiterOptions>(descriptor.ServiceType))
            {
                offences.Add($"{name}.ConfigureServices configures rate limiting ({descriptor.ServiceType.Name}<RateLimiterOptions>: a rate-limit policy)");
            }
        }

        // The builder's services are the module's own, so that what ConfigureEarly/Configure read (its options) resolves.
        services.AddOptions();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        using var provider = services.BuildServiceProvider();
        foreach (var (stage, configure) in new (string, Action<IApplicationBuilder>)[] { ("ConfigureEarly", module.ConfigureEarly), ("Configure", module.Configure) })
        {
            var app = new RecordingApplicationBuilder(provider);
            try
            {
                configure(app);
            }
            catch (InvalidOperationException e)
            {
                offences.Add($"{name}.{stage} could not run on its own services ({e.Message}): a theme's pipeline stage needs nothing");
            }

            offences.AddRange(app.Middleware.Select(m => $"{name}.{stage} adds middleware {m}"));
        }

        return offences;
    }

    private static bool IsBehaviour(Type serviceType) =>
        BehaviourServiceNames.Contains(serviceType.Name, StringComparer.Ordinal)
        || serviceType.Name.Contains("AfterCommit", StringComparison.Ordinal)
        || serviceType.Name.Contains("CommittedHandler", StringComparison.Ordinal)
        || serviceType.Name.Contains("IndexProvider", StringComparison.Ordinal);

    private static bool IsOptionsOf<TOptions>(Type serviceType) =>
        serviceType.IsGenericType
        && serviceType.GetGenericArguments() is [var options]
        && options == typeof(TOptions)
        && serviceType.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IConfigureOptions<>) || definition == typeof(IPostConfigureOptions<>) || definition == typeof(IValidateOptions<>));

    /// <summary>An application builder that records each middleware added instead of building a pipeline.</summary>
    private sealed class RecordingApplicationBuilder(IServiceProvider services) : IApplicationBuilder
    {
        public List<string> Middleware { get; } = [];

        public IServiceProvider ApplicationServices { get; set; } = services;

        public IFeatureCollection ServerFeatures { get; } = new FeatureCollection();

        public IDictionary<string, object?> Properties { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

        public IApplicationBuilder Use(Func<RequestDelegate, RequestDelegate> middleware)
        {
            // The delegate's target names the middleware (UseMiddleware<T> wraps T in a binder whose fields hold it).
            var target = middleware.Target;
            var middlewareType = target?.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                .Select(f => f.GetValue(target))
                .OfType<Type>()
                .FirstOrDefault();
            Middleware.Add(middlewareType?.FullName ?? middleware.Method.DeclaringType?.FullName ?? middleware.Method.Name);
            return this;
        }

        public IApplicationBuilder New() => new RecordingApplicationBuilder(ApplicationServices);

        public RequestDelegate Build() => _ => Task.CompletedTask;
    }
}
