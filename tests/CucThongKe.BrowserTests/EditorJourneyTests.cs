using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;
using SkiaSharp;

namespace CucThongKe.Tests.Browser;

/// <summary>An editor's day in a real browser: two-factor sign-in, an image, a news item with a pasted table, preview, edit, history.</summary>
public sealed class EditorJourneyTests : BrowserTestBase
{
    [Fact]
    public async Task An_editor_signs_in_with_a_code_writes_news_with_an_image_and_a_table_previews_edits_and_reads_the_history()
    {
        var page = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var signIn = new SignInPage(page, Site.BaseUrl);
        var violations = new List<string>();

        // First sign-in: the administrator's role needs an authenticator, so the site asks to set one up.
        using (var http = new HttpClient())
        {
            var probe = await http.GetAsync(Site.BaseUrl + "/dang-nhap");
            Assert.True(probe.IsSuccessStatusCode, $"{probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
        }

        await page.GotoAsync(Site.BaseUrl + "/dang-nhap");
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));
        await signIn.SignInAsync(LiveSite.AdminUserName, LiveSite.AdminPassword);
        await page.WaitForURLAsync("**/admin/tai-khoan/xac-thuc-hai-buoc");
        var totp = await signIn.SetUpAuthenticatorAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mã khôi phục" })).ToBeVisibleAsync();

        // A new session signs in with a code from the app.
        await page.Context.ClearCookiesAsync();
        await signIn.SignInAsync(LiveSite.AdminUserName, LiveSite.AdminPassword);
        await page.WaitForURLAsync("**/dang-nhap/ma-xac-thuc**");
        await signIn.EnterCodeAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.WaitForURLAsync(Site.BaseUrl + "/admin");
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));

        // An image into the media library.
        await page.GotoAsync(Site.BaseUrl + "/admin/media");
        await page.GetByLabel("Tệp", new() { Exact = false }).First.SetInputFilesAsync(new FilePayload { Name = "Hội nghị.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByLabel("Thư mục", new() { Exact = true }).FillAsync("tin-tuc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        var imagePath = await page.Locator(".alert-success code.media-path").InnerTextAsync();
        Assert.StartsWith("tin-tuc/hoi-nghi-", imagePath, StringComparison.Ordinal);

        // A news item with a table pasted as HTML and the image.
        var editor = new EditorPage(page, Site.BaseUrl);
        await editor.OpenNewAsync("News");
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));
        await editor.FillTitleAsync("Kết quả điều tra lao động quý III năm 2026");
        await editor.PasteIntoBodyAsync("<p class=\"MsoNormal\" style=\"mso-line-height:1\">Số liệu chính:</p><table class=\"MsoTable\"><caption>Lao động có việc làm</caption><tr><th scope=\"col\">Quý</th><th scope=\"col\">Nghìn người</th></tr><tr><td>III/2026</td><td>745,2</td></tr></table>");
        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await page.Locator("input[name='News.LeadImage.Items[0].Path']").FillAsync(imagePath);
        await page.Locator("input[name='News.LeadImage.Items[0].AltText']").FillAsync("Quang cảnh hội nghị");
        await editor.SaveDraftAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        var editUrl = page.Url;
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));

        // The preview shows it as the public site would.
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kết quả điều tra lao động quý III năm 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table caption")).ToHaveTextAsync("Lao động có việc làm");
        Assert.DoesNotContain("mso-", await page.Locator(".body").InnerHTMLAsync(), StringComparison.Ordinal);

        // An edit makes version 2; the history shows what changed.
        await page.GotoAsync(editUrl);
        await editor.FillTitleAsync("Kết quả điều tra lao động và việc làm quý III năm 2026");
        await editor.SaveDraftAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu bản nháp (phiên bản 2).");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử phiên bản" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "So sánh" }).ClickAsync();
        await Assertions.Expect(page.Locator("del.diff-line").First).ToContainTextAsync("Kết quả điều tra lao động quý III năm 2026");
        await Assertions.Expect(page.Locator("ins.diff-line").First).ToContainTextAsync("lao động và việc làm");

        await page.GotoAsync(Site.BaseUrl + "/admin/contents");
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(640, 360);
        bitmap.Erase(new SKColor(11, 61, 145));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
