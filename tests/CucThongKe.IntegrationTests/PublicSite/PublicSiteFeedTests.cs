using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>RSS per area and per category: what each feed holds, the citation on every item, where pages advertise them.</summary>
public abstract partial class PublicSiteTests
{
    private const string Citation = "Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên";

    public static TheoryData<string, string[]> Feeds => new()
    {
        { "/rss/tin-tuc", ["Chi đoàn Cục Thống kê ra quân tình nguyện", "Hội nghị triển khai Tổng điều tra kinh tế năm 2026"] },
        { "/rss/tin-tuc/hoat-dong-dang-doan-the", ["Chi đoàn Cục Thống kê ra quân tình nguyện"] },
        { "/rss/tin-tuc/hoat-dong-cua-cuc", ["Hội nghị triển khai Tổng điều tra kinh tế năm 2026"] },
        { "/rss/tin-tuc/tin-khac", [] },
        { "/rss/van-ban/luat", ["Luật Thống kê năm 2015"] },
        { "/rss/van-ban/nghi-dinh", ["Nghị định quy định chi tiết Luật Thống kê"] },
        { "/rss/tinh-hinh-kinh-te-xa-hoi/nam", ["Tình hình kinh tế - xã hội năm 2025"] },
        { "/rss/hoi-dap", ["Chỉ số giá tiêu dùng được tính như thế nào?"] },
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task A_feed_of_an_area_or_category_holds_its_published_items_newest_first_each_with_the_citation(string url, string[] titles)
    {
        var client = await ReaderAsync();

        var feed = XDocument.Parse(await client.GetStringAsync(url));

        var items = feed.Descendants("item").ToList();
        Assert.Equal(titles, items.Select(i => (string?)i.Element("title")));
        Assert.All(items, i => Assert.Contains(Citation, (string?)i.Element("description"), StringComparison.Ordinal));
        Assert.Contains(Citation, (string?)feed.Root!.Element("channel")!.Element("description"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bản nháp chưa duyệt", feed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_feed_never_shows_a_scheduled_item_before_its_time()
    {
        await ArrangeAsync();
        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await NewAsync(contents, "News", "Tin hẹn giờ về kết quả điều tra doanh nghiệp",
                ("News", new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } }));
            var saved = await contents.CreateAsync(item);
            await contents.ScheduleAsync(saved.ContentItemId, saved.Id, DateTime.UtcNow.AddDays(1), new PublishRequest(PublishSource.Import, "tester", "thử kênh RSS"));
        });
        var client = Client();

        foreach (var url in new[] { "/rss/tin-tuc/hoat-dong-cua-cuc", "/rss/tin-tuc", "/rss" })
        {
            Assert.DoesNotContain("Tin hẹn giờ", await client.GetStringAsync(url), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/tin-tuc", "/rss/tin-tuc")]
    [InlineData("/tin-tuc/chuyen-muc/hoat-dong-cua-cuc", "/rss/tin-tuc/hoat-dong-cua-cuc")]
    [InlineData("/van-ban", "/rss/van-ban")]
    [InlineData("/tinh-hinh-kinh-te-xa-hoi", "/rss/tinh-hinh-kinh-te-xa-hoi")]
    [InlineData("/an-pham", "/rss/an-pham")]
    [InlineData("/hoi-dap", "/rss/hoi-dap")]
    public async Task A_listing_page_advertises_its_feed(string page, string feed)
    {
        var client = await ReaderAsync();

        var html = await client.GetStringAsync(page);

        Assert.Matches($"<link rel=\"alternate\" type=\"application/rss\\+xml\" title=\"[^\"]+\" href=\"{feed}\" />", html);
    }

    [Fact]
    public async Task The_feeds_page_lists_every_area_and_category_feed_and_the_sitemap_links_to_it()
    {
        var client = await ReaderAsync();

        var feeds = await client.GetStringAsync("/kenh-rss");
        var sitemap = await client.GetStringAsync("/so-do-trang");

        foreach (var url in new[] { "/rss", "/rss/tin-tuc", "/rss/tin-tuc/hoat-dong-cua-cuc", "/rss/van-ban/luat", "/rss/tinh-hinh-kinh-te-xa-hoi/quy", "/rss/an-pham", "/rss/hoi-dap" })
        {
            Assert.Contains($"href=\"{url}\"", feeds, StringComparison.Ordinal);
            AssertStatus(HttpStatusCode.OK, await client.GetAsync(url));
        }

        Assert.Contains("href=\"/kenh-rss\"", sitemap, StringComparison.Ordinal);
    }
}
