using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Api;

/// <summary>A user's API tokens: issued by the API or in the back office, listed and revoked by their owner only.</summary>
public sealed class ApiTokens(CmsDbContext db, TimeProvider clock) : IRevocableCredentials
{
    public const int MaxNameLength = 200;

    /// <summary>A token's last use is written at most once in this span, so that API calls do not each write to the database.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Makes a token for <paramref name="userId"/>; the returned token is the only time anyone sees it.</summary>
    public async Task<(string Token, ApiToken Record)> IssueAsync(string userId, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var (token, hash) = ApiToken.Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ApiToken { UserId = userId, Name = name, TokenHash = hash, CreatedUtc = now, ExpiresUtc = now + lifetime };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (token, record);
    }

    /// <summary>The user's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes the token <paramref name="id"/> if it belongs to <paramref name="userId"/>.</summary>
    /// <returns>False when the user has no such token (someone else's is the same as none).</returns>
    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        record.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes every live token of <paramref name="userId"/> (after a password or two-factor reset).</summary>
    public Task RevokeAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
    }
}
