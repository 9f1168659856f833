using System.Net;
using System.Text;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>A stolen cookie or API token does not survive the reset that answers the theft: a password reset (by the
/// mailed link or by an administrator) or a two-factor reset ends every session and token of the user at once, and a
/// change of roles ends the sessions.</summary>
public abstract class OldCredentialsEndOnResetTests(DatabaseProvider provider) : SecurityTestBase(provider)
{
    private const string NewPassword = "Moi@2026!matkhau";

    // The administrator acts with a password here; the victim's own two-factor is set up where a test needs it.
    protected override IReadOnlyDictionary<string, string>? SiteSettings =>
        new Dictionary<string, string> { ["Cms:Security:RequireTwoFactorForRoles"] = "" };

    private Task<string> IdOfAsync(string userName) => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!.Id);

    /// <summary>The contributor's browser session and an API token, both working.</summary>
    private async Task<(HttpClient Browser, string Token)> VictimAsync()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);
        var token = await TokenOfAsync(await RequestTokenAsync(Contributor));
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync("/admin"));
        AssertStatus(HttpStatusCode.OK, await ReadWithTokenAsync(token));
        return (browser, token);
    }

    private async Task AssertEndedAsync(HttpClient browser, string token)
    {
        var page = await browser.GetAsync("/admin");
        AssertStatus(HttpStatusCode.Redirect, page);
        Assert.Contains("/dang-nhap", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Unauthorized, await ReadWithTokenAsync(token));
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        return admin;
    }

    private static Task<HttpResponseMessage> SaveContributorAsync(HttpClient admin, string id, string? password, params string[] roles) =>
        PostFormAsync(admin, $"/admin/users/edit/{id}", $"/admin/users/edit/{id}?handler=Save",
            [new("Input.UserName", Contributor), new("Input.UnitId", "phong-tong-hop"), .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)), new("Input.Password", password ?? "")]);

    [Fact]
    public async Task A_reset_through_the_mailed_link_ends_every_session_and_token()
    {
        var (browser, token) = await VictimAsync();
        var id = await IdOfAsync(Contributor);
        var resetToken = await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(id))!)));
        });
        var link = $"/dat-lai-mat-khau?u={Uri.EscapeDataString(id)}&t={resetToken}";

        var reset = await PostFormAsync(Client(), link, "/dat-lai-mat-khau",
            [new("u", id), new("t", resetToken), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        AssertStatus(HttpStatusCode.OK, reset);
        await AssertEndedAsync(browser, token);
        await TokenOfAsync(await RequestTokenAsync(Contributor, NewPassword));
    }

    [Fact]
    public async Task An_administrators_password_reset_ends_every_session_and_token()
    {
        var (browser, token) = await VictimAsync();
        var admin = await AdministratorAsync();

        AssertStatus(HttpStatusCode.Redirect, await SaveContributorAsync(admin, await IdOfAsync(Contributor), NewPassword, "Contributor"));

        await AssertEndedAsync(browser, token);
        AssertStatus(HttpStatusCode.OK, await admin.GetAsync("/admin"));
    }

    [Fact]
    public async Task A_two_factor_reset_ends_every_session_and_token()
    {
        await AddPeopleAsync();
        var (totp, _) = await EnrolAsync(Contributor);
        var browser = Client();
        var password = await SignInAsync(browser, Contributor, Password);
        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(browser, password.Headers.Location!.OriginalString, "/dang-nhap/ma-xac-thuc", [new("code", totp.ComputeTotp())]));
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync("/admin"));
        var token = await TokenOfAsync(await RequestTokenAsync(Contributor, code: totp.ComputeTotp()));
        var admin = await AdministratorAsync();
        var id = await IdOfAsync(Contributor);

        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(admin, $"/admin/users/edit/{id}", $"/admin/users/edit/{id}?handler=ResetTwoFactor", []));

        await AssertEndedAsync(browser, token);
    }

    [Fact]
    public async Task A_change_of_roles_ends_the_users_sessions()
    {
        var (browser, _) = await VictimAsync();
        var admin = await AdministratorAsync();

        AssertStatus(HttpStatusCode.Redirect, await SaveContributorAsync(admin, await IdOfAsync(Contributor), null, "Contributor", "UnitHead"));

        var page = await browser.GetAsync("/admin");
        AssertStatus(HttpStatusCode.Redirect, page);
        Assert.Contains("/dang-nhap", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_stays_valid_across_requests_and_an_edit_without_reset()
    {
        var (browser, token) = await VictimAsync();
        var admin = await AdministratorAsync();

        AssertStatus(HttpStatusCode.Redirect, await SaveContributorAsync(admin, await IdOfAsync(Contributor), null, "Contributor"));

        AssertStatus(HttpStatusCode.OK, await browser.GetAsync("/admin"));
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync("/admin"));
        AssertStatus(HttpStatusCode.OK, await ReadWithTokenAsync(token));
    }
}

public sealed class SqliteOldCredentialsEndOnResetTests() : OldCredentialsEndOnResetTests(DatabaseProvider.Sqlite);

// SQLite only: security stamps, cookies and token checks do not depend on the database.
