using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Theme.Public;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// The page cache that answers before routing and authentication: what it serves, to whom, varied by what, and that a
/// change shows at the next request. A cached answer carries an Age header; a rendered one does not.
/// </summary>
public abstract class PageCacheTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string NewsPath = "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026";

    private async Task ArrangeAsync()
    {
        await PublicSiteTests.WriteFilesAsync(Site.DataPath);
        await RunRecipeAsync("public-site.recipe.json");
    }

    [Fact]
    public async Task A_second_anonymous_get_is_the_same_page_from_the_cache_and_a_head_gets_its_headers_only()
    {
        await ArrangeAsync();
        var client = Client();
        var first = await client.GetAsync(NewsPath);
        var second = await client.GetAsync(NewsPath);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, NewsPath));

        AssertStatus(HttpStatusCode.OK, second);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        AssertStatus(HttpStatusCode.OK, head);
        Assert.NotNull(head.Headers.Age);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(second.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Publishing_a_change_evicts_the_item_page_and_the_listings()
    {
        await ArrangeAsync();
        var client = Client();
        await client.GetAsync(NewsPath);
        await client.GetAsync("/tin-tuc?trang=1");
        Assert.NotNull((await client.GetAsync(NewsPath)).Headers.Age);

        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var current = (await contents.GetByPathAsync(NewsPath.TrimStart('/')))!;
            var next = current.CloneAsNewVersion();
            next.Content["TitlePart"] = new JsonObject { ["Title"] = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026 (lần hai)" };
            var saved = await contents.SaveDraftAsync(next, current.Version);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử bộ nhớ đệm sớm"));
        });
        var page = await client.GetAsync(NewsPath);
        var list = await client.GetAsync("/tin-tuc?trang=1");

        Assert.Null(page.Headers.Age);
        Assert.Contains("(lần hai)", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("(lần hai)", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_varies_by_query_string_and_text_size()
    {
        await ArrangeAsync();
        var client = Client();
        await client.GetAsync("/tin-tuc");
        await client.GetAsync("/tin-tuc");
        await client.GetAsync(NewsPath);

        var otherQuery = await client.GetAsync("/tin-tuc?trang=1");
        var large = new HttpRequestMessage(HttpMethod.Get, NewsPath);
        large.Headers.Add("Cookie", FontSize.Cookie + "=lon");
        var largeText = await client.SendAsync(large);

        Assert.Null(otherQuery.Headers.Age);
        Assert.Null(largeText.Headers.Age);
        Assert.Contains("class=\"co-chu-lon\"", await largeText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("class=\"co-chu-vua\"", await (await client.GetAsync(NewsPath)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_gets_a_fresh_page_even_when_anonymous_readers_are_served_one_from_the_cache()
    {
        await ArrangeAsync();
        var anonymous = Client();
        await anonymous.GetAsync(NewsPath);
        Assert.NotNull((await anonymous.GetAsync(NewsPath)).Headers.Age);

        var editor = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(editor, TestSite.AdminUserName, TestSite.AdminPassword));
        var first = await editor.GetAsync(NewsPath);
        var second = await editor.GetAsync(NewsPath);

        AssertStatus(HttpStatusCode.OK, second);
        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        Assert.NotNull((await anonymous.GetAsync(NewsPath)).Headers.Age);
    }

    [Fact]
    public async Task A_post_is_never_answered_from_the_cache()
    {
        await ArrangeAsync();
        var client = Client();
        await client.GetAsync(NewsPath);
        Assert.NotNull((await client.GetAsync(NewsPath)).Headers.Age);

        var post = await client.PostAsync(NewsPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));

        Assert.Null(post.Headers.Age);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Forms_and_not_found_pages_are_not_kept()
    {
        await ArrangeAsync();
        var client = Client();
        await client.GetAsync("/hoi-dap/gui-cau-hoi");
        var form = await client.GetAsync("/hoi-dap/gui-cau-hoi");
        await client.GetAsync("/tin-tuc/khong-co-bai-nay");
        var missing = await client.GetAsync("/tin-tuc/khong-co-bai-nay");

        AssertStatus(HttpStatusCode.OK, form);
        Assert.Null(form.Headers.Age);
        AssertStatus(HttpStatusCode.NotFound, missing);
        Assert.Null(missing.Headers.Age);
    }
}

public sealed class SqlitePageCacheTests() : PageCacheTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to the HTTP page cache.
