using System.Threading.RateLimiting;
using CucThongKe.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Security;

/// <summary>
/// Sign-in attempts per account name (<see cref="SecurityOptions.SignInAttemptsPerAccountPerMinute"/>), whatever the
/// address, beside the per-address policy <see cref="UsersModule.SignInRateLimit"/>: an office behind one address is
/// not locked out, and one account's password cannot be guessed fast from many addresses.
/// </summary>
/// <remarks>With a shared Redis server the count is the site's (<see cref="ISharedCounters"/>), else this node's; the lockout
/// after 5 failures, stored in the database, holds across nodes either way.</remarks>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ISharedCounters _counters;
    private readonly int _limit;

    public SignInThrottle(IOptions<SecurityOptions> options, ISharedCounters counters)
    {
        var limit = Math.Max(1, options.Value.SignInAttemptsPerAccountPerMinute);
        _limit = limit;
        _counters = counters;
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0 }));
    }

    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    public const string Message = "Tài khoản này đã có quá nhiều lần đăng nhập trong một phút. Vui lòng thử lại sau một phút.";

    /// <summary>Counts an attempt on <paramref name="userName"/>; false when the account has had its share this minute.</summary>
    public async Task<bool> TryAcquireAsync(string userName)
    {
        var key = userName.Trim().ToUpperInvariant();
        key = key.Length > 256 ? key[..256] : key;
        // Counted in Redis when it is shared; should it not answer, this node's own count still brakes.
        if (_counters.Shared && await _counters.HitAsync("signin:" + key, Window, CancellationToken.None) is { } hits)
        {
            return hits <= _limit;
        }

        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
