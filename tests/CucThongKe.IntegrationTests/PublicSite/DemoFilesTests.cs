using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Media;
using CucThongKe.Media.Library;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>The demo's yearbook and a socio-economic report offer real files (issue 15 items 2 and 7), put in the library by
/// the recipe's <c>Media</c> step, which checks each file before storing any.</summary>
/// <remarks>SQLite only; one site for the class, with the demo recipe run once.</remarks>
public sealed class DemoFilesTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private const string Yearbook = "/an-pham/nien-giam-thong-ke-tinh-thai-nguyen-2025";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Task<TestSite> DemoAsync() => DemoSite.SharedAsync(shared);

    [Fact]
    public async Task The_demo_yearbook_lists_its_pdf_and_xlsx_with_format_and_size_and_each_downloads_as_that_file()
    {
        var client = ClientOf(await DemoAsync());
        var page = await client.GetStringAsync(Yearbook);

        var pdf = await DownloadAsync(client, "/tep/an-pham/nien-giam-thong-ke-2025-tom-tat.pdf", "application/pdf");
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", System.Text.Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);
        Assert.Contains("Tải về: Niên giám thống kê tỉnh Thái Nguyên 2025 - bản tóm tắt (PDF)</a>", page, StringComparison.Ordinal);
        Assert.Contains($"(PDF, {MediaFiles.FormatSize(pdf.Length)})", page, StringComparison.Ordinal);

        var xlsx = await DownloadAsync(client, "/tep/an-pham/nien-giam-thong-ke-2025-so-lieu.xlsx", Xlsx);
        Assert.Contains("Tải về: Một số chỉ tiêu chủ yếu giai đoạn 2021 - 2025 (XLSX)</a>", page, StringComparison.Ordinal);
        Assert.Contains($"(XLSX, {MediaFiles.FormatSize(xlsx.Length)})", page, StringComparison.Ordinal);
        // The spreadsheet the step generated, read back by the site's reader.
        var rows = ReadXlsx(xlsx);
        Assert.Contains(rows, r => r.StartsWith("Dân số trung bình (nghìn người),1.323,4,", StringComparison.Ordinal) && r.Contains("1.369,5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_report_shows_the_table_the_step_generated_with_its_downloads()
    {
        var client = ClientOf(await DemoAsync());
        var page = await client.GetStringAsync("/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-8-nam-2026");

        Assert.Contains("Một số chỉ tiêu kinh tế chủ yếu tháng 8 năm 2026", page, StringComparison.Ordinal);
        Assert.Contains("41.650", page, StringComparison.Ordinal);
        var xlsx = await DownloadAsync(client, "/tep/du-lieu/kinh-te-xa-hoi-thang-8-2026.xlsx", Xlsx);
        Assert.Contains(ReadXlsx(xlsx), r => r.StartsWith("Kim ngạch xuất khẩu hàng hóa (triệu USD),3.050,21.900,108,8", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { """{ "Path": "an-pham/tep.pdf", "Base64": "không phải base64!" }""", "$.steps[1].Files[1].Base64", "không phải là base64" },
        { """{ "Path": "an-pham/../../appsettings.pdf", "Base64": "JVBERi0xLjQK" }""", "$.steps[1].Files[1].Path", "không hợp lệ" },
        { """{ "Path": "an-pham/trang.html", "Base64": "PGh0bWw+PC9odG1sPg==" }""", "$.steps[1].Files[1].Path", "không được phép" },
        { """{ "Path": "an-pham/gia.pdf", "Base64": "TVqQAAMAAAAEAAAA" }""", "$.steps[1].Files[1]", "chương trình chạy được" },
        { """{ "Path": "an-pham/lon.pdf", "Base64": "{{big}}" }""", "$.steps[1].Files[1].Base64", "lớn hơn 2 MB" },
        { """{ "Path": "an-pham/bang.pdf", "Table": { "Headers": [ "Chỉ tiêu" ], "Rows": [] } }""", "$.steps[1].Files[1].Table", "chỉ tạo được tệp .xlsx" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_in_the_media_step_is_a_clear_recipe_error_and_nothing_is_stored(string file, string path, string reason)
    {
        var site = await DemoAsync();
        var before = await DatabaseSnapshot.TakeAsync(site);
        var stored = await StoredAsync(site);
        // A good file first: the bad one after it must leave the library as it was, the good one included.
        var files = $$"""{ "Path": "an-pham/hop-le.pdf", "Base64": "JVBERi0xLjQKJSVFT0YK" }, {{file.Replace("{{big}}", new string('A', (3 * 1024 * 1024) + 4), StringComparison.Ordinal)}}""";
        var json = $$"""{ "name": "sai", "steps": [ { "name": "Settings", "Site": { "SiteName": "Tên đã đổi" } }, { "name": "Media", "Files": [ {{files}} ] } ] }""";

        var error = await Assert.ThrowsAsync<RecipeException>(() => site.WithScopeAsync(s =>
            s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDocument.Parse("sai.recipe.json", json), TestDataRun)));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(site);
        Assert.Equal(stored, await StoredAsync(site));
    }

    [Fact]
    public async Task A_recipe_uploaded_in_the_back_office_cannot_replace_a_file_of_the_library()
    {
        var site = await DemoAsync();
        var before = await DatabaseSnapshot.TakeAsync(site);
        var stored = await StoredAsync(site);
        var json = """{ "name": "thay-tep", "steps": [ { "name": "Media", "Files": [ { "Path": "an-pham/nien-giam-thong-ke-2025-tom-tat.pdf", "Base64": "JVBERi0xLjQKJSVFT0YK" } ] } ] }""";

        var error = await Assert.ThrowsAsync<RecipeException>(() => site.WithScopeAsync(s =>
            s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDocument.Parse("thay-tep.recipe.json", json), RecipeRunOptions.BackOffice(TestSite.AdminUserName))));

        Assert.Equal("$.steps[0].Files[0].Path", error.JsonPath);
        Assert.Contains("thư viện đã có tệp", error.Reason, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(site);
        Assert.Equal(stored, await StoredAsync(site));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string> ReadXlsx(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "demo-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllBytes(path, content);
        try
        {
            var table = StatTableReader.Read(path, "niên giám");
            return [string.Join(',', table.Headers), .. table.Rows.Select(r => string.Join(',', r))];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<List<string>> StoredAsync(TestSite site) => site.WithScopeAsync(async s =>
    {
        var list = new List<string>();
        await foreach (var (path, size) in s.GetRequiredService<IMediaStore>().ListAsync(CancellationToken.None))
        {
            list.Add($"{path} {size}");
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    });
}
