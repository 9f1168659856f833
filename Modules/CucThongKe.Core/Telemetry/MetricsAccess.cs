using System.Security.Cryptography;
using System.Text;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Telemetry;

/// <summary>
/// Lets through to the metrics only Prometheus with the configured bearer token (compared in constant time) or a signed-in
/// user with <see cref="CorePermissions.ViewMetrics"/>. Anyone else gets 404, as if there were no metrics (a wrong token
/// 401, so an operator sees why the scrape fails).
/// </summary>
internal sealed class MetricsAccessMiddleware
{
    private readonly RequestDelegate _next;
    private readonly byte[]? _token;

    public MetricsAccessMiddleware(RequestDelegate next, IOptions<TelemetryOptions> options, ILogger<MetricsAccessMiddleware> logger)
    {
        _next = next;
        var token = options.Value.MetricsToken?.Trim();
        if (token is { Length: >= TelemetryOptions.MinimumTokenLength })
        {
            _token = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }
        else if (!string.IsNullOrEmpty(token))
        {
            logger.LogWarning("Cms:Telemetry:MetricsToken ngắn hơn {Length} ký tự nên không được dùng: Prometheus sẽ nhận 401 tại /metrics.", TelemetryOptions.MinimumTokenLength);
        }
    }

    public Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Hashes of equal length compared in fixed time: neither the token's length nor its first different byte shows.
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
            if (_token is not null && CryptographicOperations.FixedTimeEquals(given, _token))
            {
                return _next(context);
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }

        if (context.User.HasPermission(CorePermissions.ViewMetrics.Name))
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
