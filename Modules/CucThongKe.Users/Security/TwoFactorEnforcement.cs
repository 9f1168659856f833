using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Security;

/// <summary>Members of the roles that need two-factor sign-in reach the back office only after signing in with a code.</summary>
/// <remarks>Identity marks a two-factor sign-in with the claim amr=mfa; without it such a user is sent to set up or use the authenticator.</remarks>
internal sealed class TwoFactorEnforcement(IOptionsMonitor<SecurityOptions> options) : IMiddleware
{
    public const string SetupPath = "/admin/tai-khoan/xac-thuc-hai-buoc";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated == true
            && path.StartsWithSegments("/admin")
            && !path.StartsWithSegments(SetupPath)
            && NeedsTwoFactor(user, options.CurrentValue)
            && !user.HasClaim("amr", "mfa"))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }

    public static bool NeedsTwoFactor(ClaimsPrincipal user, SecurityOptions options) => options.TwoFactorRoles.Any(user.IsInRole);
}
