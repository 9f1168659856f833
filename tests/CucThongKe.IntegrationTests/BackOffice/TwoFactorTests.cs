using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Two-factor sign-in with an authenticator app, mandatory for the administrator's role here.</summary>
public sealed partial class TwoFactorTests : IDisposable
{
    private readonly TestSite _site = new(settings: new Dictionary<string, string> { ["Cms:Security:RequireTwoFactorForRoles"] = "Administrator,BoardHead" });

    public void Dispose() => _site.Dispose();

    private HttpClient Client() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await Site.SiteTestBase.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client) =>
        PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["Input.UserName"] = TestSite.AdminUserName, ["Input.Password"] = TestSite.AdminPassword });

    [Fact]
    public async Task An_administrator_must_set_up_an_authenticator_then_signs_in_with_codes()
    {
        var client = Client();
        await PasswordAsync(client);

        var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/admin/tai-khoan/xac-thuc-hai-buoc", dashboard.Headers.Location!.OriginalString);

        var setup = await client.GetStringAsync("/admin/tai-khoan/xac-thuc-hai-buoc");
        Assert.Contains("<svg", setup, StringComparison.Ordinal);
        var key = Key().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        var wrong = await PostAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc", "/admin/tai-khoan/xac-thuc-hai-buoc", new() { ["code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await PostAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc", "/admin/tai-khoan/xac-thuc-hai-buoc", new() { ["code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        // A new session: password, then a code.
        var second = Client();
        var password = await PasswordAsync(second);
        Assert.StartsWith("/dang-nhap/ma-xac-thuc", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        var badCode = await PostAsync(second, password.Headers.Location.OriginalString, "/dang-nhap/ma-xac-thuc", new() { ["code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var goodCode = await PostAsync(second, password.Headers.Location.OriginalString, "/dang-nhap/ma-xac-thuc", new() { ["code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, goodCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);

        // A recovery code works once.
        var third = Client();
        await PasswordAsync(third);
        var recovered = await PostAsync(third, "/dang-nhap/ma-xac-thuc", "/dang-nhap/ma-xac-thuc", new() { ["code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        var fourth = Client();
        await PasswordAsync(fourth);
        var reused = await PostAsync(fourth, "/dang-nhap/ma-xac-thuc", "/dang-nhap/ma-xac-thuc", new() { ["code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);

        var audit = await _site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SignInAuditEntry>().OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync());
        Assert.Contains("TwoFactor", audit);
        Assert.Contains("RecoveryCode", audit);
        Assert.Contains("WrongCode", audit);
        Assert.Contains("PasswordThenCode", audit);
    }

    [Fact]
    public async Task Failed_sign_ins_are_recorded_with_where_they_came_from()
    {
        var client = Client();

        await PostAsync(client, "/dang-nhap", "/dang-nhap", new() { ["Input.UserName"] = TestSite.AdminUserName, ["Input.Password"] = "sai" });

        var entry = await _site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SignInAuditEntry>().SingleAsync());
        Assert.False(entry.Succeeded);
        Assert.Equal("WrongPassword", entry.Outcome);
        Assert.Equal(TestSite.AdminUserName, entry.UserName);
    }

    [GeneratedRegex("<code class=\"authenticator-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
