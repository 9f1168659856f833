using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// A published change evicts the page cache after its commit: a reader who fetches the page while the change is still
/// being saved gets (and may cache) the old page, and the first request after the save gets the new one.
/// </summary>
// SQLite only: the database does not matter to the HTTP page cache.
public sealed class PageEvictionAfterCommitTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private const string NewsPath = "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026";

    private readonly ReaderDuringTheSave _reader = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_reader);
        services.AddContentHandler<ReadsThePageDuringTheSave>();
    }

    [Fact]
    public async Task A_page_read_while_a_change_is_saved_is_not_served_once_the_change_is_committed()
    {
        await PublicSiteTests.WriteFilesAsync(Site.DataPath);
        await RunRecipeAsync("public-site.recipe.json");
        var client = Client();
        string? during = null;
        var cachedDuring = false;
        _reader.Read = async () =>
        {
            during = await (await client.GetAsync(NewsPath)).Content.ReadAsStringAsync();
            cachedDuring = (await client.GetAsync(NewsPath)).Headers.Age is not null;
        };

        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var current = (await contents.GetByPathAsync(NewsPath.TrimStart('/')))!;
            var next = current.CloneAsNewVersion();
            next.Content["TitlePart"] = new JsonObject { ["Title"] = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026 (lần ba)" };
            var saved = await contents.SaveDraftAsync(next, current.Version);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử xoá bộ nhớ đệm sau khi lưu"));
        });
        var first = await client.GetAsync(NewsPath);
        var second = await client.GetAsync(NewsPath);

        // Read inside the transaction, before the commit: the old title, in a page the cache kept until the commit evicted it.
        Assert.NotNull(during);
        Assert.DoesNotContain("(lần ba)", during, StringComparison.Ordinal);
        Assert.True(cachedDuring);
        Assert.Null(first.Headers.Age);
        Assert.Contains("(lần ba)", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(second.Headers.Age);
        Assert.Contains("(lần ba)", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class ReaderDuringTheSave
    {
        public Func<Task>? Read { get; set; }
    }

    /// <summary>Fetches the page inside the publication's transaction, before its commit, as a reader could at that moment.</summary>
    private sealed class ReadsThePageDuringTheSave(ReaderDuringTheSave reader) : IContentHandler
    {
        public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => reader.Read?.Invoke() ?? Task.CompletedTask;
    }
}
