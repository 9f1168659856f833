using Microsoft.AspNetCore.Identity;

namespace CucThongKe.Users.Identity;

/// <summary>Credentials kept outside Identity that sign a user in (the JSON API's tokens), revoked with the user's sessions.</summary>
/// <remarks>Modules register theirs with <c>services.AddScoped&lt;IRevocableCredentials, T&gt;()</c>.</remarks>
public interface IRevocableCredentials
{
    /// <summary>Makes every credential of <paramref name="userId"/> stop working.</summary>
    Task RevokeAllAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Ends a user's existing sign-ins: the sign-in cookies (a new security stamp, checked on every request by
/// <see cref="Security.SignInCookieEvents"/>) and, after a reset, every other credential (API tokens).</summary>
public sealed class SignInRevocation(UserManager<CmsUser> users, IEnumerable<IRevocableCredentials> credentials)
{
    /// <summary>After a password reset or change, or a two-factor reset: no old cookie or token works any more.</summary>
    public async Task RevokeAllAsync(CmsUser user, CancellationToken cancellationToken = default)
    {
        await EndSessionsAsync(user);
        foreach (var store in credentials)
        {
            await store.RevokeAllAsync(user.Id, cancellationToken);
        }
    }

    /// <summary>After a change of roles or a lock: the user signs in again (API tokens read the roles at each request).</summary>
    public async Task EndSessionsAsync(CmsUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Không đổi được dấu bảo mật của tài khoản: " + string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }
}
