using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Search.Indexing;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Search;

/// <summary>Search through the real site: the index follows the indexing-task log; run on SQLite and on PostgreSQL.</summary>
/// <remarks>The hostile and wrong queries only read a set-up site with nothing published: they share the class's site
/// (<see cref="SharedSite"/>); the tests that publish, index or restart keep a site each.</remarks>
public abstract class SearchTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    /// <summary>
    /// The approval chain refuses to publish a confidential document; search must still hide one that is published
    /// (data from an older version or another path), so these sites run without that guard.
    /// </summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
        foreach (var guard in services.Where(d => d.ImplementationType?.Name == "ConfidentialDocumentGuard").ToList())
        {
            services.Remove(guard);
        }
    }

    /// <summary>The longest wait for asynchronous indexing (the promise is 2 s; the margin is for a busy test machine).</summary>
    private static readonly TimeSpan IndexingWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_published_page_is_found_without_diacritics_through_the_api_with_the_citation_line()
    {
        var id = await PublishPageAsync(Site, "Tình hình kinh tế - xã hội tháng 10 năm 2024", "<p>Chỉ số sản xuất <b>công nghiệp</b> tăng 8,5% so với cùng kỳ.</p>");

        var found = await WaitForSearchAsync(Site, "kinh te xa hoi", json => Ids(json).Contains(id));

        var hit = found["hits"]!.AsArray().Single()!;
        Assert.Equal("Tình hình kinh tế - xã hội tháng 10 năm 2024", hit["title"]!.GetValue<string>());
        Assert.Equal("/gioi-thieu/tinh-hinh-kinh-te-xa-hoi-thang-10-nam-2024", hit["url"]!.GetValue<string>());
        Assert.Equal("Page", hit["type"]!.GetValue<string>());
        Assert.Equal("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", found["citation"]!.GetValue<string>());
        var industry = await SearchAsync(Client(), "cong nghiep");
        Assert.Contains("<mark>công</mark> <mark>nghiệp</mark>", industry["hits"]![0]!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_or_removed_item_disappears_from_search()
    {
        var first = await PublishPageAsync(Site, "Niên giám thống kê tỉnh Thái Nguyên 2023", "<p>Số liệu niên giám.</p>");
        var second = await PublishPageAsync(Site, "Niên giám thống kê tóm tắt 2023", "<p>Bản tóm tắt niên giám.</p>");
        await WaitForSearchAsync(Site, "nien giam", json => Ids(json).Contains(first) && Ids(json).Contains(second));

        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(first));
        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().RemoveAsync(second));

        var after = await WaitForSearchAsync(Site, "niên giám", json => !Ids(json).Contains(first) && !Ids(json).Contains(second));
        Assert.Equal(0, after["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_is_never_in_the_public_index()
    {
        var draft = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Dự thảo báo cáo điều tra lao động việc làm" };
            return (await contents.CreateAsync(item)).ContentItemId;
        });

        await WaitForIndexToCatchUpAsync(Site);

        var json = await SearchAsync(Client(), "dieu tra lao dong");
        Assert.DoesNotContain(draft, Ids(json));
    }

    [Fact]
    public async Task A_scheduled_item_is_found_only_after_its_release_time()
    {
        var id = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Lịch phổ biến thông tin thống kê năm 2025" };
            var saved = await contents.CreateAsync(item);
            await contents.ScheduleAsync(saved.ContentItemId, saved.Id, DateTime.UtcNow.AddSeconds(3), new PublishRequest(PublishSource.Direct, "tester"));
            return saved.ContentItemId;
        });
        await WaitForIndexToCatchUpAsync(Site);

        var before = await SearchAsync(Client(), "lich pho bien");
        var after = await WaitForSearchAsync(Site, "lich pho bien", json => Ids(json).Contains(id), TimeSpan.FromSeconds(20));

        Assert.DoesNotContain(id, Ids(before));
        Assert.Contains(id, Ids(after));
    }

    [Fact]
    public async Task A_confidential_legal_document_is_never_found_while_a_public_one_is()
    {
        var confidential = await PublishLegalDocumentAsync("Quyết định về công tác bảo vệ bí mật nhà nước", "215/QĐ-CTK", confidential: true);
        var open = await PublishLegalDocumentAsync("Quyết định ban hành Quy chế quản lý Trang thông tin điện tử", "181/QĐ-CTK", confidential: false);

        var found = await WaitForSearchAsync(Site, "quyet dinh", json => Ids(json).Contains(open));
        var byNumber = await SearchAsync(Client(), "215/QĐ-CTK");

        Assert.DoesNotContain(confidential, Ids(found));
        Assert.DoesNotContain(confidential, Ids(byNumber));
        foreach (var spelling in new[] { "181/QĐ-CTK", "181/qd-ctk", "181 QĐ CTK" })
        {
            Assert.Equal([open], Ids(await SearchAsync(Client(), spelling)));
        }
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "*",
        "\"kinh tế",
        "kinh AND (tế OR",
        "title:[a TO z]~2^3\\",
        "'; DROP TABLE \"ContentItems\"; --",
        "\u0001\u0002\u001f\u007f",
        "%00%ff",
        new string('a', 10_000),
        string.Concat(Enumerable.Repeat("thống kê ", 1200)),
        "<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_answers_200_on_the_api_and_the_page(string query)
    {
        var client = await shared.ClientAsync(Provider);
        var encoded = Uri.EscapeDataString(query);

        var api = await client.GetAsync("/api/search?q=" + encoded);
        var page = await client.GetAsync("/tim-kiem?q=" + encoded);

        AssertStatus(HttpStatusCode.OK, api);
        AssertStatus(HttpStatusCode.OK, page);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        var total = JsonNode.Parse(await api.Content.ReadAsStringAsync())!["total"]!.GetValue<int>();
        Assert.Equal(0, total);
        if (query.All(char.IsControl))
        {
            // Control characters are dropped on the way in (TextNormalizer): what is left is an empty search, answered with the form alone.
            Assert.Contains("<form method=\"get\" action=\"/tim-kiem\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"results", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Không tìm thấy kết quả", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_filter_values_are_ignored_on_the_page_and_refused_clearly_on_the_api()
    {
        var client = await shared.ClientAsync(Provider);

        var page = await client.GetAsync("/tim-kiem?q=kinh+te&type=KhongCo&year=abc&page=-5&sort=xyz");
        var api = await client.GetAsync("/api/search?q=kinh+te&page=abc");

        AssertStatus(HttpStatusCode.OK, page);
        AssertStatus(HttpStatusCode.BadRequest, api);
    }

    [Fact]
    public async Task The_search_page_shows_highlighted_results_facets_and_filters_without_javascript()
    {
        var page = await PublishPageAsync(Site, "Dân số tỉnh Thái Nguyên năm 2024", "<p>Dân số trung bình đạt 1,3 triệu người.</p>");
        var news = await PublishNewsAsync("Hội nghị triển khai Tổng điều tra dân số", "<p>Tổng điều tra dân số và nhà ở.</p>");
        await WaitForSearchAsync(Site, "dan so", json => Ids(json).Contains(page) && Ids(json).Contains(news));
        var client = Client();

        var all = await client.GetStringAsync("/tim-kiem?q=dan+so");
        var filtered = await client.GetStringAsync("/tim-kiem?q=dan+so&type=News");

        Assert.Contains("Tìm thấy 2 kết quả", all, StringComparison.Ordinal);
        Assert.Contains("<mark>Dân</mark> <mark>số</mark>", all, StringComparison.Ordinal);
        Assert.Contains("Tin tức (1)", all, StringComparison.Ordinal);
        Assert.Contains("Trang giới thiệu (1)", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/tim-kiem?q=dan%20so&amp;type=News\"", all, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 kết quả", filtered, StringComparison.Ordinal);
        Assert.Contains("Hội nghị triển khai Tổng điều tra dân số", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Dân số tỉnh Thái Nguyên năm 2024</a>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rebuild_verb_builds_a_new_folder_and_search_keeps_answering()
    {
        var id = await PublishPageAsync(Site, "Chỉ số giá tiêu dùng tháng 9", "<p>CPI tăng 0,3%.</p>");
        await WaitForSearchAsync(Site, "chi so gia", json => Ids(json).Contains(id));
        var store = Site.Services.GetRequiredService<SearchIndexStore>();
        var before = store.CurrentFolder;
        var output = new StringWriter();

        var code = await CmsCommands.RunAsync(Site.Services, ["search", "rebuild"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("Xong", output.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(before, store.CurrentFolder);
        Assert.False(Directory.Exists(Path.Combine(store.Root, before!)));
        Assert.Contains(id, Ids(await SearchAsync(Client(), "chi so gia")));
        Assert.Equal(2, await CmsCommands.RunAsync(Site.Services, ["search", "xoa-het"], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task The_back_office_rebuild_needs_the_permission_and_swaps_the_index()
    {
        var anonymous = await Client().GetAsync("/admin/search");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        var store = Site.Services.GetRequiredService<SearchIndexStore>();
        await WaitForIndexToCatchUpAsync(Site);
        var before = store.CurrentFolder;

        var token = await AntiforgeryTokenAsync(client, "/admin/search");
        var noToken = await client.PostAsync("/admin/search?handler=Rebuild", new FormUrlEncodedContent([]));
        var rebuild = await client.PostAsync("/admin/search?handler=Rebuild", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        AssertStatus(HttpStatusCode.BadRequest, noToken);
        AssertStatus(HttpStatusCode.Redirect, rebuild);
        await WaitUntilAsync(() => Task.FromResult(store.CurrentFolder != before), IndexingWait);
        var status = await client.GetStringAsync("/admin/search");
        Assert.Contains("Chỉ mục tìm kiếm", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_finds_what_the_first_published_and_catches_up_after_a_restart()
    {
        var nodeFolder = Path.Combine(Path.GetTempPath(), "cucthongke-tests", "node-" + Guid.NewGuid().ToString("N"));
        try
        {
            string folderBefore;
            var first = await PublishPageAsync(Site, "Kết quả điều tra doanh nghiệp năm 2024", "<p>Số doanh nghiệp đang hoạt động.</p>");
            using (var node = new TestSite(Provider, dataPath: nodeFolder, sharedConnectionString: Site.SharedConnectionString))
            {
                await WaitForSearchAsync(node, "doanh nghiep", json => Ids(json).Contains(first));
                var published = await PublishPageAsync(node, "Thông cáo báo chí về thủy sản quý III", "<p>Sản lượng thủy sản tăng.</p>");
                await WaitForSearchAsync(Site, "thuỷ sản", json => Ids(json).Contains(published));
                folderBefore = node.Services.GetRequiredService<SearchIndexStore>().CurrentFolder!;
            }

            // While the node is down, the first node changes things.
            var missed = await PublishPageAsync(Site, "Báo cáo nhanh tình hình lao động việc làm", "<p>Tỷ lệ thất nghiệp giảm.</p>");
            await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(first));

            using var restarted = new TestSite(Provider, dataPath: nodeFolder, sharedConnectionString: Site.SharedConnectionString);
            await WaitForSearchAsync(restarted, "lao dong viec lam", json => Ids(json).Contains(missed));
            await WaitForSearchAsync(restarted, "doanh nghiep", json => !Ids(json).Contains(first));
            Assert.Equal(folderBefore, restarted.Services.GetRequiredService<SearchIndexStore>().CurrentFolder);
        }
        finally
        {
            try
            {
                TestFolders.Delete(nodeFolder);
            }
            catch (IOException)
            {
                // Cleaned with the temp folder.
            }
        }
    }

    [Fact]
    public async Task The_text_of_an_attached_pdf_is_found_and_a_missing_file_is_skipped_quietly()
    {
        var media = Path.Combine(Site.DataPath, "media", "van-ban");
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, "qd-bao-mat.pdf"), PdfWithText("Quy che bao mat so lieu dieu tra doanh nghiep"));

        var withFile = await PublishLegalDocumentAsync("Quyết định số 90/QĐ-CTK", "90/QĐ-CTK", confidential: false, attachment: "van-ban/qd-bao-mat.pdf");
        var missingFile = await PublishLegalDocumentAsync("Quyết định số 91/QĐ-CTK", "91/QĐ-CTK", confidential: false, attachment: "van-ban/khong-co.pdf");

        var found = await WaitForSearchAsync(Site, "bảo mật số liệu", json => Ids(json).Contains(withFile));
        var byTitle = await WaitForSearchAsync(Site, "91/QĐ-CTK", json => Ids(json).Contains(missingFile));

        Assert.Equal([withFile], Ids(found));
        Assert.Equal([missingFile], Ids(byTitle));
    }

    [Fact]
    public async Task Words_inside_attached_docx_and_xlsx_files_are_found_and_a_broken_file_is_skipped()
    {
        var media = Path.Combine(Site.DataPath, "media", "van-ban");
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, "huong-dan.docx"), OfficeFiles.Docx("Hướng dẫn thu thập thông tin về hợp tác xã nông nghiệp", "Phiếu điều tra áp dụng từ ngày 01/7/2025."));
        await File.WriteAllBytesAsync(Path.Combine(media, "bieu-mau.xlsx"), OfficeFiles.Xlsx(["Biểu số 05: Diện tích chè hái búp"], "Đơn vị tính: héc-ta"));
        await File.WriteAllBytesAsync(Path.Combine(media, "hong.docx"), OfficeFiles.Zip(("word/document.xml", "<w:document><w:body><w:p><w:t>hợp tác xã")));

        var word = await PublishLegalDocumentAsync("Công văn số 12/CTK-TKNN", "12/CTK-TKNN", confidential: false, attachment: "van-ban/huong-dan.docx");
        var excel = await PublishLegalDocumentAsync("Công văn số 13/CTK-TKNN", "13/CTK-TKNN", confidential: false, attachment: "van-ban/bieu-mau.xlsx");
        var broken = await PublishLegalDocumentAsync("Công văn số 14/CTK-TKNN", "14/CTK-TKNN", confidential: false, attachment: "van-ban/hong.docx");

        var byWordText = await WaitForSearchAsync(Site, "hop tac xa nong nghiep", json => Ids(json).Contains(word));
        var byExcelText = await WaitForSearchAsync(Site, "diện tích chè hái búp", json => Ids(json).Contains(excel));
        var brokenByTitle = await WaitForSearchAsync(Site, "14/CTK-TKNN", json => Ids(json).Contains(broken));

        Assert.Equal([word], Ids(byWordText));
        Assert.Equal([excel], Ids(byExcelText));
        Assert.Equal([broken], Ids(brokenByTitle));
    }

    [Fact]
    public async Task The_search_index_recipe_step_limits_the_indexed_types_and_refuses_unknown_ones()
    {
        var bad = await Assert.ThrowsAsync<Core.Recipes.RecipeException>(() => RunRecipeAsync("search-index-unknown-type.recipe.json"));
        await RunRecipeAsync("search-index-news-only.recipe.json");

        var page = await PublishPageAsync(Site, "Giới thiệu chức năng nhiệm vụ của Cục", "<p>Chức năng, nhiệm vụ.</p>");
        var news = await PublishNewsAsync("Cục tổ chức hội nghị về chức năng nhiệm vụ", "<p>Hội nghị.</p>");
        var found = await WaitForSearchAsync(Site, "chuc nang nhiem vu", json => Ids(json).Contains(news));
        await WaitForIndexToCatchUpAsync(Site);

        Assert.Contains("KhongCoLoaiNay", bad.Message, StringComparison.Ordinal);
        Assert.Equal([news], Ids(await SearchAsync(Client(), "chuc nang nhiem vu")));
        Assert.DoesNotContain(page, Ids(found));
    }

    private static byte[] PdfWithText(string text)
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        return builder.Build();
    }

    private static List<string> Ids(JsonObject json) => [.. json["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>())];

    private static async Task<JsonObject> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        AssertStatus(HttpStatusCode.OK, response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Searches until <paramref name="done"/> holds, at most <paramref name="timeout"/>; returns the last answer.</summary>
    private static async Task<JsonObject> WaitForSearchAsync(TestSite site, string query, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        var client = site.CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? IndexingWait);
        var json = await SearchAsync(client, query);
        while (!done(json))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Search for '{query}' did not reach the expected state in time: {json.ToJsonString()}");
            await Task.Delay(100);
            json = await SearchAsync(client, query);
        }

        return json;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the node's index has applied every task in the log (so "not found" means something).</summary>
    internal static async Task WaitForIndexToCatchUpAsync(TestSite site)
    {
        var last = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<IndexingTask>().MaxAsync(t => (long?)t.Id)) ?? 0;
        var store = site.Services.GetRequiredService<SearchIndexStore>();
        await WaitUntilAsync(() => Task.FromResult(store.IsOpen && store.Cursor >= last), IndexingWait);
    }

    private static Task<string> PublishPageAsync(TestSite site, string title, string html) => site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("Page");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, "tester"));
        return saved.ContentItemId;
    });

    private Task<string> PublishNewsAsync(string title, string html) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("News");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } };
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "Nhập từ trang cũ (kiểm thử)"));
        return saved.ContentItemId;
    });

    private Task<string> PublishLegalDocumentAsync(string title, string number, bool confidential, string? attachment = null) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("LegalDocument");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["LegalDocument"] = new JsonObject
        {
            ["Number"] = new JsonObject { ["Text"] = number },
            ["DocumentType"] = new JsonObject { ["TermIds"] = new JsonArray("quyet-dinh") },
            ["IssuingBody"] = new JsonObject { ["Text"] = "Cục Thống kê tỉnh Thái Nguyên" },
            ["IssueDate"] = new JsonObject { ["Value"] = "2024-05-20" },
            ["Confidential"] = new JsonObject { ["Value"] = confidential },
        };
        if (attachment is not null)
        {
            item.Content["LegalDocument"]!["Files"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = attachment, ["Title"] = "Toàn văn" }) };
        }

        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "Nhập từ trang cũ (kiểm thử)"));
        return saved.ContentItemId;
    });
}

public sealed class SqliteSearchTests(SharedSite shared) : SearchTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

public sealed class PostgresSearchTests(SharedSite shared) : SearchTests(DatabaseProvider.Postgres, shared), IClassFixture<SharedSite>;
