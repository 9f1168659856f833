using System.Security.Claims;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Security;

/// <summary>Who must use two-factor sign-in: members of the roles in <see cref="SecurityOptions.RequireTwoFactorForRoles"/>.</summary>
/// <remarks>One rule for every way in: the sign-in cookie (<see cref="TwoFactorEnforcement"/>), the token endpoint and API tokens.</remarks>
public sealed class TwoFactorRequirement(IOptionsMonitor<SecurityOptions> options, UserManager<CmsUser> users)
{
    /// <summary>The sign-in claim Identity gives a session opened with a code (amr = mfa).</summary>
    public const string MfaClaimType = "amr";

    public const string MfaClaimValue = "mfa";

    /// <summary>The back-office page where an account sets up its authenticator.</summary>
    public const string SetupPath = TwoFactorEnforcement.SetupPath;

    /// <summary>True when one of the principal's roles needs two-factor sign-in.</summary>
    public bool AppliesTo(ClaimsPrincipal principal) => AppliesTo(principal, options.CurrentValue);

    /// <summary>The same for callers that hold the options but no user store (the enforcement middleware, pages).</summary>
    public static bool AppliesTo(ClaimsPrincipal principal, SecurityOptions options) => options.TwoFactorRoles.Any(principal.IsInRole);

    /// <summary>True when one of the user's roles needs two-factor sign-in (one roles query).</summary>
    public async Task<bool> AppliesToAsync(CmsUser user)
    {
        var required = options.CurrentValue.TwoFactorRoles;
        if (required.Count == 0)
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => required.Contains(r, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A session of a member of the two-factor roles that was not opened with a code reaches nothing but the set-up page
/// and sign-out: every endpoint that authorizes with the sign-in cookie (the back office, and any endpoint of any
/// module that requires authorization without naming another scheme) is refused until the account is enrolled.
/// </summary>
/// <remarks>Identity marks a two-factor sign-in with the claim amr=mfa (kept when the cookie is refreshed, see
/// <see cref="SignInCookieEvents"/>). The JSON API authorizes with tokens only; its handler applies the same rule.</remarks>
internal sealed class TwoFactorEnforcement(IOptionsMonitor<SecurityOptions> options) : IMiddleware
{
    public const string SetupPath = "/admin/tai-khoan/xac-thuc-hai-buoc";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && !user.HasClaim(TwoFactorRequirement.MfaClaimType, TwoFactorRequirement.MfaClaimValue)
            && TwoFactorRequirement.AppliesTo(user, options.CurrentValue)
            && !context.Request.Path.StartsWithSegments(SetupPath)
            && UsesSignInCookie(context))
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Redirect(SetupPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>The back office, and every endpoint that requires authorization with the default (cookie) scheme.</summary>
    private static bool UsesSignInCookie(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/admin"))
        {
            return true;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata is null || metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return false;
        }

        // The schemes the endpoint's authorization names, combined as the authorization middleware combines them;
        // none named means the default scheme, the sign-in cookie.
        var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = metadata.GetOrderedMetadata<AuthorizationPolicy>();
        if (authorize.Count == 0 && policies.Count == 0)
        {
            return false;
        }

        var schemes = authorize
            .SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(policies.SelectMany(p => p.AuthenticationSchemes))
            .ToList();
        return schemes.Count == 0 || schemes.Contains(IdentityConstants.ApplicationScheme);
    }
}
