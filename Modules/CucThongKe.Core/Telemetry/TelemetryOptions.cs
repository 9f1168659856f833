namespace CucThongKe.Core.Telemetry;

/// <summary>The <c>Cms:Telemetry</c> section: metrics for operators at <c>/metrics</c>, traces to an OTLP collector, request ids.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Cms:Telemetry";

    /// <summary>Where Prometheus scrapes the node's metrics; only operators see it (<see cref="MetricsToken"/> or the
    /// <c>ViewMetrics</c> permission), everyone else gets 404.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Collect metrics (ASP.NET Core, EF Core, HttpClient, the site's own) and serve them at <see cref="MetricsPath"/>.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>A secret Prometheus sends as <c>Authorization: Bearer ...</c> to scrape <see cref="MetricsPath"/>; at
    /// least 32 characters, or it is ignored (then only a signed-in user with <c>ViewMetrics</c> may read the metrics).</summary>
    public string? MetricsToken { get; set; }

    /// <summary>An OpenTelemetry collector (OTLP over gRPC, e.g. <c>http://127.0.0.1:4317</c>): traces and metrics are sent
    /// there only when it is set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often the lengths of the work queues (mail, search indexing) are counted for the metrics.</summary>
    public int QueuePollSeconds { get; set; } = 15;

    /// <summary>The shortest <see cref="MetricsToken"/> accepted.</summary>
    public const int MinimumTokenLength = 32;
}
