using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Tests.Site;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>A forged Host header never reaches a mailed link: unknown hosts are refused, and reset links are built from the
/// configured public address only (with none configured, no reset mail leaves).</summary>
/// <remarks>The class's site accepts every host (<c>AllowedHosts=*</c>), as a misconfigured server would, to show that the
/// mail does not depend on host filtering.</remarks>
public sealed class HostHeaderTests() : SiteTestBase(DatabaseProvider.Sqlite), IDisposable
{
    private const string Email = "ctv.tonghop@example.vn";
    private readonly SmtpSink _sink = new();

    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string> { ["AllowedHosts"] = "*" };

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<MailOptions>(o =>
    {
        o.Host = "127.0.0.1";
        o.Port = _sink.Port;
        o.Security = "None";
        o.From = "noreply@example.vn";
    });

    public void Dispose()
    {
        _sink.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_site_refuses_a_host_it_does_not_serve()
    {
        using var site = new TestSite(); // the shipped appsettings.json: localhost only, until the operator names theirs
        var client = site.CreateClient();

        var known = await client.GetAsync("/");
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/");
        forged.Headers.Host = "evil.example";
        var refused = await client.SendAsync(forged);

        AssertStatus(HttpStatusCode.OK, known);
        AssertStatus(HttpStatusCode.BadRequest, refused);
    }

    [Fact]
    public async Task Without_a_public_address_no_reset_mail_follows_the_host_header()
    {
        await GiveEmailAsync();
        var client = Client();
        client.DefaultRequestHeaders.Host = "evil.example";

        var answer = await AskAsync(client, Email);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the mail would leave in the background

        AssertStatus(HttpStatusCode.OK, answer);
        Assert.Empty(_sink.Messages);
        Assert.Contains("ctv.tonghop@example.vn:ResetNoPublicAddress", await AuditAsync());
    }

    [Fact]
    public async Task A_reset_link_uses_the_configured_public_address_whatever_the_host_header_says()
    {
        await GiveEmailAsync();
        await SetPublicAddressAsync("https://thongke.thainguyen.example/");
        var client = Client();
        client.DefaultRequestHeaders.Host = "evil.example";

        AssertStatus(HttpStatusCode.OK, await AskAsync(client, Email));
        var mail = await MailAsync();

        Assert.Matches(@"https://thongke\.thainguyen\.example/dat-lai-mat-khau\?u=[^&\s]+&t=\S+", mail);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }

    private async Task GiveEmailAsync()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            await users.SetEmailAsync((await users.FindByNameAsync("ctv.tonghop"))!, Email);
        });
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string email)
    {
        var token = await AntiforgeryTokenAsync(client, "/quen-mat-khau");
        return await client.PostAsync("/quen-mat-khau", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email }));
    }

    private async Task<string> MailAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_sink.Messages.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return SmtpSink.MessageOf(Assert.Single(_sink.Messages).Data).TextBody ?? "";
    }

    private Task<List<string>> AuditAsync() => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<SignInAuditEntry>().OrderBy(e => e.Id).Select(e => e.UserName + ":" + e.Outcome).ToListAsync());
}
