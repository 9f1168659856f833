using CucThongKe.Statistics.Calendar;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>One site with a reader's content (the reader-journey test recipe and its files), shared by the readers' tests
/// of <see cref="Collection"/>: they read, and what they send (a question, feedback) is never shown on the public pages.</summary>
public sealed class ReaderSite : IAsyncLifetime
{
    public const string Collection = "Reader site";

    /// <summary>The bytes of the yearbook's PDF, so a test can check the download is that file.</summary>
    public static readonly byte[] YearbookPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public LiveSite Site { get; private set; } = null!;

    public BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await LiveSite.StartAsync();
        await Site.WriteMediaFileAsync("an-pham/nien-giam-2025.pdf", YearbookPdf);
        await Site.WriteMediaFileAsync("van-ban/luat-thong-ke-2015.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
        await Site.WriteMediaFileAsync("du-lieu/chi-tieu-thang-8-2026.csv", System.Text.Encoding.UTF8.GetBytes(
            "Chỉ tiêu;Tháng 8/2026;So với cùng kỳ (%)\n" +
            "Chỉ số sản xuất công nghiệp (IIP);108,5;107,2\n" +
            "Tổng mức bán lẻ hàng hóa (tỷ đồng);9.845,3;112,4\n" +
            "Chỉ số giá tiêu dùng (CPI);103,1;103,6\n"));
        await Site.RunRecipeAsync("reader-journey.recipe.json");
        await PlanNextReleaseAsync();
        Browser = await Browsers.OpenSessionAsync();
    }

    /// <summary>The CPI's next release, planned three weeks ahead of the real clock the live site runs on (a date written
    /// in the recipe would one day be past), at 09:00 Vietnam time.</summary>
    public const string NextReleaseTitle = "Tình hình kinh tế - xã hội kỳ tới";

    private async Task PlanNextReleaseAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var planned = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(21).AddHours(2);
        await scope.ServiceProvider.GetRequiredService<ReleaseCalendar>().SaveAsync(
            new ReleaseEntry { Key = "ky-toi", Title = NextReleaseTitle, PlannedUtc = planned, Period = "Kỳ tới", IndicatorCodes = "cpi" }, "cli:kiem-thu");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            Locale = "vi-VN",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(ReaderSite.Collection)]
public sealed class ReaderSiteCollection : ICollectionFixture<ReaderSite>;

/// <summary>A reader's journeys through the public site in a real browser.</summary>
[Collection(ReaderSite.Collection)]
public sealed class ReaderJourneyTests(ReaderSite reader)
{
    private string BaseUrl => reader.Site.BaseUrl;

    [Fact]
    public async Task A_reader_goes_from_home_to_a_publication_and_downloads_its_pdf()
    {
        var page = await reader.NewPageAsync();
        var site = new PublicPage(page, BaseUrl);

        await site.OpenAsync("/");
        await site.FollowMenuAsync("Ấn phẩm");
        await Assertions.Expect(site.Heading("Ấn phẩm")).ToBeVisibleAsync();
        await site.FollowLinkAsync("Niên giám thống kê tỉnh Thái Nguyên 2025");
        await Assertions.Expect(site.Heading("Niên giám thống kê tỉnh Thái Nguyên 2025")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("p.citation").First).ToContainTextAsync("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên");
        var (fileName, content) = await site.DownloadAsync("Tải về: Niên giám 2025 (PDF)");

        Assert.Equal("nien-giam-2025.pdf", fileName);
        Assert.Equal(ReaderSite.YearbookPdf, content);
    }

