using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Every answer tells the browser what it may run and where it may be shown: a CSP with a per-request script nonce
/// and no third-party origin, no sniffing, no framing by other sites, a referrer policy, no powerful features.</summary>
public sealed partial class SecurityHeadersTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private static readonly string[] PublicPages = ["/", "/tin-tuc", "/tim-kiem?q=d%C3%A2n+s%E1%BB%91", "/van-ban", "/hoi-dap", "/hoi-dap/gui-cau-hoi", "/gop-y", "/lich-cong-bo", "/en", "/dang-nhap", "/quen-mat-khau", "/khong-co-trang-nay"];

    private static readonly string[] AdminPages = ["/admin", "/admin/contents", "/admin/contents/create/News", "/admin/media", "/admin/users", "/admin/quy-trinh", "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin", "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua", "/admin/recipes"];

    private static void AssertSecurityHeaders(HttpResponseMessage response, bool framedBySite = false)
    {
        var where = response.RequestMessage?.RequestUri?.PathAndQuery;
        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.DoesNotMatch("https?:|\\*", csp);
        Assert.Contains(framedBySite ? "frame-ancestors 'self'" : "frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", where);
        Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", where);
        Assert.True(Header(response, "X-Frame-Options") == (framedBySite ? "SAMEORIGIN" : "DENY"), where);
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(',', values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({response.StatusCode})");

    /// <summary>No script from another origin, no inline script without this answer's nonce, no inline event handler or javascript: link.</summary>
    private static async Task AssertScriptsAreOurOwnAsync(HttpResponseMessage response)
    {
        var where = response.RequestMessage?.RequestUri?.PathAndQuery;
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        foreach (Match script in ScriptTag().Matches(html))
        {
            var attributes = script.Groups[1].Value;
            if (SourceAttribute().Match(attributes) is { Success: true } source)
            {
                Assert.False(Regex.IsMatch(source.Groups[1].Value, "^(https?:)?//", RegexOptions.IgnoreCase), $"{where} loads a script from another origin: {source.Groups[1].Value}");
            }
            else
            {
                Assert.True(attributes.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), $"{where} has an inline script without this answer's nonce");
            }
        }

        Assert.False(EventHandler().IsMatch(html), $"{where} has an inline event handler (blocked by the CSP): {EventHandler().Match(html).Value}");
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(Regex.IsMatch(html, "<link[^>]+href=\"(https?:)?//[^\"]+\\.(css|js)", RegexOptions.IgnoreCase), $"{where} loads a style sheet from another origin");
    }

    [Fact]
    public async Task Public_pages_and_errors_carry_the_headers_and_only_our_own_scripts()
    {
        var client = Client();
        foreach (var page in PublicPages)
        {
            var response = await client.GetAsync(page);

            Assert.True((int)response.StatusCode is 200 or 404, $"{page}: {response.StatusCode}");
            AssertSecurityHeaders(response);
            await AssertScriptsAreOurOwnAsync(response);
        }
    }

    [Fact]
    public async Task Back_office_pages_carry_the_headers_and_only_our_own_scripts()
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        foreach (var page in AdminPages)
        {
            var response = await client.GetAsync(page);

            AssertStatus(HttpStatusCode.OK, response);
            AssertSecurityHeaders(response);
            await AssertScriptsAreOurOwnAsync(response);
        }
    }

    [Fact]
    public async Task Only_the_media_picker_and_the_review_page_s_preview_may_be_framed_and_only_by_the_site_itself()
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        await RunRecipeAsync("backoffice-page.recipe.json");
        var item = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.Published).Select(c => c.ContentItemId).FirstAsync());

        var picker = await client.GetAsync("/admin/media/chon?loai=anh");
        var preview = await client.GetAsync($"/admin/contents/{item}/preview");

        AssertStatus(HttpStatusCode.OK, picker);
        AssertSecurityHeaders(picker, framedBySite: true);
        AssertStatus(HttpStatusCode.OK, preview);
        AssertSecurityHeaders(preview, framedBySite: true);
        // The same page at a public address (here one not found) stays unframed.
        AssertSecurityHeaders(await client.GetAsync("/tin-tuc/khong-co-tin-nay"));
    }

    [Fact]
    public async Task Api_answers_files_and_redirects_carry_the_headers_too()
    {
        var client = Client();

        AssertSecurityHeaders(await client.GetAsync("/api/search?q=th%E1%BB%91ng+k%C3%AA"));
        AssertSecurityHeaders(await client.GetAsync("/api/khong-co"));
        AssertSecurityHeaders(await client.GetAsync("/rss"));
        AssertSecurityHeaders(await client.GetAsync("/co-chu/lon?quayLai=%2F"));
        AssertSecurityHeaders(await client.GetAsync("/_content/CucThongKe.Theme.Public/js/site.js"));
    }

    [Fact]
    public async Task The_script_nonce_is_new_for_every_answer_even_a_cached_page()
    {
        var client = Client();

        var first = Header(await client.GetAsync("/"), "Content-Security-Policy");
        var second = Header(await client.GetAsync("/"), "Content-Security-Policy");

        Assert.NotEqual(first, second);
    }

    [GeneratedRegex("<script\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\bsrc=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
