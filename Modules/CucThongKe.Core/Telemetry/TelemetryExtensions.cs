using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CucThongKe.Core.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The meters of EF Core (commands, queries, saves), which it reports without an instrumentation package.</summary>
    private const string EntityFrameworkMeter = "Microsoft.EntityFrameworkCore";

    /// <summary>OpenTelemetry: metrics for <c>/metrics</c> (ASP.NET Core, Kestrel, EF Core, HttpClient, the site's own) and,
    /// only when <see cref="TelemetryOptions.OtlpEndpoint"/> is set, traces and metrics sent to that collector.</summary>
    internal static IServiceCollection AddCmsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName));
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton<CmsMetrics>();
        services.AddHostedService<QueueLengthPoller>();
        if (!options.Metrics && string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint.Trim());
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cucthongke"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(EntityFrameworkMeter, CmsMetrics.MeterName);
                if (options.Metrics)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(TelemetryOptions.MetricsPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>Lists a queue whose length the metrics report (<c>cms_queue_length{queue="..."}</c>).</summary>
    public static IServiceCollection AddQueueLength<TQueue>(this IServiceCollection services) where TQueue : class, IQueueLength
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IQueueLength, TQueue>());
        return services;
    }

    /// <summary>The correlation id of every request (<see cref="RequestCorrelationMiddleware"/>): first in the pipeline.</summary>
    internal static void UseRequestCorrelation(this IApplicationBuilder app) => app.UseMiddleware<RequestCorrelationMiddleware>();

    /// <summary><c>/metrics</c> in Prometheus' text format, behind <see cref="MetricsAccessMiddleware"/>; after authentication
    /// (a signed-in operator is known), before the pages.</summary>
    internal static void UseMetricsEndpoint(this IApplicationBuilder app, TelemetryOptions options)
    {
        if (options.Metrics)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null,
                predicate: null,
                path: TelemetryOptions.MetricsPath,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessMiddleware>(),
                optionsName: null);
        }
    }
}
