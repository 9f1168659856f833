using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// Item pages rendered at every request (the page cache off, Cms:PublicSite:OutputCache=false): the data kept in memory
/// for them (the published item, its related-items box, the pages of the listings, the site settings) must follow every content change at once.
/// </summary>
public abstract class UncachedPageTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string LawPath = "/van-ban/luat-thong-ke-nam-2015";
    private const string NewsPath = "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026";
    private const string DecreeTitle = "Nghị định quy định chi tiết Luật Thống kê";

    protected override IReadOnlyDictionary<string, string> SiteSettings => new Dictionary<string, string> { ["Cms:PublicSite:OutputCache"] = "false" };

    [Fact]
    public async Task The_related_items_box_follows_unpublication_and_a_new_title_at_the_next_request()
    {
        await PublicSiteTests.WriteFilesAsync(Site.DataPath);
        await RunRecipeAsync("public-site.recipe.json");
        var client = Client();
        var first = await client.GetAsync(LawPath);
        var second = await client.GetAsync(LawPath);

        AssertStatus(HttpStatusCode.OK, second);
        Assert.Null(second.Headers.Age);
        Assert.Contains(DecreeTitle, RelatedBox(await first.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        var decreeId = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var decree = (await contents.GetByPathAsync("van-ban/nghi-dinh-quy-dinh-chi-tiet-luat-thong-ke"))!;
            await contents.UnpublishAsync(decree.ContentItemId);
            return decree.ContentItemId;
        });
        var afterUnpublishing = await client.GetStringAsync(LawPath);

        Assert.DoesNotContain(DecreeTitle, afterUnpublishing, StringComparison.Ordinal);

        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var current = (await contents.GetAsync(decreeId, VersionOptions.Latest))!;
            var next = current.CloneAsNewVersion();
            next.Content["TitlePart"] = new JsonObject { ["Title"] = DecreeTitle + " (sửa đổi)" };
            var saved = await contents.SaveDraftAsync(next, current.Version);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử hộp tin liên quan"));
        });
        var afterRepublishing = await client.GetStringAsync(LawPath);

        Assert.Contains(DecreeTitle + " (sửa đổi)", RelatedBox(afterRepublishing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_page_and_its_category_follow_a_new_title_and_an_unpublication_at_the_next_request()
    {
        await PublicSiteTests.WriteFilesAsync(Site.DataPath);
        await RunRecipeAsync("public-site.recipe.json");
        var client = Client();
        const string Title = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026";
        var first = await client.GetStringAsync("/tin-tuc");
        var second = await client.GetAsync("/tin-tuc");
        var category = await client.GetStringAsync("/tin-tuc/chuyen-muc/hoat-dong-cua-cuc");

        Assert.Null(second.Headers.Age);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.Contains(Title, first, StringComparison.Ordinal);
        Assert.Contains(Title, category, StringComparison.Ordinal);

        var id = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var current = (await contents.GetByPathAsync(NewsPath.TrimStart('/')))!;
            var next = current.CloneAsNewVersion();
            next.Content["TitlePart"] = new JsonObject { ["Title"] = Title + " (lần hai)" };
            var saved = await contents.SaveDraftAsync(next, current.Version);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử danh sách"));
            return saved.ContentItemId;
        });

        Assert.Contains(Title + " (lần hai)", await client.GetStringAsync("/tin-tuc"), StringComparison.Ordinal);
        Assert.Contains(Title + " (lần hai)", await client.GetStringAsync("/tin-tuc/chuyen-muc/hoat-dong-cua-cuc"), StringComparison.Ordinal);

        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(id));

        Assert.DoesNotContain(Title, await client.GetStringAsync("/tin-tuc"), StringComparison.Ordinal);
        Assert.DoesNotContain(Title, await client.GetStringAsync("/tin-tuc/chuyen-muc/hoat-dong-cua-cuc"), StringComparison.Ordinal);
    }

    /// <summary>The "Thông tin liên quan" section of an item page, or "" when the page has none.</summary>
    internal static string RelatedBox(string html)
    {
        var start = html.IndexOf("id=\"lien-quan\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqliteUncachedPageTests() : UncachedPageTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to memory caches; the listings' queries run on PostgreSQL in PostgresPublicSiteTests.
