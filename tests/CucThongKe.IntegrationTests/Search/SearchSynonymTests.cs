using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Settings;
using CucThongKe.Search.Querying;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Search;

/// <summary>
/// The synonym list as data (issue 15 item 5): the setup recipe's list makes "KT-XH" find "kinh tế - xã hội"; the back
/// office's list is refused whole with the line named (400, nothing stored), and a saved list applies to the next search
/// with no restart.
/// </summary>
public sealed class SearchSynonymTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_synonym_list_is_edited_in_the_back_office_and_applies_to_the_next_search()
    {
        var id = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Tình hình kinh tế - xã hội tháng 11 năm 2026" };
            var saved = await contents.CreateAsync(item);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, "kiem.thu"));
            return saved.ContentItemId;
        });
        await SearchTests.WaitForIndexToCatchUpAsync(Site);
        var reader = Client();

        // The setup recipe's list: the abbreviation finds the full name.
        Assert.Contains(id, await reader.GetStringAsync("/api/search?q=KT-XH"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await reader.GetStringAsync("/api/search?q=TTKT"), StringComparison.Ordinal);

        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        Assert.Contains("CPI = chỉ số giá tiêu dùng", await admin.GetStringAsync("/admin/tu-dong-nghia"), StringComparison.Ordinal);

        // Bad lines: refused whole, each named, nothing stored.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var refused = await PostAsync(admin, "TTKT = tình hình kinh tế\nchỉ một cụm từ\nA = ---");
        AssertStatus(HttpStatusCode.BadRequest, refused);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 2: cần ít nhất hai cụm từ", page, StringComparison.Ordinal);
        Assert.Contains("Dòng 3: cụm từ '---' không có chữ hoặc số nào", page, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        // A good list: the next search reads it, no restart.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, "TTKT = tình hình kinh tế\r\nCPI = chỉ số giá tiêu dùng"));
        Assert.Contains(id, await reader.GetStringAsync("/api/search?q=TTKT"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await reader.GetStringAsync("/api/search?q=KT-XH"), StringComparison.Ordinal);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<SettingsStore>().GetAsync<SearchSynonymSettings>(SearchSynonymSettings.DocumentName));
        Assert.Equal([["TTKT", "tình hình kinh tế"], ["CPI", "chỉ số giá tiêu dùng"]], stored.Groups);

        // The form needs its antiforgery token.
        var forged = await admin.PostAsync("/admin/tu-dong-nghia", new FormUrlEncodedContent(new Dictionary<string, string> { ["Lines"] = "A = B" }));
        AssertStatus(HttpStatusCode.BadRequest, forged);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string lines) =>
        await client.PostAsync("/admin/tu-dong-nghia", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines"] = lines,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/tu-dong-nghia"),
        }));
}
