using System.Text.Json.Nodes;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Search.Indexing;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>A reader in a real browser: searches without diacritics, narrows by a facet, opens a result.</summary>
public sealed class ReaderSearchTests : LiveSiteTest
{
    private const string NewsTitle = "Hội nghị triển khai công tác thống kê dân số năm 2026";
    private const string PageTitle = "Thống kê dân số và lao động tỉnh Thái Nguyên";

    [Fact]
    public async Task A_reader_searches_without_diacritics_filters_by_type_and_opens_the_news_item()
    {
        await PublishAsync("Page", PageTitle, "<p>Dân số trung bình năm 2025 ước đạt 1,34 triệu người.</p>");
        await PublishAsync("News", NewsTitle, "<p>Cục Thống kê tổ chức hội nghị về thống kê dân số.</p>", news => news.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } });
        await WaitForIndexAsync();
        var page = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var search = new SearchPage(page, Site.BaseUrl);

        await search.OpenAsync();
        await search.SearchAsync("thong ke dan so");

        await Assertions.Expect(search.Count).ToHaveTextAsync("Tìm thấy 2 kết quả cho “thong ke dan so”.");
        await Assertions.Expect(page.Locator(".results mark").First).ToBeVisibleAsync();
        var violations = await Browsers.SeriousViolationsAsync(page);

        await search.FilterAsync("Tin tức (1)");
        await Assertions.Expect(search.Count).ToHaveTextAsync("Tìm thấy 1 kết quả cho “thong ke dan so”.");
        await Assertions.Expect(search.ResultTitles).ToHaveTextAsync([NewsTitle]);

        await search.OpenResultAsync(NewsTitle);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = NewsTitle, Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("/tim-kiem", page.Url, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private async Task PublishAsync(string type, string title, string html, Action<ContentItem>? fill = null)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync(type);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        fill?.Invoke(item);
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "Nhập từ trang cũ (kiểm thử)"));
    }

    /// <summary>Until this node's index has applied every task in the log (the promise is 2 seconds).</summary>
    private async Task WaitForIndexAsync()
    {
        long last;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            last = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Set<IndexingTask>().MaxAsync(t => (long?)t.Id) ?? 0;
        }

        var store = Site.Services.GetRequiredService<SearchIndexStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(store.IsOpen && store.Cursor >= last))
        {
            Assert.True(DateTime.UtcNow < deadline, "The search index did not apply the published items in time.");
            await Task.Delay(100);
        }
    }
}
