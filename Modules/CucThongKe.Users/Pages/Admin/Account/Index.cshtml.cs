using System.ComponentModel.DataAnnotations;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Account;

/// <summary>One's own account: change the password with the current one (no mail needed), the latest sign-ins, and
/// "sign out everywhere". It acts on the signed-in user only: no form field names an account.</summary>
public sealed class IndexModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, SignInRevocation revocation, SignInAuditor signIns) : PageModel
{
    /// <summary>How many of one's latest sign-ins the page lists.</summary>
    public const int SignInCount = 20;

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public CmsUser Account { get; private set; } = null!;

    public IReadOnlyList<SignInAuditEntry> SignIns { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Errors.Count == 0 && !string.Equals(Input.NewPassword, Input.ConfirmPassword, StringComparison.Ordinal))
        {
            Errors.Add("Mật khẩu mới nhập lại không khớp.");
        }

        if (Errors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword, Input.NewPassword);
            if (result.Succeeded)
            {
                // Every other session and API token of the account ends; this one goes on with the new stamp.
                await revocation.RevokeAllAsync(Account, cancellationToken);
                await signIn.RefreshSignInAsync(Account);
                TempData["Message"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác và mã truy cập API của bạn đã kết thúc.";
                return Redirect("/admin/tai-khoan");
            }

            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Mật khẩu hiện tại không đúng." : e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Input = new PasswordInput();
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        await revocation.RevokeAllAsync(Account, cancellationToken);
        await signIn.SignOutAsync();
        // Out here too: the public home page (the back office would only send the browser to sign in).
        return Redirect("/");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Account = user;
        SignIns = await signIns.LatestOfAsync(user.UserName!, SignInCount, cancellationToken);
        return true;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Hãy nhập mật khẩu hiện tại.")]
        [StringLength(256)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu mới.")]
        [StringLength(256)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập lại mật khẩu mới.")]
        [StringLength(256)]
        public string ConfirmPassword { get; set; } = "";
    }
}
