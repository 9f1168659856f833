using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Media.Library;
using CucThongKe.Tests.Site;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.Converter;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CucThongKe.Tests.BackOffice;

/// <summary>
/// Issue 7's back-office tools: the converter page (pasted text, .txt, .csv, .xlsx), spreadsheets converted on upload to
/// the media library, and the Unicode health report with its one-click conversion into a new draft.
/// </summary>
/// <remarks>The converter's tests only convert (each result is a file of its own in the data folder, stored nothing in the
/// database) as the administrator: they share one site per class and one signed-in administrator (<see cref="ConverterAsync"/>).
/// The tests that upload, seed or convert stored items keep a site of their own.</remarks>
public abstract partial class UnicodeToolsTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    private const string Password = "Demo@2026!ctk";
    private const string Converter = "/admin/unicode/chuyen-ma";
    private const string Report = "/admin/unicode/bao-cao";

    private const string Sentence = "Báo cáo tình hình kinh tế - xã hội tỉnh Thái Nguyên quý III năm 2026";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private async Task<HttpClient> SignedInAsync(string user, string password = Password)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, user, password));
        return client;
    }

    private Task<HttpClient> AdminAsync() => SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);

    /// <summary>The administrator, signed in once on the class's shared site, for the tests that only use the converter.</summary>
    private async Task<HttpClient> ConverterAsync() => (await shared.GetAsync(Provider, async site =>
    {
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    })).State;

    private async Task<HttpClient> ContributorAsync(string user = "ctv.tonghop")
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        return await SignedInAsync(user);
    }

    private static async Task<HttpResponseMessage> ConvertTextAsync(HttpClient client, string text, string source = "")
    {
        var token = await AntiforgeryTokenAsync(client, Converter);
        return await client.PostAsync(Converter, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["van-ban"] = text, ["nguon"] = source,
        }));
    }

    private static async Task<HttpResponseMessage> ConvertFileAsync(HttpClient client, byte[] bytes, string fileName, string source = "")
    {
        var token = await AntiforgeryTokenAsync(client, Converter);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(source), "nguon" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(Converter, form);
    }

    /// <summary>Follows the page's download link, checking the answer is not cached.</summary>
    private static async Task<byte[]> DownloadAsync(HttpClient client, HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var link = DownloadLink().Match(html);
        Assert.True(link.Success, "No download link on the converter's answer.");
        var download = await client.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        AssertStatus(HttpStatusCode.OK, download);
        Assert.True(download.Headers.CacheControl?.NoStore, "The download must not be cached.");
        return await download.Content.ReadAsByteArrayAsync();
    }

    // ---- Converter page ----

    [Fact]
    public async Task Pasted_TCVN3_and_VNI_text_become_exact_Unicode()
    {
        var client = await ConverterAsync();

        var tcvn3 = await ConvertTextAsync(client, "TiÕng ViÖt");
        var vni = await ConvertTextAsync(client, "Tieáng Vieät");
        var sentence = await ConvertTextAsync(client, LegacyVietnamese.ToTcvn3(Sentence) + "\n" + LegacyVietnamese.ToTcvn3("Số liệu của Cục Thống kê"));

        AssertStatus(HttpStatusCode.OK, tcvn3);
        AssertStatus(HttpStatusCode.OK, vni);
        Assert.Equal("Tiếng Việt", Encoding.UTF8.GetString(await DownloadAsync(client, tcvn3)));
        Assert.Equal("Tiếng Việt", Encoding.UTF8.GetString(await DownloadAsync(client, vni)));
        var tcvn3Page = WebUtility.HtmlDecode(await tcvn3.Content.ReadAsStringAsync());
        Assert.Contains("Nhận biết: <strong>TCVN3", tcvn3Page, StringComparison.Ordinal);
        Assert.Contains(">Tiếng Việt</textarea>", tcvn3Page, StringComparison.Ordinal);
        Assert.Contains(">TiÕng ViÖt</textarea>", tcvn3Page, StringComparison.Ordinal);
        Assert.Contains("Nhận biết: <strong>VNI", WebUtility.HtmlDecode(await vni.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Sentence + "\nSố liệu của Cục Thống kê", Encoding.UTF8.GetString(await DownloadAsync(client, sentence)));
    }

    [Fact]
    public async Task The_chosen_source_encoding_is_used_and_NFD_is_composed()
    {
        var client = await ConverterAsync();

        var forced = await ConvertTextAsync(client, LegacyVietnamese.ToVni("Dân số"), "vni");
        var nfd = await ConvertTextAsync(client, Sentence.Normalize(NormalizationForm.FormD), "nfd");

        Assert.Equal("Dân số", Encoding.UTF8.GetString(await DownloadAsync(client, forced)));
        var composed = Encoding.UTF8.GetString(await DownloadAsync(client, nfd));
        Assert.Equal(Sentence, composed);
        Assert.True(composed.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task A_txt_file_of_TCVN3_bytes_is_read_as_legacy_bytes_and_downloaded_as_UTF8()
    {
        var client = await ConverterAsync();
        var bytes = Windows1252.GetBytes(LegacyVietnamese.ToTcvn3(Sentence) + "\r\n" + LegacyVietnamese.ToTcvn3("Tổng cục Thống kê") + "\r\n");

        var response = await ConvertFileAsync(client, bytes, "bao-cao-cu.txt");

        AssertStatus(HttpStatusCode.OK, response);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tệp không phải UTF-8", page, StringComparison.Ordinal);
        Assert.Contains("Đã chuyển 2 dòng sang Unicode", page, StringComparison.Ordinal);
        var downloaded = await DownloadAsync(client, response);
        Assert.Equal(Sentence + "\r\nTổng cục Thống kê\r\n", new UTF8Encoding(false, true).GetString(downloaded));
    }

    [Fact]
    public async Task A_csv_keeps_its_structure_and_comes_back_as_UTF8_with_a_byte_order_mark()
    {
        var client = await ConverterAsync();
        var csv = $"Chỉ tiêu;Giá trị\n\"{LegacyVietnamese.ToTcvn3("Dân số; trung bình")}\";1.300,5\n{LegacyVietnamese.ToVni("Lao động")};650\n";

        var response = await ConvertFileAsync(client, Encoding.UTF8.GetBytes(csv), "dan-so.csv");

        AssertStatus(HttpStatusCode.OK, response);
        var downloaded = await DownloadAsync(client, response);
        Assert.Equal([0xEF, 0xBB, 0xBF], downloaded[..3]);
        Assert.Equal("Chỉ tiêu;Giá trị\n\"Dân số; trung bình\";1.300,5\nLao động;650\n", Encoding.UTF8.GetString(downloaded.AsSpan(3)));
        Assert.Contains("A2", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_with_TCVN3_cells_comes_back_with_Unicode_cells_in_the_same_workbook()
    {
        var client = await ConverterAsync();
        var workbook = Workbook(LegacyVietnamese.ToTcvn3("Dân số trung bình"), LegacyVietnamese.ToTcvn3("Tổng số"), LegacyVietnamese.ToTcvn3("Thành thị"), "Nông thôn");

        var response = await ConvertFileAsync(client, workbook, "dan-so-2026.xlsx");

        AssertStatus(HttpStatusCode.OK, response);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Đã chuyển 2 ô sang Unicode: 2 ô TCVN3. Ví dụ: Dân số trung bình!A1", Alerts(page), StringComparison.Ordinal);
        Assert.Contains($"Đã đổi tên trang tính «{LegacyVietnamese.ToTcvn3("Dân số trung bình")}» thành «Dân số trung bình»", page, StringComparison.Ordinal);
        using var downloaded = new MemoryStream(await DownloadAsync(client, response));
        Assert.Equal(["Dân số trung bình"], MiniExcel.GetSheetNames(downloaded));
        var rows = MiniExcel.Query(downloaded, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Tổng số", rows[0]["A"]);
        Assert.Equal(1234d, Convert.ToDouble(rows[0]["B"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Thành thị", rows[1]["A"]);
        Assert.Equal("Nông thôn", rows[2]["A"]);
    }

    public static TheoryData<string, byte[]?, string?, HttpStatusCode, string> BadInput => new()
    {
        { "nothing", null, null, HttpStatusCode.BadRequest, "Hãy dán văn bản hoặc chọn một tệp." },
        { "wrong extension", Encoding.UTF8.GetBytes("%PDF-1.4"), "quyet-dinh.pdf", HttpStatusCode.BadRequest, "Chỉ nhận tệp .txt, .csv hoặc .xlsx" },
        { "broken xlsx", [.. Enumerable.Range(0, 4000).Select(i => (byte)((i * 7919) % 251))], "hong.xlsx", HttpStatusCode.BadRequest, "không phải bảng tính Excel (XLSX) hợp lệ" },
        { "zip that is no workbook", OfficeFiles.Zip(("a.txt", "xin chào")), "gia.xlsx", HttpStatusCode.BadRequest, "không phải bảng tính Excel (XLSX) hợp lệ" },
        { "binary txt", [0x54, 0, 0x69, 0], "nhi-phan.txt", HttpStatusCode.BadRequest, "Tệp không phải văn bản" },
    };

    // Not a row of BadInput: xunit serializes theory data byte by byte when it discovers the tests, and a 5 MB row
    // cost about 40 CPU seconds of discovery per test run (twice, Sqlite and Postgres) before any test started.
    [Fact]
    public Task A_file_over_5_MB_is_refused_with_a_Vietnamese_message() =>
        Bad_input_is_refused_with_a_Vietnamese_message("too large", new byte[(5 * 1024 * 1024) + 1], "lon.txt", HttpStatusCode.RequestEntityTooLarge, "Tệp lớn hơn giới hạn 5 MB.");

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_Vietnamese_message(string what, byte[]? bytes, string? fileName, HttpStatusCode status, string message)
    {
        var client = await ConverterAsync();

        var response = bytes is null ? await ConvertTextAsync(client, "") : await ConvertFileAsync(client, bytes, fileName!);

        Assert.True(status == response.StatusCode, $"{what}: expected {status}, got {response.StatusCode}");
        Assert.Contains(message, Alerts(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_converter_needs_sign_in_and_an_antiforgery_token_and_downloads_belong_to_their_user()
    {
        var anonymous = await Client().GetAsync(Converter);
        var client = await ContributorAsync();
        var withoutToken = await client.PostAsync(Converter, new FormUrlEncodedContent(new Dictionary<string, string> { ["van-ban"] = "TiÕng ViÖt" }));
        var converted = await ConvertTextAsync(client, "TiÕng ViÖt");
        var link = WebUtility.HtmlDecode(DownloadLink().Match(await converted.Content.ReadAsStringAsync()).Groups[1].Value);
        var other = await SignedInAsync("ctv.daitu");

        AssertStatus(HttpStatusCode.Redirect, anonymous);
        Assert.Equal("/dang-nhap", anonymous.Headers.Location!.AbsolutePath);
        AssertStatus(HttpStatusCode.BadRequest, withoutToken);
        AssertStatus(HttpStatusCode.OK, converted);
        Assert.Contains(Converter, await client.GetStringAsync("/admin"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, await client.GetAsync(link));
        AssertStatus(HttpStatusCode.NotFound, await other.GetAsync(link));
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync(Converter + "?handler=Download&ma=..%2F..%2Fcucthongke.db"));
    }

    // ---- Spreadsheets uploaded to the media library ----

    [Fact]
    public async Task An_xlsx_with_TCVN3_cells_uploaded_to_the_library_is_stored_in_Unicode_with_a_summary()
    {
        var client = await ContributorAsync();
        var workbook = Workbook("Sheet1", LegacyVietnamese.ToTcvn3("Chỉ tiêu"), LegacyVietnamese.ToTcvn3("Giá trị sản xuất"), "Đơn vị tính");

        var response = await UploadToLibraryAsync(client, workbook, "gia-tri-san-xuat.xlsx");

        AssertStatus(HttpStatusCode.OK, response);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Đã chuyển 2 ô sang Unicode: 2 ô TCVN3. Ví dụ: Sheet1!A1 «{LegacyVietnamese.ToTcvn3("Chỉ tiêu")}» → «Chỉ tiêu»", page, StringComparison.Ordinal);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().SingleAsync());
        await using var file = File.OpenRead(Path.Combine(Site.DataPath, "media", stored.Path));
        var rows = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Chỉ tiêu", "Giá trị sản xuất", "Đơn vị tính"], rows.Select(r => (string?)r["A"]));
        Assert.Equal(new FileInfo(Path.Combine(Site.DataPath, "media", stored.Path)).Length, stored.Size);
    }

    [Fact]
    public async Task A_csv_saved_in_TCVN3_bytes_uploaded_to_the_library_is_stored_as_UTF8_Unicode()
    {
        var client = await ContributorAsync();
        var csv = Windows1252.GetBytes($"{LegacyVietnamese.ToTcvn3("Chỉ tiêu")};{LegacyVietnamese.ToTcvn3("Giá trị")}\r\n{LegacyVietnamese.ToTcvn3("Dân số trung bình")};1.300,5\r\n");

        var response = await UploadToLibraryAsync(client, csv, "dan-so.csv");

        AssertStatus(HttpStatusCode.OK, response);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Đã chuyển 3 ô sang Unicode: 3 ô TCVN3.", page, StringComparison.Ordinal);
        Assert.Contains("lưu lại dạng UTF-8", page, StringComparison.Ordinal);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().SingleAsync());
        var text = await File.ReadAllTextAsync(Path.Combine(Site.DataPath, "media", stored.Path), new UTF8Encoding(false, throwOnInvalidBytes: true));
        Assert.Equal("Chỉ tiêu;Giá trị\r\nDân số trung bình;1.300,5\r\n", text.TrimStart('\uFEFF'));
    }

    private static async Task<HttpResponseMessage> UploadToLibraryAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("so-lieu"), "folder" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync("/admin/media", form);
    }

    // ---- Health report ----

    private static readonly (string Name, string Title, ChangeKind Kind)[] BadTitles =
    [
        ("nfd", "Số liệu dân số năm 2026".Normalize(NormalizationForm.FormD), ChangeKind.Nfd),
        ("tcvn3", LegacyVietnamese.ToTcvn3("Tình hình kinh tế xã hội tháng 10"), ChangeKind.Tcvn3),
        ("vni", LegacyVietnamese.ToVni("Kết quả điều tra doanh nghiệp"), ChangeKind.Vni),
        ("look-alike", "\u00D0ại hội \u00D0ảng bộ Cục Thống kê", ChangeKind.LookAlike),
    ];

    private int _seeded;

    /// <summary>A published page with clean text, then its stored text replaced by raw SQL (no save hook cleans it).</summary>
    private Task<string> SeedPageAsync(string title, string body, string unit = "phong-tong-hop") => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("Page");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = $"Trang tạm {Interlocked.Increment(ref _seeded)}" };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Tạm.</p>" };
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, "tester"));
        saved.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        saved.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = body };
        var json = saved.Content.ToJsonString(CmsJson.Options);
        await s.GetRequiredService<CmsDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE \"ContentItems\" SET \"Content\" = {json}, \"DisplayText\" = {title}, \"AuthorUnitId\" = {unit}, \"UnitId\" = {unit} WHERE \"Id\" = {saved.Id}");
        return saved.ContentItemId;
    });

    private async Task<Dictionary<string, string>> SeedReportAsync()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, title, _) in BadTitles)
        {
            ids[name] = await SeedPageAsync(title, "<p>Nội dung chuẩn.</p>");
        }

        ids["clean"] = await SeedPageAsync("Giới thiệu Cục Thống kê", "<p>Chức năng, nhiệm vụ.</p>");
        ids["clean-english"] = await SeedPageAsync("Statistical Yearbook 2025", "<p>Population: 1,300,000 (+1.2%).</p>");
        ids["bad-body"] = await SeedPageAsync("Niên giám thống kê", $"<p>{LegacyVietnamese.ToTcvn3("Niên giám thống kê năm 2025")}</p>");
        return ids;
    }

    private Task<List<ContentItem>> VersionsAsync(string id) => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<ContentManager>().GetVersionsAsync(id)).ToList());

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string handler, string? id = null)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc");
        var url = $"{Report}?handler={handler}" + (id is null ? "" : $"&id={id}");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task The_report_lists_each_seeded_bad_item_with_its_kind_and_leaves_clean_ones_out()
    {
        var ids = await SeedReportAsync();
        var client = await AdminAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Report));

        var findings = Alerts(page);
        foreach (var (name, _, kind) in BadTitles)
        {
            Assert.Matches($"<tr class=\"finding\" data-key=\"{ids[name]}\" data-kind=\"{kind}\">", findings);
        }

        Assert.Matches($"<tr class=\"finding\" data-key=\"{ids["bad-body"]}\" data-kind=\"Tcvn3\">", page);
        Assert.Contains("HtmlBodyPart.Html", page, StringComparison.Ordinal);
        Assert.Contains("«Tình hình kinh tế xã hội tháng 10»", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ids["clean"], page, StringComparison.Ordinal);
        Assert.DoesNotContain(ids["clean-english"], page, StringComparison.Ordinal);
        Assert.Contains("<strong>5</strong> mục có văn bản chưa chuẩn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("report-clean", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversion_makes_a_clean_new_draft_and_leaves_the_published_version_alone()
    {
        var ids = await SeedReportAsync();
        var client = await AdminAsync();
        var tcvn3 = BadTitles.Single(b => b.Name == "tcvn3").Title;

        var response = await PostReportAsync(client, "Convert", ids["tcvn3"]);

        AssertStatus(HttpStatusCode.Redirect, response);
        var versions = await VersionsAsync(ids["tcvn3"]);
        Assert.Equal(2, versions.Count);
        var (latest, published) = (versions[0], versions[1]);
        Assert.True(latest.Latest);
        Assert.False(latest.Published);
        Assert.Equal("Tình hình kinh tế xã hội tháng 10", latest.As<Contents.Parts.TitlePart>()!.Title);
        Assert.Equal("Tình hình kinh tế xã hội tháng 10", latest.DisplayText);
        Assert.True(published.Published);
        Assert.Equal(tcvn3, published.As<Contents.Parts.TitlePart>()!.Title);
        var report = WebUtility.HtmlDecode(await client.GetStringAsync(Report));
        Assert.DoesNotContain(ids["tcvn3"], report, StringComparison.Ordinal);
        Assert.Contains("Đã tạo bản nháp phiên bản 2", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_converted_news_item_goes_back_through_its_workflow_while_the_published_version_stays_online()
    {
        var legacyTitle = LegacyVietnamese.ToTcvn3("Họp báo công bố số liệu quý III");
        var (id, path) = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("News");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Họp báo quý III" };
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Tạm.</p>" };
            item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } };
            var saved = await contents.CreateAsync(item);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "Nhập từ trang cũ (kiểm thử)"));
            saved.Content["TitlePart"] = new JsonObject { ["Title"] = legacyTitle };
            var json = saved.Content.ToJsonString(CmsJson.Options);
            await s.GetRequiredService<CmsDbContext>().Database.ExecuteSqlAsync(
                $"UPDATE \"ContentItems\" SET \"Content\" = {json}, \"DisplayText\" = {legacyTitle} WHERE \"Id\" = {saved.Id}");
            var route = await s.GetRequiredService<CmsDbContext>().Set<AutorouteIndex>().SingleAsync(r => r.ContentItemVersionId == saved.Id);
            return (saved.ContentItemId, route.Path);
        });
        var client = await AdminAsync();
        var stateBefore = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().SingleAsync(i => i.ContentItemId == id));

        var response = await PostReportAsync(client, "Convert", id);

        AssertStatus(HttpStatusCode.Redirect, response);
        var versions = await VersionsAsync(id);
        var instance = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().SingleAsync(i => i.ContentItemId == id));
        var definition = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowDefinitionStore>().GetAsync(instance.WorkflowName));
        Assert.Equal("Họp báo công bố số liệu quý III", versions[0].DisplayText);
        Assert.False(versions[0].Published);
        Assert.True(versions[1].Published);
        Assert.NotEqual(definition!.InitialState, stateBefore.State);
        Assert.Equal(definition.InitialState, instance.State);
        Assert.Equal(versions[0].Id, instance.ContentItemVersionId);
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/" + path));
    }

    [Fact]
    public async Task Converting_everything_the_user_may_edit_leaves_no_stored_item_in_a_legacy_encoding()
    {
        var ids = await SeedReportAsync();
        var client = await AdminAsync();

        var response = await PostReportAsync(client, "ConvertAll");

        AssertStatus(HttpStatusCode.Redirect, response);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Report));
        Assert.Contains("Không còn mục nào lưu bằng bảng mã cũ hay Unicode tổ hợp (NFD)", page, StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(ids["clean"]));
        Assert.Equal(2, (await VersionsAsync(ids["bad-body"])).Count);
    }

    [Fact]
    public async Task A_user_who_may_not_edit_the_item_gets_403_and_nothing_changes()
    {
        var ids = await SeedReportAsync();
        await RunRecipeAsync("backoffice-users.recipe.json");
        await Site.WithScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleManager<CmsRole>>();
            var contributor = await roles.FindByNameAsync("Contributor");
            await roles.AddClaimAsync(contributor!, new Claim(CmsClaims.Permission, "ViewUnicodeReport"));
        });
        var otherUnit = await SignedInAsync("ctv.daitu");
        var withoutPermission = await SignedInAsync("dangtin");

        var refused = await PostReportAsync(otherUnit, "Convert", ids["tcvn3"]);
        var reportWithoutPermission = await withoutPermission.GetAsync(Report);
        var convertWithoutPermission = await PostReportAsync(withoutPermission, "Convert", ids["tcvn3"]);
        var listed = await otherUnit.GetStringAsync(Report);

        AssertStatus(HttpStatusCode.Forbidden, refused);
        AssertStatus(HttpStatusCode.Forbidden, reportWithoutPermission);
        AssertStatus(HttpStatusCode.Forbidden, convertWithoutPermission);
        Assert.Single(await VersionsAsync(ids["tcvn3"]));
        Assert.DoesNotContain("handler=Convert&amp;id=" + ids["tcvn3"], listed, StringComparison.Ordinal);
    }

    /// <summary>A workbook with one sheet: A1 a shared string, B1 a number, A2 an inline string, A3 a shared string.</summary>
    private static byte[] Workbook(string sheetName, string a1, string a2, string a3)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var shared = workbookPart.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text(a1)), new SharedStringItem(new Text(a3)));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "B1", CellValue = new CellValue("1234") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(a2)) }) { RowIndex = 2 },
                new Row(new Cell { CellReference = "A3", DataType = CellValues.SharedString, CellValue = new CellValue("1") }) { RowIndex = 3 }));
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }

        return memory.ToArray();
    }

    /// <summary>The page's alerts and findings, which is what a failing assertion should show.</summary>
    private static string Alerts(string page) => string.Join("\n", AlertOrFinding().Matches(page).Select(m => m.Value));

    [GeneratedRegex("<p class=\"alert[^\"]*\"[^>]*>[^<]*</p>|<tr class=\"finding\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex AlertOrFinding();

    [GeneratedRegex("href=\"(/admin/unicode/chuyen-ma\\?handler=Download&amp;ma=[0-9a-f]{32})\"")]
    private static partial Regex DownloadLink();
}

public sealed class SqliteUnicodeToolsTests(SharedSite shared) : UnicodeToolsTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

// SQLite only: converting text and files happens in the application; the drafts it saves go through the same content and chain code PostgresContentEditingTests and PostgresWorkflowChainTests run on PostgreSQL.
