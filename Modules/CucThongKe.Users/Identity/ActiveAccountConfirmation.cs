using Microsoft.AspNetCore.Identity;

namespace CucThongKe.Users.Identity;

/// <summary>Identity asks it before every sign-in (the sign-in page, the code step, the JSON API's token endpoint):
/// a deactivated account may not sign in, whatever its password.</summary>
internal sealed class ActiveAccountConfirmation : IUserConfirmation<CmsUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<CmsUser> manager, CmsUser user) => Task.FromResult(user.DeactivatedUtc is null);
}
