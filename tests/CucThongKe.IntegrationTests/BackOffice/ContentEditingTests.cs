using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>The back office's content list, generic editor, history and preview, with unit-scoped access.</summary>
/// <remarks>The tests that only read addresses that do not exist (or need a sign-in) share one site per class and one
/// signed-in administrator (<see cref="SharedAdministratorAsync"/>).</remarks>
public abstract partial class ContentEditingTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    private const string Password = "Demo@2026!ctk";

    private async Task<HttpClient> SignedInAsync(string user, string password = Password)
    {
        var client = Client();
        var response = await SignInAsync(client, user, password);
        AssertStatus(HttpStatusCode.Redirect, response);
        return client;
    }

    /// <summary>The class's shared site, for requests that change nothing, with the administrator signed in once.</summary>
    private Task<(TestSite Site, HttpClient Administrator)> SharedAdministratorAsync() => shared.GetAsync(Provider, async site =>
    {
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    private static async Task<string> CreateAsync(HttpClient client, string type, Dictionary<string, string> values)
    {
        var response = await PostFormAsync(client, $"/admin/contents/create/{type}", $"/admin/contents/create/{type}", values);
        AssertStatus(HttpStatusCode.Redirect, response);
        return EditUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    private Task<List<ContentItem>> VersionsAsync(string id) => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<ContentManager>().GetVersionsAsync(id)).ToList());

    [Fact]
    public async Task An_editor_writes_a_page_saves_a_draft_and_publishes_it()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = await SignedInAsync("dangtin");

        var id = await CreateAsync(client, "Page", new()
        {
            ["TitlePart.Title"] = "Cơ cấu tổ chức của Cục",
            ["SummaryPart.Summary"] = "Các phòng và chi cục.",
            ["HtmlBodyPart.Html"] = "<table><caption>Đơn vị</caption><tr><th scope=\"col\">Tên</th></tr><tr><td>Văn phòng</td></tr></table>",
        });
        var beforePublish = await Client().GetAsync("/gioi-thieu/co-cau-to-chuc-cua-cuc");
        var publish = await PostFormAsync(client, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1",
            ["intent"] = "publish",
            ["TitlePart.Title"] = "Cơ cấu tổ chức của Cục",
            ["HtmlBodyPart.Html"] = "<table><caption>Đơn vị</caption><tr><th scope=\"col\">Tên</th></tr><tr><td>Văn phòng</td></tr></table>",
        });
        var afterPublish = await Client().GetAsync("/gioi-thieu/co-cau-to-chuc-cua-cuc");

        AssertStatus(HttpStatusCode.NotFound, beforePublish);
        AssertStatus(HttpStatusCode.Redirect, publish);
        AssertStatus(HttpStatusCode.OK, afterPublish);
        Assert.Contains("<caption>Đơn vị</caption>", await afterPublish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("phong-thanh-tra", versions[0].AuthorUnitId);
        Assert.Equal("dangtin", versions[0].Author);
    }

    [Fact]
    public async Task Validation_errors_are_shown_next_to_their_fields_and_nothing_is_saved()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = await SignedInAsync("ctv.tonghop");

        var response = await PostFormAsync(client, "/admin/contents/create/News", "/admin/contents/create/News", new()
        {
            ["TitlePart.Title"] = "",
            ["News.Category.TermIds"] = "khong-co-muc-nay",
        });

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"f-TitlePart-Title-error\" class=\"field-error\">Tiêu đề là bắt buộc.<", html);
        Assert.Contains("không có mục &#x27;khong-co-muc-nay&#x27;", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, await Site.WithScopeAsync(s => s.GetRequiredService<Core.Data.CmsDbContext>().Set<ContentItem>().CountAsync()));
    }

    [Fact]
    public async Task Malicious_text_is_stored_sanitised_and_shown_escaped()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = await SignedInAsync("dangtin");

        var id = await CreateAsync(client, "Page", new()
        {
            ["TitlePart.Title"] = "<script>alert('tiêu đề')</script>Giới thiệu",
            ["HtmlBodyPart.Html"] = "<p>Nội dung</p><img src=x onerror=alert(1)><script>steal()</script>",
        });
        var edit = await client.GetStringAsync($"/admin/contents/{id}/edit");

        var stored = (await VersionsAsync(id))[0];
        Assert.DoesNotContain("onerror", stored.Content.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("steal()", stored.Content.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", edit, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_a_conflict_and_overwrites_nothing()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var first = await SignedInAsync("ctv.tonghop");
        var id = await CreateAsync(first, "News", new() { ["TitlePart.Title"] = "Tin gốc", ["News.Category.TermIds"] = "tin-khac" });
        var second = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);

        var saveA = await PostFormAsync(first, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1", ["TitlePart.Title"] = "Bản sửa của cộng tác viên", ["News.Category.TermIds"] = "tin-khac",
        });
        var saveB = await PostFormAsync(second, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1", ["TitlePart.Title"] = "Bản sửa của quản trị", ["News.Category.TermIds"] = "tin-khac",
        });

        AssertStatus(HttpStatusCode.Redirect, saveA);
        AssertStatus(HttpStatusCode.Conflict, saveB);
        var html = await saveB.Content.ReadAsStringAsync();
        Assert.Contains("đã được người khác sửa", html, StringComparison.Ordinal);
        Assert.Contains($"/admin/contents/{id}/versions?a=1&b=2", html, StringComparison.Ordinal);
        Assert.Contains("Bản sửa của quản trị", html, StringComparison.Ordinal);
        var versions = await VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Bản sửa của cộng tác viên", versions[0].DisplayText);
    }

    [Fact]
    public async Task A_contributor_sees_and_edits_only_their_own_units_items_even_by_guessing_ids()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var daitu = await SignedInAsync("ctv.daitu");
        var otherId = await CreateAsync(daitu, "News", new() { ["TitlePart.Title"] = "Tin của chi cục Đại Từ", ["News.Category.TermIds"] = "tin-khac" });
        var tonghop = await SignedInAsync("ctv.tonghop");
        var ownId = await CreateAsync(tonghop, "News", new() { ["TitlePart.Title"] = "Tin của phòng Tổng hợp", ["News.Category.TermIds"] = "tin-khac" });

        var list = await tonghop.GetStringAsync("/admin/contents");
        var view = await tonghop.GetAsync($"/admin/contents/{otherId}/edit");
        var history = await tonghop.GetAsync($"/admin/contents/{otherId}/versions");
        var preview = await tonghop.GetAsync($"/admin/contents/{otherId}/preview");
        var post = await PostFormAsync(tonghop, $"/admin/contents/{ownId}/edit", $"/admin/contents/{otherId}/edit", new()
        {
            ["version"] = "1", ["TitlePart.Title"] = "Sửa trộm", ["News.Category.TermIds"] = "tin-khac",
        });
        var boardList = await (await SignedInAsync("thuky")).GetStringAsync("/admin/contents");

        Assert.Contains("Tin của phòng Tổng hợp", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin của chi cục Đại Từ", list, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, view);
        AssertStatus(HttpStatusCode.Forbidden, history);
        AssertStatus(HttpStatusCode.Forbidden, preview);
        AssertStatus(HttpStatusCode.Forbidden, post);
        Assert.Single(await VersionsAsync(otherId));
        Assert.Contains("Tin của chi cục Đại Từ", boardList, StringComparison.Ordinal);
        Assert.Contains("Tin của phòng Tổng hợp", boardList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_under_the_approval_chain_cannot_be_published_from_the_editor()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var id = await CreateAsync(admin, "News", new() { ["TitlePart.Title"] = "Tin phải qua duyệt", ["News.Category.TermIds"] = "tin-khac" });

        var page = await admin.GetStringAsync($"/admin/contents/{id}/edit");
        var publish = await PostFormAsync(admin, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1", ["intent"] = "publish", ["TitlePart.Title"] = "Tin phải qua duyệt", ["News.Category.TermIds"] = "tin-khac",
        });

        Assert.DoesNotContain("Lưu và đăng", page, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, publish);
        Assert.Single(await VersionsAsync(id));
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync("/tin-tuc/tin-phai-qua-duyet"));
    }

    [Fact]
    public async Task History_shows_a_readable_diff_and_restores_an_old_version_as_a_new_draft()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = await SignedInAsync("ctv.tonghop");
        var id = await CreateAsync(client, "News", new()
        {
            ["TitlePart.Title"] = "Tin về dân số", ["News.Category.TermIds"] = "tin-khac", ["HtmlBodyPart.Html"] = "<p>Dân số năm 2025 là 1,3 triệu người.</p>",
        });
        await PostFormAsync(client, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1", ["TitlePart.Title"] = "Tin về dân số", ["News.Category.TermIds"] = "tin-khac", ["HtmlBodyPart.Html"] = "<p>Dân số năm 2025 là 1,4 triệu người.</p>",
        });

        var diff = await client.GetStringAsync($"/admin/contents/{id}/versions?a=1&b=2");
        var restore = await PostFormAsync(client, $"/admin/contents/{id}/versions", $"/admin/contents/{id}/versions?handler=Restore", new() { ["version"] = "1", ["latest"] = "2" });

        // The value under its Vietnamese name (the body part's "Nội dung", not "HtmlBodyPart.Html"), the changed word marked.
        var removed = System.Text.RegularExpressions.Regex.Match(diff, "<del class=\"diff-line\">([\\s\\S]*?)</del>").Groups[1].Value;
        var added = System.Text.RegularExpressions.Regex.Match(diff, "<ins class=\"diff-line\">([\\s\\S]*?)</ins>").Groups[1].Value;
        Assert.True(removed.StartsWith("− <span class=\"diff-label\">Nội dung:</span>", StringComparison.Ordinal) && removed.Contains("Dân số năm 2025 là <mark>1,3 </mark>triệu người.", StringComparison.Ordinal), removed);
        Assert.True(added.StartsWith("+ <span class=\"diff-label\">Nội dung:</span>", StringComparison.Ordinal) && added.Contains("Dân số năm 2025 là <mark>1,4 </mark>triệu người.", StringComparison.Ordinal), added);
        AssertStatus(HttpStatusCode.Redirect, restore);
        var versions = await VersionsAsync(id);
        Assert.Equal(3, versions[0].Version);
        Assert.Contains("1,3 triệu", versions[0].Content.ToJsonString(Core.Data.CmsJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_list_filters_and_pages()
    {
        await RunRecipeAsync("demo-import.recipe.json");
        var client = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);

        var news = await client.GetStringAsync("/admin/contents?type=News&state=draft");
        var text = await client.GetStringAsync("/admin/contents?text=" + Uri.EscapeDataString("Chức năng"));
        var bad = await client.GetAsync("/admin/contents?from=not-a-date&trang=abc");

        Assert.Contains("Tin đang soạn", news, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội nghị triển khai", news, StringComparison.Ordinal);
        Assert.Contains("Chức năng, nhiệm vụ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin đang soạn", text, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, bad);
    }

    [Theory]
    [InlineData("/admin/contents/abc/edit")]
    [InlineData("/admin/contents/0000000000000000000000000000beef/edit")]
    [InlineData("/admin/contents/'%20OR%201=1--/versions")]
    [InlineData("/admin/contents/create/KhongCoLoaiNay")]
    public async Task Malformed_or_unknown_ids_answer_404(string url)
    {
        var (_, client) = await SharedAdministratorAsync();

        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync(url));
    }

    [Fact]
    public async Task Preview_needs_sign_in()
    {
        var response = await ClientOf((await SharedAdministratorAsync()).Site).GetAsync("/admin/contents/0000000000000000000000000000beef/preview");

        AssertStatus(HttpStatusCode.Redirect, response);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex("/admin/contents/([0-9a-f]{32})/edit")]
    private static partial Regex EditUrl();
}

public sealed class SqliteContentEditingTests(SharedSite shared) : ContentEditingTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

public sealed class PostgresContentEditingTests(SharedSite shared) : ContentEditingTests(DatabaseProvider.Postgres, shared), IClassFixture<SharedSite>;
