using System.ComponentModel.DataAnnotations;
using System.Text;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Users.Pages.Account;

/// <summary>Sets a new password from an emailed link; the token works once and for a limited time, the password policy applies.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersModule.PasswordResetRateLimit)]
public sealed class ResetPasswordModel(UserManager<CmsUser> users, SignInAuditor audit, SignInRevocation revocation) : PageModel
{
    private const string InvalidLink = "Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.";

    [BindProperty(SupportsGet = true, Name = "u")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Hãy nhập mật khẩu mới.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public List<string> Errors { get; } = [];

    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
        {
            Errors.Add(InvalidLink);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Refused();
        }

        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        var token = Decode(Token);
        if (user is null || token is null)
        {
            await audit.RecordAsync(UserId ?? "", succeeded: false, "ResetLinkRefused");
            Errors.Add(InvalidLink);
            return Refused();
        }

        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            await audit.RecordAsync(user.UserName!, succeeded: false, invalidToken ? "ResetLinkRefused" : "ResetWeakPassword");
            Errors.AddRange(invalidToken ? [InvalidLink] : result.Errors.Select(e => e.Description));
            return Refused();
        }

        // Whoever holds the mailbox has proved it: the lockout that a forgotten password may have caused is lifted.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // Whoever had the old password (or a session or token opened with it) is out: every cookie and API token ends.
        await revocation.RevokeAllAsync(user, HttpContext.RequestAborted);
        await audit.RecordAsync(user.UserName!, succeeded: true, "PasswordReset");
        Done = true;
        return Page();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string? Decode(string? token)
    {
        try
        {
            return string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
