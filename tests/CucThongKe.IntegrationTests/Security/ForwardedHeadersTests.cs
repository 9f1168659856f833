using System.Net;
using System.Text;
using CucThongKe.Core.Data;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>X-Forwarded-For is believed only from a proxy listed in <c>Cms:Network</c>: anyone else could pick a new address
/// per request and never meet the per-address limits of the citizens' forms and of sign-in.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";

    /// <summary>Posts the question form (without its tokens: the rate limiter counts it before the form is read) as if the
    /// connection came from <paramref name="peer"/>; the test server has no real connection, so its address is set here.</summary>
    private static async Task<HttpStatusCode> PostFromAsync(TestSite site, string peer, string forwardedFor)
    {
        var context = await site.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/hoi-dap/gui-cau-hoi";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("Input.Question=C%C3%A2u+h%E1%BB%8Fi"));
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    private static async Task<List<HttpStatusCode>> SixPostsAsync(TestSite site, string peer, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await PostFromAsync(site, peer, forwardedFor(i)));
        }

        return statuses;
    }

    /// <summary>Signs in as the administrator through a connection from <paramref name="peer"/> carrying forwarded headers;
    /// returns the address the sign-in log recorded and whether a request forwarded as HTTPS was taken for HTTPS.</summary>
    private static async Task<(string? Logged, bool Https)> SignInFromAsync(TestSite site, string peer, string forwardedFor)
    {
        var server = site.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer));
        using var client = new HttpClient(new CookieContainerHandler { InnerHandler = server }) { BaseAddress = new Uri("http://localhost") };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var token = await Tests.Site.SiteTestBase.AntiforgeryTokenAsync(client, "/dang-nhap");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = TestSite.AdminUserName,
                ["Input.Password"] = TestSite.AdminPassword,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        // The sign-in cookie is marked Secure when the request is taken for HTTPS.
        var signedIn = await client.SendAsync(post);
        var https = signedIn.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var logged = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SignInAuditEntry>()
            .OrderByDescending(e => e.Id).Select(e => e.IpAddress).FirstAsync());
        return (logged, https);
    }

    [Fact]
    public async Task With_no_listed_proxy_a_forwarded_address_is_ignored_and_the_limit_holds()
    {
        using var site = new TestSite();

        var statuses = await SixPostsAsync(site, Proxy, i => $"203.0.113.{i + 1}");
        // A forged X-Forwarded-For/-Proto from the internet: the sign-in log keeps the connection's address, and the
        // request is not taken for HTTPS.
        var (logged, https) = await SignInFromAsync(site, "198.51.100.20", "203.0.113.99");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal("198.51.100.20", logged);
        Assert.False(https);
    }

    [Fact]
    public async Task A_listed_proxy_gives_each_client_its_own_limit_and_an_unlisted_one_does_not()
    {
        using var site = new TestSite(settings: new Dictionary<string, string> { ["Cms:Network:KnownProxies:0"] = Proxy, ["Cms:Network:KnownNetworks:0"] = "192.168.50.0/24" });

        var distinctClients = await SixPostsAsync(site, Proxy, i => $"203.0.113.{i + 1}");
        var oneClient = await SixPostsAsync(site, Proxy, _ => "198.51.100.7");
        var throughNetwork = await SixPostsAsync(site, "192.168.50.20", i => $"203.0.113.{i + 101}");
        var unlisted = await SixPostsAsync(site, "10.0.0.6", i => $"203.0.113.{i + 201}");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, distinctClients);
        Assert.Equal(HttpStatusCode.TooManyRequests, oneClient[5]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, throughNetwork);
        Assert.Equal(HttpStatusCode.TooManyRequests, unlisted[5]);
        // Through a listed proxy the sign-in log names the client, and the proxy's HTTPS counts; from an unlisted one, not.
        Assert.Equal(("203.0.113.77", true), await SignInFromAsync(site, Proxy, "203.0.113.77"));
        Assert.Equal(("10.0.0.6", false), await SignInFromAsync(site, "10.0.0.6", "203.0.113.78"));
    }
}
