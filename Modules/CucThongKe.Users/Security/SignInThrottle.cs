using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Security;

/// <summary>
/// Sign-in attempts per account name (<see cref="SecurityOptions.SignInAttemptsPerAccountPerMinute"/>), whatever the
/// address, beside the per-address policy <see cref="UsersModule.SignInRateLimit"/>: an office behind one address is
/// not locked out, and one account's password cannot be guessed fast from many addresses.
/// </summary>
/// <remarks>The limit is per node (in memory); the lockout after 5 failures, stored in the database, holds across nodes.</remarks>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        var limit = Math.Max(1, options.Value.SignInAttemptsPerAccountPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0 }));
    }

    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    public const string Message = "Tài khoản này đã có quá nhiều lần đăng nhập trong một phút. Vui lòng thử lại sau một phút.";

    /// <summary>Counts an attempt on <paramref name="userName"/>; false when the account has had its share this minute.</summary>
    public bool TryAcquire(string userName)
    {
        var key = userName.Trim().ToUpperInvariant();
        using var lease = _limiter.AttemptAcquire(key.Length > 256 ? key[..256] : key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
