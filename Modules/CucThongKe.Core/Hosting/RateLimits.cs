using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Hosting;

/// <summary>
/// The one way a module declares a rate limit: a named policy (for <c>RequireRateLimiting</c>) that lets each client
/// address make so many requests in a fixed window, then answers 429. The address is the connection's, which the
/// forwarded-headers set-up makes the client's behind a trusted proxy. With a shared Redis server (<c>Cms:Cluster:Redis</c>)
/// the count is the site's, kept in Redis (<see cref="ISharedCounters"/>); without it, each node counts in its memory.
/// </summary>
public static class RateLimits
{
    /// <summary>A limit whose count is fixed: <paramref name="permits"/> requests per address per <paramref name="window"/>.</summary>
    /// <param name="postsOnly">Count only POSTs (form submissions); page views are free.</param>
    public static IServiceCollection AddPerAddressRateLimit(this IServiceCollection services, string policy, int permits, TimeSpan window, bool postsOnly = true)
    {
        services.AddOptions<RateLimiterOptions>().Configure<ISharedCounters>((o, counters) =>
            o.AddPolicy(policy, context => Partition(context, counters, policy, permits, window, postsOnly)));
        return services;
    }

    /// <summary>A limit whose count comes from a settings section (read once, at start-up); at least 1.</summary>
    /// <param name="postsOnly">Count only POSTs (form submissions); page views are free.</param>
    public static IServiceCollection AddPerAddressRateLimit<TSettings>(this IServiceCollection services, string policy, Func<TSettings, int> permits, TimeSpan window, bool postsOnly = true)
        where TSettings : class
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<TSettings>, ISharedCounters>((o, settings, counters) =>
        {
            var count = Math.Max(1, permits(settings.Value));
            o.AddPolicy(policy, context => Partition(context, counters, policy, count, window, postsOnly));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, ISharedCounters counters, string policy, int permits, TimeSpan window, bool postsOnly)
    {
        if (postsOnly && !HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("view");
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return counters.Shared
            ? RateLimitPartition.Get(address, a => new SharedWindowLimiter(counters, $"rl:{policy}:{a}", permits, window))
            : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}
