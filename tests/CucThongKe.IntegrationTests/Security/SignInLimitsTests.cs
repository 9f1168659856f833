using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Password guessing is slowed per account as well as per address, so an office behind one address is not
/// locked out, and a lockout (which anyone who knows a name can cause) lasts minutes, not a quarter of an hour.</summary>
public sealed class SignInLimitsTests() : SecurityTestBase(DatabaseProvider.Sqlite)
{
    private static readonly string[] Staff = [Contributor, UnitHead, Secretary, BoardHead, Publisher, OtherUnitHead];

    protected override IReadOnlyDictionary<string, string>? SiteSettings =>
        new Dictionary<string, string> { ["Cms:Security:RequireTwoFactorForRoles"] = "" };

    [Fact]
    public async Task An_office_behind_one_address_signs_in_more_than_ten_times_a_minute()
    {
        await AddPeopleAsync();

        foreach (var userName in Staff.Concat(Staff))
        {
            AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), userName, Password));
        }

        AssertStatus(HttpStatusCode.OK, await RequestTokenAsync(Contributor));
    }

    [Fact]
    public async Task One_account_gets_ten_attempts_a_minute_from_anywhere()
    {
        await AddPeopleAsync();

        for (var i = 0; i < 10; i++)
        {
            AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), Contributor, Password));
        }

        var page = await SignInAsync(Client(), Contributor, Password);
        var api = await RequestTokenAsync(Contributor);

        AssertStatus(HttpStatusCode.TooManyRequests, page);
        Assert.Contains("quá nhiều lần đăng nhập", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemAsync(HttpStatusCode.TooManyRequests, api);
        Assert.NotNull(api.Headers.RetryAfter);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), UnitHead, Password));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_ten_minutes()
    {
        await AddPeopleAsync();

        for (var i = 0; i < 5; i++)
        {
            AssertStatus(HttpStatusCode.BadRequest, await SignInAsync(Client(), Contributor, "Sai@2026!matkhau"));
        }

        var locked = await SignInAsync(Client(), Contributor, Password);
        var lockoutEnd = await Site.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Contributor))!.LockoutEnd);

        AssertStatus(HttpStatusCode.BadRequest, locked);
        Assert.Contains("10 phút", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(lockoutEnd);
        var remaining = lockoutEnd.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }
}
