using System.Diagnostics;
using System.Threading.RateLimiting;

namespace CucThongKe.Core.Hosting;

/// <summary>Counters every node shares (Core's Cluster counts in Redis when <c>Cms:Cluster:Redis</c> is set), so that a rate limit
/// holds for the site, not for each node.</summary>
public interface ISharedCounters
{
    /// <summary>Whether counts are shared (a Redis server is configured); when false, limits count in each node's memory.</summary>
    bool Shared { get; }

    /// <summary>Counts one more hit of <paramref name="key"/> in the current <paramref name="window"/> (fixed windows, the same
    /// on every node) and returns the hits so far in it, this one included; null when the shared store cannot be reached.</summary>
    ValueTask<long?> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>A fixed-window limit counted in <see cref="ISharedCounters"/>: the same count on every node.</summary>
/// <remarks>
/// The count is a round trip, so it is taken asynchronously: <see cref="AttemptAcquireCore"/> grants nothing, and the
/// rate-limiting middleware then waits on <see cref="AcquireAsyncCore"/>, which counts. When the store cannot be reached
/// the request is let through (the failure is logged by the store): a limit is a brake, and the site must not stop
/// answering because Redis did; the sign-in lockout, in the database, still holds.
/// </remarks>
internal sealed class SharedWindowLimiter(ISharedCounters counters, string key, int permits, TimeSpan window) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);
    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>How long since this partition was last asked: the partitioned limiter drops partitions idle for a while, so
    /// one per client address does not pile up (the count itself lives in the shared store).</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Granted : Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return Granted;
        }

        var hits = await counters.HitAsync(key, window, cancellationToken);
        return hits is null || hits <= permits ? Granted : Refused;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
