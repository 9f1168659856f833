using System.Net;
using System.Text;

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

    [Fact]
    public async Task With_no_listed_proxy_a_forwarded_address_is_ignored_and_the_limit_holds()
    {
        using var site = new TestSite();

        var statuses = await SixPostsAsync(site, Proxy, i => $"203.0.113.{i + 1}");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
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
    }
}
