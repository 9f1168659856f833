using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace CucThongKe.Users.Pages.Account;

/// <summary>The second step of sign-in: an authenticator code or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersModule.SignInRateLimit)]
public sealed class LoginWithCodeModel(SignInManager<CmsUser> signIn, SignInAuditor audit, SignInThrottle throttle) : PageModel
{
    public string ReturnUrl { get; private set; } = "/admin";

    public bool RememberMe { get; private set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        ReturnUrl = SafeReturnUrl(returnUrl);
        RememberMe = rememberMe;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, bool rememberMe)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        RememberMe = rememberMe;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (cleaned.Length is 0 or > 20)
        {
            ErrorMessage = "Hãy nhập mã xác thực.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await throttle.TryAcquireAsync(user.UserName ?? ""))
        {
            ErrorMessage = SignInThrottle.Message;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var byRecoveryCode = cleaned.Length != 6 || !cleaned.All(char.IsAsciiDigit);
        var result = byRecoveryCode
            ? await RecoveryCodeSignInAsync(user, code!.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, rememberMe, rememberClient: false);
        await audit.RecordAsync(user.UserName ?? "", result.Succeeded, result.Succeeded ? (byRecoveryCode ? "RecoveryCode" : "TwoFactor") : result.IsLockedOut ? "LockedOut" : "WrongCode");
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        ErrorMessage = result.IsLockedOut ? "Tài khoản tạm bị khoá do nhập sai nhiều lần." : "Mã không đúng hoặc đã hết hạn.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A recovery code, refused while the account is locked, and a wrong one counted toward the lockout like a
    /// wrong password (Identity's recovery-code sign-in does neither; its authenticator-code sign-in does both).</summary>
    private async Task<SignInResult> RecoveryCodeSignInAsync(CmsUser user, string recoveryCode)
    {
        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded || result.IsLockedOut)
        {
            return result;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }

    private static string SafeReturnUrl(string? returnUrl) => LocalUrl.OrDefault(returnUrl, "/admin");
}
