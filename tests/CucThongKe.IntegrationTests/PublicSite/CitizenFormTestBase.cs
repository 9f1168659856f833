using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>Filling in a citizen's form (a question, feedback) as a browser would: the form's tokens, the sender's fields, a human's pace.</summary>
public abstract partial class CitizenFormTestBase(DatabaseProvider provider) : SiteTestBase(provider)
{
    /// <summary>The site's clock: a human's seconds of typing pass on it without the test sleeping them (11 waits of
    /// 3.2 s held a test thread for 35 s per run).</summary>
    private readonly ShiftedClock _clock = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    /// <summary>The form's hidden tokens and a valid sender; <paramref name="message"/> fills the form's own text field.</summary>
    protected async Task<Dictionary<string, string>> OpenFormAsync(HttpClient client, string url, (string Field, string Value) message, bool waitLikeAHuman)
    {
        var html = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryPattern().Match(html).Groups[1].Value,
            ["Input.Token"] = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value),
            ["Input.Name"] = "Trần Thị Hỏi",
            ["Input.Email"] = "hoi@example.vn",
            ["Input.Phone"] = "0912 345 678",
            ["Input.UnitId"] = "phong-kinh-te",
            [message.Field] = message.Value,
            ["Input.Consent"] = "true",
            ["Input.Website"] = "",
        };
        if (waitLikeAHuman)
        {
            _clock.Advance(TimeSpan.FromSeconds(3.2));
        }

        return form;
    }

    /// <summary>Moves the site's clock on (a token's lifetime passing).</summary>
    protected void Advance(TimeSpan by) => _clock.Advance(by);

    protected static FormUrlEncodedContent Fields(Dictionary<string, string> form) => new(form);

    protected Task<int> CountAsync(string contentType) => CountAsync(Site, contentType);

    protected static Task<int> CountAsync(TestSite site, string contentType) =>
        site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().CountAsync(c => c.ContentType == contentType));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryPattern();

    [GeneratedRegex("name=\"Input.Token\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}

/// <summary>
/// Sites a class's refusal tests share (an xunit class fixture): tests that post one form which is refused (bad input,
/// too fast) or only read a page, and store nothing, so that each still sees a site with no form taken. A site takes at
/// most <see cref="PostsPerSite"/> posts, the forms' limit per address (every request of a test client comes from the
/// same address), then the next post goes to a new one. Tests of one class run one after the other.
/// </summary>
/// <remarks>A shared site's clock is never moved: a test that waits like a human, or takes a form, keeps its own site.</remarks>
public sealed class FormRefusalSites : IDisposable
{
    /// <summary>The forms' rate limit: five posts per address in ten minutes (CitizenServicesModule's FormsRateLimit).</summary>
    public const int PostsPerSite = 5;

    private readonly Lock _gate = new();
    private readonly List<TestSite> _sites = [];
    private int _posts;

    /// <summary>A shared site with room for one more post (counted now).</summary>
    public TestSite ForOnePost(DatabaseProvider provider) => Next(provider, posts: 1);

    /// <summary>A shared site to read from (page views are not limited).</summary>
    public TestSite ForReading(DatabaseProvider provider) => Next(provider, posts: 0);

    private TestSite Next(DatabaseProvider provider, int posts)
    {
        lock (_gate)
        {
            if (_sites.Count == 0 || _posts + posts > PostsPerSite)
            {
                var site = new TestSite(provider, configureServices: services => services.AddSingleton<TimeProvider>(new ShiftedClock()));
                _ = site.Services;
                _sites.Add(site);
                _posts = 0;
            }

            _posts += posts;
            return _sites[^1];
        }
    }

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Dispose();
        }
    }
}
