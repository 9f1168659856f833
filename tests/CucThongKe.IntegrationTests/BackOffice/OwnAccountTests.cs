using System.Net;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Accounts (issue 16 item 6): deactivation ends sessions and tokens and refuses sign-in; one's own password is
/// changed with the current one; "sign out everywhere" ends every session.</summary>
public sealed class OwnAccountTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private const string NewPassword = "Mới@2026!matkhau";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private Task<string> IdOfAsync(string userName) => Site.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!.Id);

    [Fact]
    public async Task A_deactivated_account_loses_its_cookie_and_token_cannot_sign_in_and_comes_back_when_reactivated()
    {
        await AddPeopleAsync();
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        var contributor = await SignedInAsync(Contributor);
        var api = await ApiAsync(Contributor);
        AssertStatus(HttpStatusCode.OK, await api.GetAsync("/api/content?type=News"));
        var id = await IdOfAsync(Contributor);
        var edit = $"/admin/users/edit/{id}";

        // A unit head may not deactivate an account of the unit (403, nothing changed); nor an administrator their own (400).
        var unitHead = await SignedInAsync(UnitHead);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(unitHead, "/admin/tai-khoan", edit + "?handler=Deactivate", []));
        var own = await PostAsync(admin, "/admin/tai-khoan", $"/admin/users/edit/{await IdOfAsync(TestSite.AdminUserName)}?handler=Deactivate", []);
        AssertStatus(HttpStatusCode.BadRequest, own);
        Assert.Contains("Không tự ngừng hoạt động tài khoản của chính mình", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, edit, edit + "?handler=Deactivate", []));

        // The open session and the API token stop at once; neither the sign-in page nor the token endpoint lets them in.
        var session = await contributor.GetAsync("/admin");
        Assert.Contains("/dang-nhap", session.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Unauthorized, await api.GetAsync("/api/content?type=News"));
        AssertStatus(HttpStatusCode.BadRequest, await SignInAsync(Client(), Contributor, Password));
        AssertStatus(HttpStatusCode.Unauthorized, await Client().PostAsync("/api/auth/token", Json(new { userName = Contributor, password = Password })));
        Assert.Contains("Ngừng hoạt động", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, edit, edit + "?handler=Reactivate", []));
        await SignedInAsync(Contributor);
        var audit = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>()
            .Where(e => e.Action == AdminAuditActions.AccountActivation && e.Subject == Contributor).Select(e => e.After).ToListAsync());
        Assert.Equal(["ngừng hoạt động", "hoạt động"], audit);
    }

    [Fact]
    public async Task One_changes_only_ones_own_password_with_the_current_one_and_other_sessions_end()
    {
        await AddPeopleAsync();
        var here = await SignedInAsync(Contributor);
        var elsewhere = await SignedInAsync(Contributor);
        Assert.Contains("Đổi mật khẩu", await here.GetStringAsync("/admin/tai-khoan"), StringComparison.Ordinal);

        // Bad input: a wrong current password, a confirmation that differs, a weak password: 400, a Vietnamese reason, nothing stored.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var (current, next, confirm, message) in new[]
        {
            ("Sai@2026!matkhau", NewPassword, NewPassword, "Mật khẩu hiện tại không đúng."),
            (Password, NewPassword, NewPassword + "x", "nhập lại không khớp"),
            (Password, "yeu", "yeu", "ít nhất 10 ký tự"),
        })
        {
            var refused = await PostAsync(here, "/admin/tai-khoan", "/admin/tai-khoan?handler=Password",
                new() { ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm });
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        // A forged account in the form changes nothing but the signed-in user's own password.
        var forged = await PostAsync(here, "/admin/tai-khoan", "/admin/tai-khoan?handler=Password", new()
        {
            ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
            ["id"] = await IdOfAsync(UnitHead), ["Input.UserName"] = UnitHead, ["UserId"] = await IdOfAsync(UnitHead),
        });
        AssertStatus(HttpStatusCode.Redirect, forged);
        AssertStatus(HttpStatusCode.OK, await here.GetAsync("/admin"));
        Assert.Contains("/dang-nhap", (await elsewhere.GetAsync("/admin")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await SignedInAsync(UnitHead);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), Contributor, NewPassword));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_and_token_of_the_account_only()
    {
        await AddPeopleAsync();
        var here = await SignedInAsync(Contributor);
        var elsewhere = await SignedInAsync(Contributor);
        var api = await ApiAsync(Contributor);
        var other = await SignedInAsync(UnitHead);

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(here, "/admin/tai-khoan", "/admin/tai-khoan?handler=SignOutEverywhere", []));

        foreach (var browser in new[] { here, elsewhere })
        {
            Assert.Contains("/dang-nhap", (await browser.GetAsync("/admin")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        AssertStatus(HttpStatusCode.Unauthorized, await api.GetAsync("/api/content?type=News"));
        AssertStatus(HttpStatusCode.OK, await other.GetAsync("/admin"));
    }
}
