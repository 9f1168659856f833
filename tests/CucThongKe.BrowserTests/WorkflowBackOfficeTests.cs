using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The workflow pages an administrator and a user keep for themselves: the definition editor's live check, API tokens, notifications.</summary>
[Collection(PeopleSite.Collection)]
public sealed class WorkflowBackOfficeTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    [Fact]
    public async Task The_definition_editor_checks_the_text_as_it_is_typed_and_saves_nothing_until_asked()
    {
        var page = await SignInAsync(LiveSite.AdminUserName, LiveSite.AdminPassword);
        await page.GotoAsync(Site.BaseUrl + "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa định nghĩa" }).ClickAsync();
        await Assertions.Expect(page.Locator("#definition-check svg")).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        // A role that does not exist, typed into the field: the check says so under it, without a button pressed.
        var field = page.GetByLabel("Định nghĩa (JSON)");
        var json = await field.InputValueAsync();
        await field.FillAsync(json.Replace("\"BoardSecretary\"\n", "\"ThuKyKhongCo\"\n", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#definition-check")).ToContainTextAsync("không có vai trò 'ThuKyKhongCo'");
        await Assertions.Expect(page.Locator("#definition-check svg")).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        // Saving it is refused; the stored definition is unchanged.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu định nghĩa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Chưa lưu: định nghĩa có lỗi.");
        await page.GotoAsync(Site.BaseUrl + "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("ThuKyKhongCo");

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    [Fact]
    public async Task A_user_makes_an_api_token_and_reads_a_notification()
    {
        // The contributor sends a draft: the unit head is told.
        var contributor = await SignInAsync("ctv.tonghop", "Demo@2026!ctk");
        var editor = new EditorPage(contributor, Site.BaseUrl);
        await editor.OpenNewAsync("News");
        await editor.FillTitleAsync("Tin báo cho trưởng phòng");
        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await editor.SaveDraftAsync();
        var workflow = new WorkflowPages(contributor, Site.BaseUrl);
        await workflow.OpenFromInboxAsync("Tin báo cho trưởng phòng");
        await workflow.TakeStepAsync("Gửi thủ trưởng đơn vị", "Kính gửi trưởng phòng.");

        var page = await SignInAsync("tp.tonghop", "Demo@2026!ctk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thông báo (1 chưa đọc)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tin báo cho trưởng phòng", Exact = false })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thông báo", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mã truy cập API của tôi" }).ClickAsync();
        await page.GetByLabel("Tên mã", new() { Exact = false }).FillAsync("Bảng tính tổng hợp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã truy cập" }).ClickAsync();
        await Assertions.Expect(page.Locator("code.api-token")).ToContainTextAsync("ctk_");
        await CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi mã Bảng tính tổng hợp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "đã thu hồi", Exact = false })).ToBeVisibleAsync();

        // The header's sign-out button ends the session.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(Site.BaseUrl + "/");
        await page.GotoAsync(Site.BaseUrl + "/admin/thong-bao");
        await page.WaitForURLAsync("**/dang-nhap**");

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }
}
