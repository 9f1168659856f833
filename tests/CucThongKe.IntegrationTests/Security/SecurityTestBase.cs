using System.Net;
using System.Net.Http.Headers;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CucThongKe.Tests.Security;

/// <summary>The office's site with the chain's people, on the real clock (authenticator codes and lockouts run on it),
/// with two-factor required for the roles the production default names.</summary>
public abstract class SecurityTestBase(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    /// <summary>The production default of Cms:Security:RequireTwoFactorForRoles (TestSite sets none).</summary>
    public const string TwoFactorRoles = "Administrator,BoardHead,BoardSecretary,Publisher";

    protected override IReadOnlyDictionary<string, string>? SiteSettings =>
        new Dictionary<string, string> { ["Cms:Security:RequireTwoFactorForRoles"] = TwoFactorRoles };

    /// <summary>No fake clock: TOTP codes and lockouts are checked against real time.</summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Sets up the authenticator of <paramref name="userName"/> as the two-factor page does; returns its generator and recovery codes.</summary>
    protected Task<(Totp Totp, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string userName) => Site.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<CmsUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return (new Totp(Base32Encoding.ToBytes(key)), (IReadOnlyList<string>)codes);
    });

    /// <summary>A six-digit code that no time step near now accepts.</summary>
    protected static string WrongCode(Totp totp)
    {
        var near = Enumerable.Range(-4, 9).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !near.Contains(c));
    }

    protected Task<HttpResponseMessage> RequestTokenAsync(string userName, string password = Password, string? code = null) =>
        Client().PostAsync("/api/auth/token", Json(new { userName, password, code }));

    /// <summary>A read-only API call with <paramref name="token"/>.</summary>
    protected Task<HttpResponseMessage> ReadWithTokenAsync(string token)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/content?type=News");
    }

    protected static async Task<string> TokenOfAsync(HttpResponseMessage response)
    {
        AssertStatus(HttpStatusCode.OK, response);
        return (await ReadAsync(response))["token"]!.GetValue<string>();
    }

    /// <summary>Posts a back-office form with the page's antiforgery token.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token))));
    }
}
