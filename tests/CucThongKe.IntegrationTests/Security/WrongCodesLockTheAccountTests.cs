using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Guessing the second factor: wrong codes count toward the lockout exactly like wrong passwords, on the
/// sign-in page's second step and on the token endpoint; a locked account is refused even the right code.</summary>
public abstract class WrongCodesLockTheAccountTests(DatabaseProvider provider) : SecurityTestBase(provider)
{
    private Task<(int Failures, bool Locked)> LockoutAsync(string userName) => Site.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<CmsUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return (user.AccessFailedCount, await users.IsLockedOutAsync(user));
    });

    [Fact]
    public async Task Five_wrong_codes_on_the_token_endpoint_lock_the_account_and_the_right_code_is_then_refused()
    {
        await AddPeopleAsync();
        var (totp, _) = await EnrolAsync(Secretary);

        for (var i = 0; i < 5; i++)
        {
            await AssertProblemAsync(HttpStatusCode.Unauthorized, await RequestTokenAsync(Secretary, code: WrongCode(totp)));
        }

        var rightCodeWhileLocked = await RequestTokenAsync(Secretary, code: totp.ComputeTotp());

        await AssertProblemAsync(HttpStatusCode.Unauthorized, rightCodeWhileLocked);
        Assert.True((await LockoutAsync(Secretary)).Locked);
    }

    [Fact]
    public async Task A_right_code_on_the_token_endpoint_starts_the_count_of_failures_again()
    {
        await AddPeopleAsync();
        var (totp, _) = await EnrolAsync(Secretary);

        await AssertProblemAsync(HttpStatusCode.Unauthorized, await RequestTokenAsync(Secretary, code: WrongCode(totp)));
        Assert.Equal(1, (await LockoutAsync(Secretary)).Failures);
        await TokenOfAsync(await RequestTokenAsync(Secretary, code: totp.ComputeTotp()));

        Assert.Equal((0, false), await LockoutAsync(Secretary));
    }

    [Fact]
    public async Task Wrong_authenticator_and_recovery_codes_on_the_sign_in_page_lock_the_account()
    {
        await AddPeopleAsync();
        var (totp, recoveryCodes) = await EnrolAsync(Secretary);
        var browser = Client();
        var password = await SignInAsync(browser, Secretary, Password);
        var codePage = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/dang-nhap/ma-xac-thuc", codePage, StringComparison.Ordinal);

        foreach (var wrong in new[] { WrongCode(totp), WrongCode(totp), WrongCode(totp), "ABCDE-12345", "ZZZZZ-99999" })
        {
            AssertStatus(HttpStatusCode.BadRequest, await PostFormAsync(browser, codePage, "/dang-nhap/ma-xac-thuc", [new("code", wrong)]));
        }

        var rightCode = await PostFormAsync(browser, codePage, "/dang-nhap/ma-xac-thuc", [new("code", totp.ComputeTotp())]);
        var recoveryCode = await PostFormAsync(browser, codePage, "/dang-nhap/ma-xac-thuc", [new("code", recoveryCodes[0])]);

        AssertStatus(HttpStatusCode.BadRequest, rightCode);
        Assert.Contains("bị khoá", await rightCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, recoveryCode);
        AssertStatus(HttpStatusCode.Redirect, await browser.GetAsync("/admin"));
        Assert.True((await LockoutAsync(Secretary)).Locked);
    }
}

public sealed class SqliteWrongCodesLockTheAccountTests() : WrongCodesLockTheAccountTests(DatabaseProvider.Sqlite);
