using System.Security.Claims;
using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Security;

/// <summary>The sign-in cookie's events: the security stamp checked on every request, access denied as 403.</summary>
/// <remarks>
/// Identity's <see cref="SecurityStampValidator"/> compares the cookie's stamp with the database only every
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> (30 minutes by default), so a cookie stolen before a
/// password reset kept working for up to half an hour. Here the stamp is compared on every authenticated request:
/// one query by primary key for one column, far cheaper than Identity's check (which reloads the user and rebuilds the
/// principal: roles and role claims). Identity's validator still runs after it, every minute (set in
/// <see cref="UsersModule"/>), to refresh the roles, permissions and unit in the cookie.
/// </remarks>
internal sealed class SignInCookieEvents(CmsDbContext db, ISecurityStampValidator identityValidator, IOptions<IdentityOptions> identity) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var current = userId is null
            ? null
            : await db.Set<CmsUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            // The password or two-factor was reset, the roles changed, or the account is gone: this session ends now.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await identityValidator.ValidateAsync(context);
    }

    /// <summary>A signed-in user without the right permission gets 403 (the error page explains), not a redirect.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
