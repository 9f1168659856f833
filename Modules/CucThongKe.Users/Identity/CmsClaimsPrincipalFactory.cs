using System.Security.Claims;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users.Identity;

/// <summary>Adds the user's unit and display name to the sign-in cookie, beside roles and their permission claims.</summary>
internal sealed class CmsClaimsPrincipalFactory(UserManager<CmsUser> users, RoleManager<CmsRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CmsUser, CmsRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CmsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is not null)
        {
            identity.AddClaim(new Claim(CmsClaims.Unit, user.UnitId));
        }

        identity.AddClaim(new Claim(CmsClaims.DisplayName, user.DisplayName ?? user.UserName ?? ""));
        return identity;
    }
}
