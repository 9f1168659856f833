using System.Net;
using CucThongKe.Contents.Api;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Two-factor sign-in for the roles that need it holds on every way in: the token endpoint, existing tokens
/// and every endpoint the sign-in cookie reaches, not only the back office's pages.</summary>
public abstract class TwoFactorOnEveryWayInTests(DatabaseProvider provider) : SecurityTestBase(provider)
{
    [Fact]
    public async Task A_publisher_without_an_authenticator_gets_no_API_token_and_is_told_to_enrol()
    {
        await AddPeopleAsync();

        var response = await RequestTokenAsync(Publisher);

        await AssertProblemAsync(HttpStatusCode.Forbidden, response);
        var detail = (await ReadAsync(response))["detail"]!.GetValue<string>();
        Assert.Contains("hai bước", detail, StringComparison.Ordinal);
        Assert.Contains("/admin/tai-khoan/xac-thuc-hai-buoc", detail, StringComparison.Ordinal);
        Assert.Equal(0, await Site.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<Core.Data.CmsDbContext>().Set<ApiToken>().Count())));
    }

    [Fact]
    public async Task An_enrolled_publisher_gets_a_token_only_with_a_valid_code_or_a_recovery_code()
    {
        await AddPeopleAsync();
        var (totp, recoveryCodes) = await EnrolAsync(Publisher);

        var noCode = await RequestTokenAsync(Publisher);
        var wrongCode = await RequestTokenAsync(Publisher, code: WrongCode(totp));
        var rightCode = await RequestTokenAsync(Publisher, code: totp.ComputeTotp());
        var recovery = await RequestTokenAsync(Publisher, code: recoveryCodes[0]);
        var recoveryAgain = await RequestTokenAsync(Publisher, code: recoveryCodes[0]);

        await AssertProblemAsync(HttpStatusCode.Unauthorized, noCode);
        await AssertProblemAsync(HttpStatusCode.Unauthorized, wrongCode);
        var token = await TokenOfAsync(rightCode);
        await TokenOfAsync(recovery);
        await AssertProblemAsync(HttpStatusCode.Unauthorized, recoveryAgain);
        AssertStatus(HttpStatusCode.OK, await ReadWithTokenAsync(token));
    }

    [Fact]
    public async Task A_token_of_a_two_factor_role_member_who_is_not_enrolled_stops_working()
    {
        await AddPeopleAsync();
        // A token made before the role needed two-factor sign-in (or before the user's two-factor was reset).
        var token = await Site.WithScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Secretary);
            return (await s.GetRequiredService<ApiTokens>().IssueAsync(user!.Id, "cũ", TimeSpan.FromDays(30))).Token;
        });
        var contributorToken = await TokenAsync(Contributor);

        AssertStatus(HttpStatusCode.Unauthorized, await ReadWithTokenAsync(token));
        AssertStatus(HttpStatusCode.OK, await ReadWithTokenAsync(contributorToken));
    }

    [Fact]
    public async Task A_password_only_session_of_a_two_factor_role_reaches_only_the_enrolment_page()
    {
        await AddPeopleAsync();
        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, BoardHead, Password));

        var dashboard = await browser.GetAsync("/admin");
        var inbox = await browser.GetAsync("/admin/quy-trinh");
        var setupPage = await browser.GetAsync("/admin/tai-khoan/xac-thuc-hai-buoc");
        var check = await browser.PostAsync("/admin/unicode/kiem-tra", Json(new { text = "Thống kê" }));
        var apiWithCookie = await browser.GetAsync("/api/content?type=News");

        AssertStatus(HttpStatusCode.Redirect, dashboard);
        Assert.Equal("/admin/tai-khoan/xac-thuc-hai-buoc", dashboard.Headers.Location!.OriginalString);
        AssertStatus(HttpStatusCode.Redirect, inbox);
        AssertStatus(HttpStatusCode.OK, setupPage);
        AssertStatus(HttpStatusCode.Forbidden, check);
        AssertStatus(HttpStatusCode.Unauthorized, apiWithCookie);
    }
}

public sealed class SqliteTwoFactorOnEveryWayInTests() : TwoFactorOnEveryWayInTests(DatabaseProvider.Sqlite);

// SQLite only: two-factor checks at sign-in and on tokens do not depend on the database.
