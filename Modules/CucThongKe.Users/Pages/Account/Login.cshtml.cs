using System.ComponentModel.DataAnnotations;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace CucThongKe.Users.Pages.Account;

/// <summary>The back office's sign-in form: rate-limited, with lockout after repeated failures.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersModule.SignInRateLimit)]
public sealed class LoginModel(
    SignInManager<CmsUser> signIn,
    SignInAuditor audit,
    SignInThrottle throttle,
    UnknownUserPasswordCheck unknownUser,
    IOptions<SecurityOptions> security,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ErrorMessage { get; private set; }

    public bool AccessDenied { get; private set; }

    public string ReturnUrl { get; private set; } = "/admin";

    public void OnGet(string? handler, string? returnUrl)
    {
        AccessDenied = handler == "tu-choi";
        ReturnUrl = SafeReturnUrl(returnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await throttle.TryAcquireAsync(Input.UserName))
        {
            await audit.RecordAsync(Input.UserName, succeeded: false, "Throttled");
            ErrorMessage = SignInThrottle.Message;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(Input.UserName);
        SignInResult result;
        if (user is null)
        {
            // As long as a wrong password for a real account: the answer's time does not tell which names exist.
            unknownUser.Spend(Input.Password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        }

        logger.LogInformation("Sign-in for {UserName} from {Address}: {Result}", Input.UserName, HttpContext.Connection.RemoteIpAddress, result);
        await audit.RecordAsync(Input.UserName, result.Succeeded, result.Succeeded ? "Password" : result.RequiresTwoFactor ? "PasswordThenCode" : result.IsLockedOut ? "LockedOut" : result.IsNotAllowed ? "Deactivated" : "WrongPassword");
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWithCode", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        ErrorMessage = result.IsLockedOut
            ? $"Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Hãy thử lại sau {security.Value.LockoutMinutes} phút hoặc liên hệ quản trị."
            : "Tên đăng nhập hoặc mật khẩu không đúng.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string SafeReturnUrl(string? returnUrl) => LocalUrl.OrDefault(returnUrl, "/admin");

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        [StringLength(256)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