    [Fact]
    public async Task A_reader_finds_a_legal_document_by_its_number_and_sees_its_fields()
    {
        var page = await reader.NewPageAsync();
        var lookup = new DocumentLookupPage(page, BaseUrl);

        await lookup.OpenAsync("/");
        await lookup.FollowMenuAsync("Văn bản");
        await lookup.SearchByNumberAsync("89/2015");
        await Assertions.Expect(lookup.ResultCount).ToHaveTextAsync("Tìm thấy 1 văn bản.");
        Assert.Equal(["89/2015/QH13"], await lookup.NumbersAsync());
        await lookup.FollowLinkAsync("Luật Thống kê năm 2015");

        await Assertions.Expect(lookup.Heading("Luật Thống kê năm 2015")).ToBeVisibleAsync();
        var facts = await page.Locator("dl.facts").InnerTextAsync();
        foreach (var fact in new[] { "89/2015/QH13", "Quốc hội", "Nguyễn Sinh Hùng", "23/11/2015", "01/07/2016" })
        {
            Assert.Contains(fact, facts, StringComparison.Ordinal);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải về: Toàn văn Luật Thống kê" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_opens_a_socio_economic_report_and_reads_a_value_in_its_table()
    {
        var page = await reader.NewPageAsync();
        var report = new ReportPage(page, BaseUrl);

        await report.OpenAsync("/");
        await report.FollowMenuAsync("Tình hình KT-XH");
        await report.FollowLinkAsync("Tình hình kinh tế - xã hội tháng 8 năm 2026");
        await Assertions.Expect(report.Heading("Tình hình kinh tế - xã hội tháng 8 năm 2026")).ToBeVisibleAsync();

        Assert.Equal("9.845,3", await report.CellAsync("Một số chỉ tiêu chủ yếu tháng 8 năm 2026", "Tổng mức bán lẻ hàng hóa", "Tháng 8/2026"));
        Assert.Equal("103,6", await report.CellAsync("Một số chỉ tiêu chủ yếu tháng 8 năm 2026", "Chỉ số giá tiêu dùng", "So với cùng kỳ (%)"));
        var (fileName, csv) = await report.DownloadAsync("CSV - Một số chỉ tiêu chủ yếu tháng 8 năm 2026");
        Assert.EndsWith(".csv", fileName, StringComparison.Ordinal);
        Assert.Contains("9.845,3", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_asks_a_question_and_follows_it_with_the_tracking_code()
    {
        var page = await reader.NewPageAsync();
        var questions = new CitizenFormPages(page, BaseUrl, "/hoi-dap");

        await questions.OpenAsync("/");
        await questions.FollowMenuAsync("Hỏi đáp");
        await questions.FollowLinkAsync("Gửi câu hỏi");
        await questions.SendAsync("Hoàng Văn Đọc", "doc@example.vn", "Phòng Thống kê Kinh tế", "Câu hỏi (bắt buộc",
            "Tổng mức bán lẻ hàng hóa tháng 8 năm 2026 của tỉnh tăng bao nhiêu so với cùng kỳ?", "Gửi câu hỏi");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cục đã nhận câu hỏi của bạn");
        var code = await questions.TrackingCodeAsync();
        Assert.Matches("^HD[0-9A-F]{10}$", code);

        // Later, in another browser, the reader has only the code.
        var laterPage = await reader.NewPageAsync();
        var later = new CitizenFormPages(laterPage, BaseUrl, "/hoi-dap");
        await later.CheckStatusAsync("Mã số câu hỏi", code);

        Assert.Equal(code, await later.FactAsync("Mã số"));
        Assert.Equal("Đang xử lý", await later.FactAsync("Tình trạng"));
        await later.OpenAsync("/hoi-dap");
        await Assertions.Expect(later.Heading("Hỏi đáp")).ToBeVisibleAsync();
        Assert.DoesNotContain("Tổng mức bán lẻ hàng hóa tháng 8", await laterPage.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_sends_feedback_from_the_contact_page_and_follows_it_with_the_tracking_code()
    {
        var page = await reader.NewPageAsync();
        var feedback = new CitizenFormPages(page, BaseUrl, "/gop-y");

        await feedback.OpenAsync("/");
        await feedback.FollowMenuAsync("Liên hệ");
        await feedback.FollowLinkAsync("Gửi góp ý");
        await feedback.SendAsync("Lê Thị Góp", "gop@example.vn", "Văn phòng", "Nội dung góp ý",
            "Đề nghị Trang thông tin điện tử có thêm bảng số liệu theo từng huyện.", "Gửi góp ý");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cục đã nhận góp ý của bạn");
        var code = await feedback.TrackingCodeAsync();
        await feedback.CheckStatusAsync("Mã số góp ý", code);

        Assert.Equal("Văn phòng", await feedback.FactAsync("Đơn vị tiếp nhận"));
        Assert.Equal("Đang xử lý", await feedback.FactAsync("Tình trạng"));
    }

    [Fact]
    public async Task A_keyboard_reader_without_javascript_skips_to_the_content_finds_a_document_and_enlarges_the_text()
    {
        var context = await reader.Browser.NewContextAsync(new() { Locale = "vi-VN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var lookup = new DocumentLookupPage(page, BaseUrl);
        await lookup.OpenAsync("/van-ban");

        // The first Tab shows the skip link; Enter takes the reader past the header to the lookup form.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Bỏ qua, đến nội dung chính" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.BoundingBoxAsync() is { X: >= 0, Y: >= 0, Width: > 0 }, "The focused skip link is on screen.");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Số/ký hiệu")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("62/2024");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(lookup.ResultCount).ToHaveTextAsync("Tìm thấy 1 văn bản.");
        Assert.Equal(["62/2024/NĐ-CP"], await lookup.NumbersAsync());

        // A+ is a link: it works without JavaScript and brings the reader back to the same results.
        await page.GetByRole(AriaRole.Link, new() { Name = "A+ (tăng cỡ chữ)" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("co-chu-lon");
        Assert.Equal(["62/2024/NĐ-CP"], await lookup.NumbersAsync());
    }
}
