using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>An editor brings text typed years ago with a .VnTime font (TCVN3) and gets Unicode with one click per field (Điều 15.3).</summary>
[Collection(PeopleSite.Collection)]
public sealed class UnicodeEditorTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    /// <summary>"Hội nghị tổng kết công tác thống kê năm 2025" in TCVN3.</summary>
    private const string Tcvn3Title = "Héi nghÞ tæng kÕt c«ng t¸c thèng kª n¨m 2025";

    /// <summary>"Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết." in TCVN3, in a paragraph with a class Word leaves.</summary>
    private const string Tcvn3Paragraph = "<p class=\"MsoNormal\">S¸ng 28/11, Côc Thèng kª tæ chøc héi nghÞ tæng kÕt.</p>";

    [Fact]
    public async Task An_editor_pastes_a_tcvn3_title_and_paragraph_accepts_the_conversion_saves_and_the_item_is_in_unicode()
    {
        var page = await SignInAsync("ctv.tonghop", "Demo@2026!ctk");
        var editor = new EditorPage(page, Site.BaseUrl);
        await editor.OpenNewAsync("News");

        // The title: the offer names the encoding and previews the Unicode text.
        await editor.FillTitleAsync(Tcvn3Title);
        var titleOffer = page.Locator("#f-TitlePart-Title + .unicode-offer");
        await Assertions.Expect(titleOffer).ToContainTextAsync("bảng mã TCVN3");
        await Assertions.Expect(titleOffer).ToContainTextAsync("Xem trước: «Hội nghị tổng kết công tác thống kê năm 2025»");
        await Assertions.Expect(titleOffer).ToHaveAttributeAsync("role", "status");
        await CheckAccessibilityAsync(page);
        await titleOffer.GetByRole(AriaRole.Button, new() { Name = "Chuyển sang Unicode" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-TitlePart-Title")).ToHaveValueAsync("Hội nghị tổng kết công tác thống kê năm 2025");
        await Assertions.Expect(titleOffer).ToBeEmptyAsync();
        await Assertions.Expect(titleOffer).Not.ToHaveAttributeAsync("role", "status");

        // The body (rich text): same offer under the editor; the paragraph's markup survives the conversion.
        await editor.PasteIntoBodyAsync(Tcvn3Paragraph);
        var bodyOffer = page.Locator(".unicode-offer.has-offer");
        await Assertions.Expect(bodyOffer).ToContainTextAsync("Xem trước: «Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết.»");
        await CheckAccessibilityAsync(page);
        await bodyOffer.GetByRole(AriaRole.Button, new() { Name = "Chuyển sang Unicode" }).ClickAsync();
        await Assertions.Expect(page.Locator(".jodit-wysiwyg p")).ToHaveTextAsync("Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết.");

        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await editor.SaveDraftAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        // No warning shown (the edit page keeps a hidden "someone else is editing" box for its presence script).
        await Assertions.Expect(page.Locator(".alert-warning:visible")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội nghị tổng kết công tác thống kê năm 2025" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".body")).ToContainTextAsync("Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết.");
        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }
}
