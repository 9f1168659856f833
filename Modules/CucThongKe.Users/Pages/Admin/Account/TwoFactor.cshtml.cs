using System.Security.Claims;
using System.Text;
using CucThongKe.Core.Settings;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CucThongKe.Users.Pages.Admin.Account;

/// <summary>Sets up sign-in with an authenticator app (TOTP): QR code, verification, recovery codes.</summary>
public sealed class TwoFactorModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, SettingsStore settings, IOptionsMonitor<SecurityOptions> security) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public bool SignedInWithCode { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        if (cleaned.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            ErrorMessage = "Mã không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã mới.";
            await LoadAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // The user has just proved they hold the authenticator: this session counts as a two-factor sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await LoadAsync(user);
        SignedInWithCode = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // Keeps this session valid should the store have changed the security stamp with the codes.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(CmsUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = TwoFactorRequirement.AppliesTo(User, security.CurrentValue);
        SignedInWithCode = User.HasClaim("amr", "mfa");
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which ends every session; this one is re-issued with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }

        FormattedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName);
        var issuer = Uri.EscapeDataString(site.ShortName ?? site.SiteName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
