using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using CucThongKe.Search.Querying;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task A_site_set_up_before_the_synonym_list_gets_the_setup_recipes_groups_and_one_with_its_own_list_keeps_it()
    {
        // Registered and run at start-up (recorded, so it never runs again).
        var upgrades = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SettingsDocument>()
            .Where(d => d.Name == SiteUpgrades.DocumentName).Select(d => d.Json).SingleAsync());
        Assert.True(JsonNode.Parse(upgrades)!.AsObject().ContainsKey("Search.DefaultSynonyms"));

        // As a site set up before the list: none. The upgrade installs the setup recipe's step's groups.
        await SaveAsync([]);
        await UpgradeAsync();
        var recipeGroups = JsonNode.Parse(await File.ReadAllTextAsync(Site.SetupRecipe))!["steps"]!.AsArray()
            .Single(step => step!["name"]!.GetValue<string>() == "SearchSynonyms")!["Groups"]!.AsArray()
            .Select(g => g!.AsArray().Select(p => p!.GetValue<string>()).ToList()).ToList();
        Assert.Contains(recipeGroups, g => g.SequenceEqual(["CPI", "chỉ số giá tiêu dùng"]));
        var stored = (await StoredAsync()).Groups;
        Assert.Equal(recipeGroups.Count, stored.Count);
        Assert.All(recipeGroups.Zip(stored), pair => Assert.Equal(pair.First, pair.Second));
        var list = await Site.WithScopeAsync(s => s.GetRequiredService<SearchSynonyms>().GetAsync(default));
        Assert.Contains(list.Groups, g => g.Select(p => p.Text).SequenceEqual(["KT-XH", "kinh tế - xã hội"]));

        // A site with a list of its own (or emptied after the upgrade ran, which never runs again) keeps it.
        await SaveAsync([["TTKT", "tình hình kinh tế"]]);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        await UpgradeAsync();
        await before.AssertUnchangedAsync(Site);
        Assert.Equal([["TTKT", "tình hình kinh tế"]], (await StoredAsync()).Groups);
    }

    private Task SaveAsync(IReadOnlyList<IReadOnlyList<string>> groups) =>
        Site.WithScopeAsync(s => s.GetRequiredService<SearchSynonyms>().SaveAsync(groups, default));

    private Task<SearchSynonymSettings> StoredAsync() =>
        Site.WithScopeAsync(s => s.GetRequiredService<SearchSynonyms>().StoredAsync(default));

    /// <summary>The upgrade as <see cref="SiteUpgrades"/> runs it: in a unit of work, saved after.</summary>
    private Task UpgradeAsync() => Site.WithScopeAsync(s => s.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
    {
        await s.GetServices<ISiteUpgrade>().Single(u => u.Name == "Search.DefaultSynonyms").UpgradeAsync(ct);
        await s.GetRequiredService<CmsDbContext>().SaveChangesAsync(ct);
    }, default));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string lines) =>
        await client.PostAsync("/admin/tu-dong-nghia", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines"] = lines,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/tu-dong-nghia"),
        }));
}
