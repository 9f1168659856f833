using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// Open data (issue 15 item 4) on one arranged site: the catalogue and dataset pages (formats, licence, citation,
/// schema.org Dataset), the JSON API's paging, refusals, CORS and caching headers, the OpenAPI description checked against
/// the real routes, and reports and indicators linked both ways. Every test only reads.
/// </summary>
public sealed partial class OpenDataTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private async Task<(HttpClient Client, OpenDataArrangement.Ids Ids)> ArrangedAsync()
    {
        var (site, ids) = await shared.GetAsync<OpenDataArrangement.Ids>(Provider, site => OpenDataArrangement.ArrangeAsync(site, TimeProvider.System.GetUtcNow().UtcDateTime));
        return (ClientOf(site), ids);
    }

    [Fact]
    public async Task The_catalogue_lists_every_released_dataset_with_formats_licence_citation_and_a_dataset_page_with_schema_org_metadata()
    {
        var (client, ids) = await ArrangedAsync();

        var catalogue = await TextAsync(client, "/du-lieu-mo");
        var second = await TextAsync(client, "/du-lieu-mo?trang=2");
        var page = await TextAsync(client, "/du-lieu-mo/chi-so-cpi");
        var table = await TextAsync(client, $"/du-lieu-mo/bang-{ids.Released}-0");

        Assert.Contains("<a href=\"/du-lieu-mo/chi-so-cpi\">Chỉ số giá tiêu dùng", catalogue, StringComparison.Ordinal);
        Assert.Contains("Định dạng: CSV, XLSX, JSON", catalogue, StringComparison.Ordinal);
        Assert.Contains("Tự do sử dụng lại, bắt buộc ghi nguồn.", catalogue, StringComparison.Ordinal);
        Assert.Contains("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", catalogue, StringComparison.Ordinal);
        // The released report's table is a dataset, on one page or the next; the report whose release is to come has none.
        Assert.Contains($"href=\"/du-lieu-mo/bang-{ids.Released}-0\">Giá cả tháng 10", catalogue + second, StringComparison.Ordinal);
        Assert.DoesNotContain(ids.Ahead, catalogue + second, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync($"/du-lieu-mo/bang-{ids.Ahead}-0"));
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync($"/bang-so-lieu/{ids.Ahead}/0/csv"));
        AssertStatus(HttpStatusCode.OK, await client.GetAsync($"/bang-so-lieu/{ids.Released}/0/csv"));
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync("/du-lieu-mo/chi-so-khong-co"));
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync($"/du-lieu-mo/bang-{ids.Released}-7"));
        AssertStatus(HttpStatusCode.BadRequest, await client.GetAsync("/du-lieu-mo?trang=abc"));

        // The dataset page: its downloads, licence, citation; the released months only.
        Assert.Contains("href=\"/chi-so/cpi/tai-ve/xlsx\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/data/indicators/cpi\"", page, StringComparison.Ordinal);
        Assert.Contains("Tháng 9/2026 - Tháng 10/2026", page, StringComparison.Ordinal);
        Assert.Contains("<q class=\"citation\">Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên</q>", page, StringComparison.Ordinal);
        var jsonLd = JsonNode.Parse(JsonLd().Match(page).Groups[1].Value)!;
        Assert.Equal("Dataset", (string?)jsonLd["@type"]);
        Assert.Equal("https://schema.org", (string?)jsonLd["@context"]);
        Assert.StartsWith("Chỉ số giá tiêu dùng", (string?)jsonLd["name"], StringComparison.Ordinal);
        Assert.EndsWith("/du-lieu-mo/chi-so-cpi", (string?)jsonLd["url"], StringComparison.Ordinal);
        Assert.EndsWith("/du-lieu-mo#giay-phep", (string?)jsonLd["license"], StringComparison.Ordinal);
        Assert.Equal("2026-09/2026-10", (string?)jsonLd["temporalCoverage"]);
        Assert.Contains(jsonLd["distribution"]!.AsArray(), d => (string?)d!["encodingFormat"] == "text/csv" && ((string?)d["contentUrl"])!.EndsWith("/chi-so/cpi/tai-ve/csv", StringComparison.Ordinal));
        Assert.Contains("Cục Thống kê", (string?)jsonLd["creditText"], StringComparison.Ordinal);
        Assert.Contains("href=\"/bang-so-lieu/" + ids.Released + "/0/csv\"", table, StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"Dataset\"", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_pages_its_list_refuses_bad_paging_and_unknown_codes_in_json_and_gives_released_values_with_revisions()
    {
        var (client, _) = await ArrangedAsync();

        var list = await client.GetAsync("/api/data/indicators?page=1&pageSize=2");
        var detail = await client.GetAsync("/api/data/indicators/cpi");
        var bad = new[] { "page=abc", "page=0", "page=-1", "pageSize=0", "pageSize=101", "pageSize=100000000000", "page=1.5" };

        AssertStatus(HttpStatusCode.OK, list);
        using (var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal(2, root.GetProperty("pageSize").GetInt32());
            Assert.Equal(2, root.GetProperty("items").GetArrayLength());
            Assert.True(root.GetProperty("total").GetInt32() > 2);
            Assert.Equal((root.GetProperty("total").GetInt32() + 1) / 2, root.GetProperty("pageCount").GetInt32());
            Assert.Contains("Cục Thống kê tỉnh Thái Nguyên", root.GetProperty("citation").GetString(), StringComparison.Ordinal);
        }

        foreach (var query in bad)
        {
            var response = await client.GetAsync("/api/data/indicators?" + query);
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Tham số phân trang không hợp lệ", (string?)problem["title"]);
            Assert.Contains(query.StartsWith("page=", StringComparison.Ordinal) ? "'page'" : "'pageSize'", (string?)problem["detail"], StringComparison.Ordinal);
        }

        var unknown = await client.GetAsync("/api/data/indicators/khong-co");
        AssertStatus(HttpStatusCode.NotFound, unknown);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có chỉ số mã 'khong-co'", (string?)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync("/api/data/indicators/" + new string('x', 5000)));

        // Only released values: September and October's first figure, not the revision nor November to come.
        AssertStatus(HttpStatusCode.OK, detail);
        var indicator = JsonNode.Parse(await detail.Content.ReadAsStringAsync())!;
        Assert.Equal("cpi", (string?)indicator["code"]);
        Assert.Equal("month", (string?)indicator["frequency"]);
        Assert.Equal(["2026-M09", "2026-M10"], indicator["values"]!.AsArray().Select(v => (string?)v!["period"]));
        Assert.Equal(103.52m, (decimal)indicator["values"]![1]!["value"]!);
        Assert.Equal("preliminary", (string?)indicator["values"]![1]!["status"]);
        Assert.False((bool)indicator["values"]![1]!["revised"]!);
        Assert.Equal("Chỉ số giá tiêu dùng tháng 11", (string?)indicator["nextRelease"]!["title"]);
        Assert.DoesNotContain("104.87", indicator.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("103.55", indicator.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_allows_cross_site_get_without_credentials_and_answers_304_to_a_matching_etag()
    {
        var (client, _) = await ArrangedAsync();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/data/indicators/cpi");
        preflight.Headers.Add("Origin", "https://du-lieu.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var allowed = await client.SendAsync(preflight);
        using var postPreflight = new HttpRequestMessage(HttpMethod.Options, "/api/data/indicators/cpi");
        postPreflight.Headers.Add("Origin", "https://du-lieu.example");
        postPreflight.Headers.Add("Access-Control-Request-Method", "POST");
        var refused = await client.SendAsync(postPreflight);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/data/indicators/cpi");
        get.Headers.Add("Origin", "https://du-lieu.example");
        var first = await client.SendAsync(get);

        Assert.True(allowed.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"Preflight: {allowed.StatusCode}");
        Assert.Equal("*", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(allowed, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.DoesNotContain("POST", Header(allowed, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
        Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
        AssertStatus(HttpStatusCode.OK, first);
        Assert.Equal("*", Header(first, "Access-Control-Allow-Origin"));
        Assert.Null(Header(first, "Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", Header(first, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(first.Headers.ETag);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {first.Headers.CacheControl}");
        // The API only reads: a POST is refused, not a server error.
        var post = (int)(await client.PostAsync("/api/data/indicators/cpi", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode;
        Assert.True(post is >= 400 and < 500, $"POST: {post}");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/data/indicators/cpi");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/data/indicators/grdp");
        other.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var changed = await client.SendAsync(other);
        using var listAgain = new HttpRequestMessage(HttpMethod.Get, "/api/data/indicators");
        listAgain.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        AssertStatus(HttpStatusCode.NotModified, notModified);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        AssertStatus(HttpStatusCode.OK, changed);
        AssertStatus(HttpStatusCode.OK, await client.SendAsync(listAgain));
    }

    [Fact]
    public async Task The_openapi_description_names_the_public_api_and_each_of_its_paths_is_a_real_route()
    {
        var (client, _) = await ArrangedAsync();

        var response = await client.GetAsync("/api/openapi.json");
        AssertStatus(HttpStatusCode.OK, response);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.StartsWith("3.", (string?)document["openapi"], StringComparison.Ordinal);
        Assert.Contains("Cục Thống kê tỉnh Thái Nguyên", (string?)document["info"]!["title"], StringComparison.Ordinal);
        Assert.Equal(["/api/data/indicators", "/api/data/indicators/{code}", "/api/search"], paths.Order(StringComparer.Ordinal));
        Assert.All(paths, p => Assert.NotNull(document["paths"]![p]!["get"]));
        Assert.DoesNotContain(document.ToJsonString(), "/api/content", StringComparison.Ordinal);
        Assert.Contains(document["paths"]!["/api/data/indicators"]!["get"]!["parameters"]!.AsArray(), p => (string?)p!["name"] == "pageSize" && (string?)p["in"] == "query");
        Assert.NotNull(document["components"]!["schemas"]!["DataIndicator"]);
        foreach (var path in paths)
        {
            AssertStatus(HttpStatusCode.OK, await client.GetAsync(path.Replace("{code}", "cpi", StringComparison.Ordinal) + (path == "/api/search" ? "?q=gi%C3%A1" : "")));
        }
    }

    [Fact]
    public async Task A_report_links_the_indicators_it_carries_and_an_indicator_lists_its_released_reports()
    {
        var (client, ids) = await ArrangedAsync();

        var report = await TextAsync(client, ids.ReleasedPath);
        var ahead = await TextAsync(client, ids.AheadPath);
        var indicator = await TextAsync(client, "/chi-so/cpi");

        Assert.Contains("<h2>Chỉ số trong báo cáo</h2>", report, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chi-so/cpi\">Chỉ số giá tiêu dùng", report, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chi-so/iip\">", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Chỉ số trong báo cáo", ahead, StringComparison.Ordinal);
        // The report published ahead of its release shows its table only when the release is out.
        Assert.Contains("<caption>Giá cả tháng 10</caption>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<caption>Giá cả tháng 11</caption>", ahead, StringComparison.Ordinal);
        Assert.Contains("Bảng số liệu của báo cáo sẽ có khi đến thời gian công bố", ahead, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ids.ReleasedPath}\">Giá cả tháng 10 năm 2026</a> (Tháng 10/2026)", indicator, StringComparison.Ordinal);
        Assert.DoesNotContain(ids.AheadPath, indicator, StringComparison.Ordinal);
        Assert.Contains("href=\"/du-lieu-mo/chi-so-cpi\"", indicator, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        AssertStatus(HttpStatusCode.OK, response);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\"[^>]*>(.+?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}

/// <summary>
/// The embargo across open data with a shifted clock: before the release's planned time nothing of it is in the API, the
/// catalogue, the dataset page nor the table downloads (its report published ahead of time by a slip); when the time comes,
/// all of it is, with the revision it brought, and the old ETag no longer matches.
/// </summary>
public sealed class OpenDataEmbargoTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private readonly ShiftedClock _clock = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    /// <summary>The rule, not the page cache (which keeps a page up to its lifetime late, never early: see the module's README).</summary>
    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string> { ["Cms:PublicSite:OutputCache"] = "false" };

    [Fact]
    public async Task Nothing_of_a_release_is_in_the_open_data_before_its_time_and_all_of_it_after()
    {
        var ids = await OpenDataArrangement.ArrangeAsync(Site, _clock.GetUtcNow().UtcDateTime);
        var client = Client();

        var api = await client.GetAsync("/api/data/indicators/cpi");
        var etag = api.Headers.ETag!;
        Assert.DoesNotContain("2026-M11", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("104.87", await client.GetStringAsync("/chi-so/cpi/tai-ve/json"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng 11/2026", await client.GetStringAsync("/du-lieu-mo/chi-so-cpi"), StringComparison.Ordinal);
        Assert.DoesNotContain(ids.Ahead, await client.GetStringAsync("/du-lieu-mo?trang=2") + await client.GetStringAsync("/du-lieu-mo"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync($"/bang-so-lieu/{ids.Ahead}/0/xlsx"));
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync($"/du-lieu-mo/bang-{ids.Ahead}-0"));
        Assert.DoesNotContain("<caption>Giá cả tháng 11</caption>", await client.GetStringAsync(ids.AheadPath), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/data/indicators/cpi");
        again.Headers.IfNoneMatch.Add(etag);
        var released = await client.SendAsync(again);
        AssertStatus(HttpStatusCode.OK, released);
        var values = JsonNode.Parse(await released.Content.ReadAsStringAsync())!["values"]!.AsArray();
        Assert.Equal(["2026-M09", "2026-M10", "2026-M11"], values.Select(v => (string?)v!["period"]));
        Assert.Equal(104.87m, (decimal)values[2]!["value"]!);
        // October's revision: the new value, marked revised, with the value readers saw before.
        Assert.Equal(103.55m, (decimal)values[1]!["value"]!);
        Assert.Equal("revised", (string?)values[1]!["status"]);
        Assert.True((bool)values[1]!["revised"]!);
        Assert.Equal(103.52m, (decimal)values[1]!["revisions"]![0]!["value"]!);
        Assert.Contains("Tháng 9/2026 - Tháng 11/2026", await client.GetStringAsync("/du-lieu-mo/chi-so-cpi"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, await client.GetAsync($"/bang-so-lieu/{ids.Ahead}/0/xlsx"));
        AssertStatus(HttpStatusCode.OK, await client.GetAsync($"/du-lieu-mo/bang-{ids.Ahead}-0"));
        Assert.Contains("<caption>Giá cả tháng 11</caption>", await client.GetStringAsync(ids.AheadPath), StringComparison.Ordinal);
    }
}

/// <summary>The sites of the open data tests: two socio-economic reports with a data table each, both published; the
/// first's release is out (September and October's CPI), the second's is planned in an hour (November's CPI and a revision
/// of October), its report published ahead of time.</summary>
internal static class OpenDataArrangement
{
    public sealed record Ids(string Released, string ReleasedPath, string Ahead, string AheadPath);

    public static Task<Ids> ArrangeAsync(TestSite site, DateTime now)
    {
        WriteMedia(site, "bang/gia-thang-10.csv", "Nhóm hàng;Chỉ số (%)\nLương thực;101,2\nThực phẩm;100,8\n");
        WriteMedia(site, "bang/gia-thang-11.csv", "Nhóm hàng;Chỉ số (%)\nLương thực;101,9\nThực phẩm;100,1\n");
        return site.WithScopeAsync(async s =>
        {
            var calendar = s.GetRequiredService<ReleaseCalendar>();
            var store = s.GetRequiredService<IndicatorStore>();
            var (released, releasedPath) = await ReportAsync(s, "Giá cả tháng 10 năm 2026", 10, "bang/gia-thang-10.csv", "Giá cả tháng 10");
            var (ahead, aheadPath) = await ReportAsync(s, "Giá cả tháng 11 năm 2026", 11, "bang/gia-thang-11.csv", "Giá cả tháng 11");
            var earlier = await calendar.SaveAsync(new ReleaseEntry { Key = "cpi-thang-10", Title = "Chỉ số giá tiêu dùng tháng 10", Period = "Tháng 10/2026", PlannedUtc = now.AddMinutes(-5), IndicatorCodes = "cpi", ContentItemId = released }, "kiem.thu");
            var later = await calendar.SaveAsync(new ReleaseEntry { Key = "cpi-thang-11", Title = "Chỉ số giá tiêu dùng tháng 11", Period = "Tháng 11/2026", PlannedUtc = now.AddHours(1), IndicatorCodes = "cpi", ContentItemId = ahead }, "kiem.thu");
            await store.ImportAsync(Table(["cpi", "T9/2026", "103,61", "chính thức"], ["cpi", "T10/2026", "103,52", "sơ bộ"], ["iip", "T10/2026", "109,4", "sơ bộ"]), earlier.Id, "kiem.thu", allowReleased: true);
            await store.ImportAsync(Table(["cpi", "T11/2026", "104,87", "sơ bộ"], ["cpi", "T10/2026", "103,55", ""]), later.Id, "kiem.thu");
            return new Ids(released, releasedPath, ahead, aheadPath);
        });
    }

    private static void WriteMedia(TestSite site, string path, string text)
    {
        var full = Path.Combine(site.DataPath, "media", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
    }

    private static async Task<(string Id, string Path)> ReportAsync(IServiceProvider services, string title, int month, string file, string fileTitle)
    {
        var contents = services.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("SocioEconomicReport");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["SocioEconomicReport"] = new JsonObject
        {
            ["PeriodKind"] = new JsonObject { ["TermIds"] = new JsonArray("thang") },
            ["Period"] = new JsonObject { ["Value"] = month },
            ["Year"] = new JsonObject { ["Value"] = 2026 },
            ["DataFiles"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = file, ["Title"] = fileTitle }) },
        };
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "kiem.thu", "dữ liệu mở"));
        var path = await services.GetRequiredService<CucThongKe.Core.Data.CmsDbContext>().Set<CucThongKe.Contents.Indexing.AutorouteIndex>()
            .Where(r => r.ContentItemId == saved.ContentItemId && r.Published).Select(r => r.Path).FirstAsync();
        return (saved.ContentItemId, "/" + path);
    }

    private static StatTable Table(params string[][] rows) => new()
    {
        Caption = "kiểm thử",
        Headers = ["Mã chỉ số", "Kỳ", "Giá trị", "Tình trạng"],
        Rows = [.. rows.Select(r => (IReadOnlyList<string>)r)],
    };
}
