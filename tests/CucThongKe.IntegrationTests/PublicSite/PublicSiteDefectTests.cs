using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;

namespace CucThongKe.Tests.PublicSite;

/// <summary>The public-site defects of issue 15 item 6, as a reader, a search engine and a proxy see them: Dublin Core and
/// sharing metadata, robots.txt, the sitemap index, RSS summaries, compression and cache lifetimes, bad query values,
/// error pages, the regulation's article numbers and the English section's chrome.</summary>
/// <remarks>SQLite only (nothing here depends on the database). Every test reads the class's shared site, arranged once,
/// except the sitemap index, which needs a site with few addresses per file.</remarks>
public sealed partial class PublicSiteDefectTests(SharedSite reader) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private const string LawPath = "/van-ban/luat-thong-ke-nam-2015";
    private const string UrlsPerFile = "4";

    /// <summary>The sitemap-index test's own site: four addresses a file, so its few items need several files.</summary>
    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string> { ["Cms:Feeds:SitemapUrlsPerFile"] = UrlsPerFile };

    [Fact]
    public async Task A_legal_document_names_its_issuer_and_date_of_issue_and_every_page_carries_the_full_dublin_core()
    {
        var client = await ReaderAsync();

        var law = await client.GetStringAsync(LawPath);
        var news = await client.GetStringAsync("/tin-tuc");

        // The issuer and the date of issue, not the office that posted it nor the day it did (2026-09-02).
        Assert.Equal(["Quốc hội"], Meta(law, "DC.creator"));
        Assert.Equal(["2015-11-23"], Meta(law, "DC.date"));
        Assert.Equal(["Luật"], Meta(law, "DC.type"));
        Assert.Contains("Luật", Meta(law, "DC.subject"));
        Assert.Contains("Tổng hợp", Meta(law, "DC.subject"));
        Assert.Equal(["http://localhost/van-ban"], Meta(law, "DC.relation"));
        foreach (var html in new[] { law, news })
        {
            Assert.Equal(["text/html"], Meta(html, "DC.format"));
            Assert.Equal(["http://localhost/"], Meta(html, "DC.source"));
            Assert.Equal(["Tỉnh Thái Nguyên, Việt Nam"], Meta(html, "DC.coverage"));
            Assert.Contains("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", Assert.Single(Meta(html, "DC.rights")), StringComparison.Ordinal);
            // No item image here: the site's default image stands for the page.
            Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/_content/CucThongKe.Theme.Public/img/chia-se.png\" />", html, StringComparison.Ordinal);
        }

        Assert.Equal(["Cục Thống kê tỉnh Thái Nguyên"], Meta(news, "DC.creator"));
        Assert.Equal(["Text"], Meta(news, "DC.type"));
        var image = await client.GetAsync("/_content/CucThongKe.Theme.Public/img/chia-se.png");
        AssertStatus(HttpStatusCode.OK, image);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Robots_txt_opens_the_public_site_closes_the_back_office_api_and_search_results_and_names_the_sitemap()
    {
        var client = await ReaderAsync();

        var response = await client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        foreach (var rule in new[] { "Allow: /", "Disallow: /admin", "Disallow: /api/", "Disallow: /tim-kiem" })
        {
            Assert.Contains(rule, lines);
        }

        Assert.DoesNotContain("Disallow: /", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task Past_the_addresses_one_file_may_hold_the_sitemap_is_an_index_of_files_each_entry_with_its_lastmod()
    {
        await ArrangeAsync(Site);
        var client = Client();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var files = index.Root!.Elements(ns + "sitemap").ToList();
        var addresses = new List<string>();
        foreach (var file in files)
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", file.Element(ns + "lastmod")?.Value ?? "");
            var urlset = XDocument.Parse(await client.GetStringAsync(file.Element(ns + "loc")!.Value.Replace("http://localhost", "", StringComparison.Ordinal)));
            var urls = urlset.Root!.Elements(ns + "url").ToList();
            Assert.Equal("urlset", urlset.Root.Name.LocalName);
            Assert.InRange(urls.Count, 1, int.Parse(UrlsPerFile, System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(ns + "lastmod")?.Value ?? ""));
            addresses.AddRange(urls.Select(u => u.Element(ns + "loc")!.Value));
        }

        var past = await client.GetAsync($"/sitemap-{files.Count + 1}.xml");

        Assert.Equal("sitemapindex", index.Root.Name.LocalName);
        Assert.Equal(Enumerable.Range(1, files.Count).Select(n => $"http://localhost/sitemap-{n}.xml"), files.Select(f => f.Element(ns + "loc")!.Value));
        Assert.True(files.Count >= 4, $"{files.Count} files");
        Assert.Equal(addresses.Count, addresses.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("http://localhost/van-ban", addresses);
        Assert.Contains("http://localhost" + LawPath, addresses);
        Assert.DoesNotContain("http://localhost/tin-tuc/ban-nhap-chua-duyet-ve-dieu-tra-lao-dong", addresses);
        AssertStatus(HttpStatusCode.NotFound, past);
    }

    [Fact]
    public async Task While_the_addresses_fit_one_file_the_sitemap_is_one_urlset_with_lastmod()
    {
        var client = await ReaderAsync();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        Assert.Equal("urlset", sitemap.Root!.Name.LocalName);
        Assert.All(sitemap.Root.Elements(ns + "url"), u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(ns + "lastmod")?.Value ?? ""));
        Assert.Contains(sitemap.Root.Elements(ns + "url"), u => u.Element(ns + "loc")!.Value == "http://localhost" + LawPath);
    }

    [Fact]
    public async Task An_rss_item_carries_its_summary_escaped_then_the_citation()
    {
        var client = await ReaderAsync();

        var xml = await client.GetStringAsync("/rss/tin-tuc");
        var items = XDocument.Parse(xml).Descendants("item").ToDictionary(i => i.Element("title")!.Value, i => i.Element("description")!.Value);

        Assert.Equal("CPI tháng 9 tăng 0,5% so với tháng trước & <b>ổn định</b> so với cùng kỳ. Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên.",
            items["Chỉ số giá tiêu dùng tháng 9 năm 2026"]);
        Assert.StartsWith("Cục Thống kê tỉnh tổ chức hội nghị triển khai. ", items["Hội nghị triển khai Tổng điều tra kinh tế năm 2026"], StringComparison.Ordinal);
        Assert.Contains("&amp; &lt;b&gt;ổn định&lt;/b&gt;", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_compressed_unless_it_may_carry_a_secret_and_versioned_assets_live_a_year()
    {
        var client = await ReaderAsync();

        var home = await GetAsync(client, "/", "br");
        // Served again from the page cache: compressed for a reader who accepts it, plain for one who does not.
        var cachedHome = await GetAsync(client, "/", "br");
        var plainHome = await GetAsync(client, "/", "identity");
        var gzipFeed = await GetAsync(client, "/rss", "gzip");
        var form = await GetAsync(client, "/hoi-dap/gui-cau-hoi", "br, gzip");
        var css = Regex.Match(await client.GetStringAsync("/"), "href=\"(/_content/CucThongKe.Theme.Public/css/site.css\\?v=[^\"]+)\"").Groups[1].Value;
        var versioned = await client.GetAsync(css);
        var unversioned = await client.GetAsync("/_content/CucThongKe.Theme.Public/css/site.css");
        var madeUp = await client.GetAsync("/_content/CucThongKe.Theme.Public/css/site.css?v=khong-phai-phien-ban");

        Assert.Equal(["br"], home.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], cachedHome.Content.Headers.ContentEncoding);
        await using (var brotli = new System.IO.Compression.BrotliStream(await cachedHome.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress))
        {
            Assert.StartsWith("<!DOCTYPE html>", await new StreamReader(brotli).ReadToEndAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(plainHome.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await plainHome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["gzip"], gzipFeed.Content.Headers.ContentEncoding);
        // A form carries an antiforgery token: never compressed (BREACH).
        AssertStatus(HttpStatusCode.OK, form);
        Assert.Empty(form.Content.Headers.ContentEncoding);
        Assert.NotEmpty(css);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=3600", unversioned.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=3600", madeUp.Headers.CacheControl?.ToString());
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "/van-ban?nam=abc", "Năm không hợp lệ" },
        { "/van-ban?trang=hai", "Số trang không hợp lệ" },
        { "/tinh-hinh-kinh-te-xa-hoi?nam=abc", "Năm không hợp lệ" },
        { "/tinh-hinh-kinh-te-xa-hoi?ky=khong-co", "Kỳ báo cáo không hợp lệ" },
        { "/tinh-hinh-kinh-te-xa-hoi?trang=0", "Số trang không hợp lệ" },
        { "/tin-tuc?trang=abc", "Số trang không hợp lệ" },
        { "/tin-tuc/chuyen-muc/hoat-dong-cua-cuc?trang=-1", "Số trang không hợp lệ" },
        { "/an-pham?trang=1x", "Số trang không hợp lệ" },
        { "/hoi-dap?trang=2a", "Số trang không hợp lệ" },
        { "/gioi-thieu?trang=99999999999", "Số trang không hợp lệ" },
        { "/lich-cong-bo?nam=abc", "Năm không hợp lệ" },
        { "/lay-y-kien?trang=abc", "Số trang không hợp lệ" },
        { "/du-lieu-mo?trang=0", "Số trang không hợp lệ" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_value_on_a_list_page_is_the_sites_styled_400_page_saying_which_value(string url, string reason)
    {
        var client = await ReaderAsync();

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Yêu cầu không hợp lệ</h1>", html, StringComparison.Ordinal);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_not_found_page_is_not_indexed_and_names_no_canonical_address()
    {
        var client = await ReaderAsync();

        var response = await client.GetAsync("/khong-co-trang-nay");
        var html = await response.Content.ReadAsStringAsync();

        AssertStatus(HttpStatusCode.NotFound, response);
        Assert.Contains("<h1>Không tìm thấy trang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"canonical\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/loi", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/khong-co-trang-nay\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_public_page_shows_the_regulations_article_numbers()
    {
        var client = await ReaderAsync();
        var found = new List<string>();

        foreach (var url in new[] { "/", "/gioi-thieu", "/tin-tuc", "/van-ban", LawPath, "/tinh-hinh-kinh-te-xa-hoi", "/an-pham", "/hoi-dap", "/lien-he", "/lich-cong-bo", "/danh-ba", "/gop-y", "/kenh-rss", "/so-do-trang", "/du-lieu-mo", "/chi-so" })
        {
            var html = await client.GetStringAsync(url);
            found.AddRange(ArticleNumber().Matches(html).Select(m => $"{url}: {m.Value}"));
        }

        Assert.Empty(found);
    }

    [Fact]
    public async Task The_english_section_has_an_english_header_menu_footer_and_unit_names()
    {
        var client = await ReaderAsync();

        var english = await client.GetStringAsync("/en");

        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        foreach (var words in new[] { ">Skip to main content</a>", "aria-label=\"Main menu\"", ">News</a>", ">Documents</a>", ">Publications</a>", ">Site map</a>",
            ">Release calendar</a>", "(larger text)\"", ">Search</button>", "<li>General Statistics Division", "<li>Statistics Branch of Dai Tu District" })
        {
            Assert.Contains(words, english, StringComparison.Ordinal);
        }

        foreach (var words in new[] { ">Tin tức</a>", ">Văn bản</a>", "Bỏ qua, đến nội dung chính", "Cộng hòa xã hội chủ nghĩa", "Chịu trách nhiệm nội dung", "Phòng Thống kê Tổng hợp" })
        {
            Assert.DoesNotContain(words, english, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var encoding in acceptEncoding.Split(", "))
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        return await client.SendAsync(request);
    }

    /// <summary>The values of every <c>&lt;meta name="…"&gt;</c> of the page with that name, decoded.</summary>
    private static List<string> Meta(string html, string name) =>
        [.. Regex.Matches(html, $"<meta name=\"{Regex.Escape(name)}\" content=\"([^\"]*)\" />").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex(@"Điều \d+\.\d+")]
    private static partial Regex ArticleNumber();

    private static async Task ArrangeAsync(TestSite site)
    {
        await PublicSiteTests.WriteFilesAsync(site.DataPath);
        await RunRecipeAsync(site, "public-site.recipe.json");
        await RunRecipeAsync(site, "public-site-feed-summary.recipe.json");
    }

    private async Task<HttpClient> ReaderAsync() => ClientOf(await reader.GetAsync(Provider, ArrangeAsync));
}
