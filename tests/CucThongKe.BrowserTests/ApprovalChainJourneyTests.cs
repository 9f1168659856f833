using System.Globalization;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;
using SkiaSharp;

namespace CucThongKe.Tests.Browser;

/// <summary>Each role's daily job on one news item, from their dashboard, in order (issue 16, "what must be shown"): the
/// contributor writes it with an image from the library and a table, previews it as the public page and submits it from
/// the editor; the unit head reviews it and returns it with a comment; the contributor reads the comment in the editor and
/// sends it again; the unit head reads the change and sends it on; the secretary presents it; the board head approves it
/// on a phone; the publisher publishes it; the image loads on the public page. Every back-office page touched is checked
/// with axe at a desk's width (1440 px) and a tablet's (768 px).</summary>
/// <remarks>One story in one test: each step needs the one before. What other journeys already cover is not repeated:
/// two-factor sign-in, upload on the library page and the version history's diff (<see cref="EditorJourneyTests"/>), bulk
/// submission and the board's gate counts (<see cref="ContentDeskJourneyTests"/>), notifications
/// (<see cref="WorkflowBackOfficeTests"/>).</remarks>
[Collection(PeopleSite.Collection)]
public sealed class ApprovalChainJourneyTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    private const string Password = "Demo@2026!ctk";
    private const string FirstTitle = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026";
    private const string Title = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026 tại Thái Nguyên";
    private const string ReturnComment = "Đề nghị ghi rõ địa điểm tổ chức trong tiêu đề.";
    private const string AltText = "Quang cảnh hội nghị triển khai";

    /// <summary>The kinds of back-office page already checked with axe at both widths (a page kind is checked once).</summary>
    private readonly HashSet<string> _checked = [];

    [Fact]
    public async Task A_news_item_goes_from_the_contributor_through_a_return_and_every_gate_to_the_public_site_each_person_starting_from_their_dashboard()
    {
        // Contributor: from the dashboard to a new news item.
        var author = await PersonAsync("ctv.tonghop");
        await CheckBothWidthsAsync(author, "dashboard");
        await author.GetByRole(AriaRole.Navigation, new() { Name = "Menu quản trị" }).GetByRole(AriaRole.Link, new() { Name = "Tất cả nội dung", Exact = true }).ClickAsync();
        await CheckBothWidthsAsync(author, "content list");
        await author.Locator(".create-links").GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true }).ClickAsync();
        var editor = new EditorPage(author, Site.BaseUrl);
        await editor.FillTitleAsync(FirstTitle);
        await editor.PasteIntoBodyAsync("<p>Sáng 28/11, Cục Thống kê tỉnh Thái Nguyên triển khai Tổng điều tra kinh tế năm 2026.</p><table><caption>Đơn vị điều tra</caption><tr><th scope=\"col\">Loại</th><th scope=\"col\">Số đơn vị</th></tr><tr><td>Doanh nghiệp</td><td>4.125</td></tr></table>");
        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await CheckBothWidthsAsync(author, "new item editor");

        // An image from the library, uploaded from the editor's picker, with its alt text asked for.
        author.Dialog += (_, dialog) => _ = dialog.AcceptAsync(AltText);
        await author.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh từ thư viện" }).ClickAsync();
        var picker = author.FrameLocator(".media-picker-dialog iframe");
        await picker.GetByLabel("Tệp ảnh", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = "Hội nghị điều tra.png", MimeType = "image/png", Buffer = Png() });
        await picker.GetByLabel("Thư mục", new() { Exact = true }).Last.FillAsync("tin-tuc");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await picker.Locator("table.media-picker tbody tr").First.Locator(".media-choose").ClickAsync();
        await Assertions.Expect(author.Locator(".jodit-wysiwyg img")).ToHaveAttributeAsync("alt", AltText);
        await editor.SaveDraftAsync();
        await Assertions.Expect(author.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        await CheckBothWidthsAsync(author, "editor with the workflow panel");
        var editUrl = author.Url;

        // The preview is the public page: title, table, image (loaded), and the banner saying it is a preview.
        await author.GetByRole(AriaRole.Link, new() { Name = "Xem trước như trang công khai" }).ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new() { Name = FirstTitle })).ToBeVisibleAsync();
        await Assertions.Expect(author.Locator("table caption")).ToHaveTextAsync("Đơn vị điều tra");
        await Assertions.Expect(author.Locator(".preview-banner")).ToContainTextAsync("Bản xem trước — chưa công bố");
        Assert.True(await ImageLoadedAsync(author, AltText), "The preview's image did not load.");

        // Submitted from the editor's workflow panel.
        await author.GotoAsync(editUrl);
        var authorSteps = new WorkflowPages(author, Site.BaseUrl);
        await authorSteps.TakeStepAsync("Gửi thủ trưởng đơn vị", "Kính gửi trưởng phòng xem xét.");
        await Assertions.Expect(author.Locator(".workflow-panel .workflow-state")).ToHaveTextAsync("Chờ thủ trưởng đơn vị kiểm tra");

        // Unit head: from the dashboard to the review page; reads the preview; returns it with a comment.
        var head = await PersonAsync("tp.tonghop");
        var headSteps = await OpenFromDashboardAsync(head, "Việc chờ tôi xử lý", FirstTitle);
        await CheckBothWidthsAsync(head, "review page");
        await Assertions.Expect(head.GetByRole(AriaRole.Link, new() { Name = "Xem như trang công khai" })).ToBeVisibleAsync();
        await headSteps.TakeStepAsync("Trả lại tác giả", ReturnComment);
        await Assertions.Expect(headSteps.CurrentState).ToContainTextAsync("Trả lại tác giả");

        // Contributor: the returned item on the dashboard, its comment in the editor; corrected and sent again.
        await author.GotoAsync(Site.BaseUrl + "/admin");
        var mine = author.GetByRole(AriaRole.Region, new() { Name = "Bài viết của tôi" });
        await Assertions.Expect(mine).ToContainTextAsync(ReturnComment);
        await mine.GetByRole(AriaRole.Link, new() { Name = FirstTitle }).ClickAsync();
        await Assertions.Expect(author.Locator(".workflow-return .workflow-comment")).ToHaveTextAsync(ReturnComment);
        await editor.FillTitleAsync(Title);
        await editor.SaveDraftAsync();
        await Assertions.Expect(author.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        await authorSteps.TakeStepAsync("Gửi lại sau khi sửa", "Đã sửa tiêu đề theo ý kiến.");
        await Assertions.Expect(author.Locator(".workflow-panel .workflow-state")).ToHaveTextAsync("Chờ thủ trưởng đơn vị kiểm tra");

        // Unit head: the changes since the version they returned are in view; sends it to the board.
        headSteps = await OpenFromDashboardAsync(head, "Việc chờ tôi xử lý", Title);
        var changes = head.GetByRole(AriaRole.Region, new() { Name = "Thay đổi kể từ lần bạn xem" });
        await Assertions.Expect(changes.Locator("ins.diff-line").Filter(new() { HasText = "tại Thái Nguyên" })).ToBeVisibleAsync();
        await CheckBothWidthsAsync(head, "review page with changes");
        await headSteps.TakeStepAsync("Gửi Ban Biên tập", "Đã kiểm tra số liệu.");
        await Assertions.Expect(headSteps.CurrentState).ToContainTextAsync("Thư ký Ban Biên tập tiếp nhận, tổng hợp");

        // Board secretary: presents it to the board head.
        var secretary = await PersonAsync("thuky");
        var secretarySteps = await OpenFromDashboardAsync(secretary, "Việc chờ tôi xử lý", Title);
        await secretarySteps.TakeStepAsync("Trình Trưởng Ban", "Trình Trưởng Ban duyệt.");
        await Assertions.Expect(secretarySteps.CurrentState).ToContainTextAsync("Chờ Trưởng Ban Biên tập duyệt");

        // Board head, on a phone (375 px): the dashboard, the inbox and the review page with its approve and return
        // forms fit the screen (no sideways scrolling); approves.
        var board = await PersonAsync("truongban");
        await board.SetViewportSizeAsync(375, 812);
        await Browsers.AssertNoSidewaysScrollAsync(board);
        await board.GetByRole(AriaRole.Link, new() { Name = "Xem tất cả việc chờ xử lý" }).ClickAsync();
        await CheckBothWidthsAsync(board, "inbox");
        await board.SetViewportSizeAsync(375, 812);
        await Browsers.AssertNoSidewaysScrollAsync(board);
        var boardSteps = new WorkflowPages(board, Site.BaseUrl);
        await boardSteps.OpenFromInboxAsync(Title);
        await Assertions.Expect(board.GetByRole(AriaRole.Button, new() { Name = "Trả lại để sửa", Exact = true })).ToBeVisibleAsync();
        await Browsers.AssertNoSidewaysScrollAsync(board);
        await boardSteps.TakeStepAsync("Duyệt đăng", "Đồng ý đăng.");
        await Assertions.Expect(boardSteps.CurrentState).ToContainTextAsync("Đã duyệt, chờ đăng");
        await Browsers.AssertNoSidewaysScrollAsync(board);

        // Publisher: publishes the approved version.
        var publisher = await PersonAsync("dangtin");
        var publisherSteps = await OpenFromDashboardAsync(publisher, "Việc chờ tôi xử lý", Title);
        await publisherSteps.TakeStepAsync("Đăng bản đã duyệt", "Đã đăng.");
        await Assertions.Expect(publisherSteps.CurrentState).ToContainTextAsync("Đã đăng");

        // The record: every step, in order, by its person in their role (named in Vietnamese), with the return's comment.
        var record = await publisherSteps.RecordAsync();
        (string Step, string User, string Role)[] expected =
        [
            ("Gửi thủ trưởng đơn vị", "ctv.tonghop", "Cán bộ, cộng tác viên"),
            ("Trả lại tác giả", "tp.tonghop", "Thủ trưởng đơn vị"),
            ("Gửi lại sau khi sửa", "ctv.tonghop", "Cán bộ, cộng tác viên"),
            ("Gửi Ban Biên tập", "tp.tonghop", "Thủ trưởng đơn vị"),
            ("Trình Trưởng Ban", "thuky", "Thư ký Ban Biên tập"),
            ("Duyệt đăng", "truongban", "Trưởng Ban Biên tập"),
            ("Đăng bản đã duyệt", "dangtin", "Cán bộ quản trị, đăng tin"),
        ];
        Assert.Equal(expected.Length, record.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), record[i][0]);
            Assert.Equal(expected[i].Step, record[i][2]);
            Assert.StartsWith(expected[i].User + " ", record[i][4], StringComparison.Ordinal);
            Assert.Contains(expected[i].Role, record[i][4], StringComparison.Ordinal);
        }

        Assert.Equal(ReturnComment, record[1][6]);

        // A reader finds it on the public site; the image answers 200 with bytes.
        var reader = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        await reader.GotoAsync(Site.BaseUrl + "/");
        await reader.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("table caption")).ToHaveTextAsync("Đơn vị điều tra");
        Assert.True(await ImageLoadedAsync(reader, AltText), "The public page's image did not load.");
        var source = await reader.GetByAltText(AltText).GetAttributeAsync("src");
        var image = await reader.APIRequest.GetAsync(new Uri(new Uri(reader.Url), source).ToString());
        Assert.Equal(200, image.Status);
        Assert.True((await image.BodyAsync()).Length > 0, "The public page's image is empty.");

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    /// <summary>Signs a person in at a desk's width; they land on their dashboard.</summary>
    private async Task<IPage> PersonAsync(string userName)
    {
        var page = await SignInAsync(userName, Password);
        await page.SetViewportSizeAsync(1440, 900);
        return page;
    }

    /// <summary>From the person's dashboard, opens the item listed in the block <paramref name="block"/>.</summary>
    private async Task<WorkflowPages> OpenFromDashboardAsync(IPage page, string block, string title)
    {
        await page.GotoAsync(Site.BaseUrl + "/admin");
        await CheckBothWidthsAsync(page, "dashboard of " + block);
        await page.GetByRole(AriaRole.Region, new() { Name = block }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/quy-trinh/noi-dung/**");
        return new WorkflowPages(page, Site.BaseUrl);
    }

    /// <summary>axe on the page at 768 px and at 1440 px, once per kind of page; the page is left at 1440 px.</summary>
    private async Task CheckBothWidthsAsync(IPage page, string kind)
    {
        if (!_checked.Add(kind))
        {
            return;
        }

        await page.SetViewportSizeAsync(768, 1024);
        await CheckAccessibilityAsync(page);
        await page.SetViewportSizeAsync(1440, 900);
        await CheckAccessibilityAsync(page);
    }

    /// <summary>Whether the image shows (loaded, with a width), after it is scrolled into view (it may load lazily).</summary>
    /// <summary>Whether the image named <paramref name="alt"/> has loaded with pixels, waiting up to 15 s (a loaded
    /// machine makes variants slowly); when it has not, fails naming the address the browser chose and its answer.</summary>
    private static async Task<bool> ImageLoadedAsync(IPage page, string alt)
    {
        var image = page.GetByAltText(alt).First;
        await image.ScrollIntoViewIfNeededAsync();
        for (var waited = 0; waited < 150; waited++)
        {
            if (await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"))
            {
                return true;
            }

            await Task.Delay(100);
        }

        var chosen = await image.EvaluateAsync<string>("img => img.currentSrc || img.src");
        var answer = await page.APIRequest.GetAsync(chosen);
        Assert.Fail($"The image {chosen} did not load; asked again it answers {answer.Status} with {(await answer.BodyAsync()).Length} bytes.");
        return false;
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(1280, 720);
        bitmap.Erase(new SKColor(11, 61, 145));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
