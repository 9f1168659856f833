using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The administrator's day (issue 16, "one journey per role"): from the dashboard's menu, a news category added and
/// renamed, an account that left deactivated, the office's telephone changed in the site settings, and a draft a
/// contributor put in the trash by mistake restored; every back-office page touched axe-clean at a desk's and a tablet's width.</summary>
[Collection(PeopleSite.Collection)]
public sealed class AdministratorJourneyTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    private const string Password = "Demo@2026!ctk";
    private const string DraftTitle = "Tin hội nghị bị bỏ vào thùng rác nhầm";

    [Fact]
    public async Task The_administrator_renames_a_category_deactivates_an_account_changes_a_setting_and_restores_from_the_trash()
    {
        // Before the day: an account of someone who left, and a contributor's draft put in the trash by mistake.
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var leaver = new CmsUser { UserName = "ctv.nghiviec", Email = "ctv.nghiviec@example.vn", UnitId = "phong-tong-hop", DisplayName = "Trần Văn Nghỉ" };
            Assert.True((await users.CreateAsync(leaver, Password)).Succeeded);
        }

        var author = await SignInAsync("ctv.tonghop", Password);
        await author.SetViewportSizeAsync(1440, 900);
        var editor = new EditorPage(author, Site.BaseUrl);
        await editor.OpenNewAsync("News");
        await editor.FillTitleAsync(DraftTitle);
        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await editor.SaveDraftAsync();
        await Assertions.Expect(author.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Chuyển vào thùng rác" }).ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Status).Filter(new() { HasText = "thùng rác" })).ToBeVisibleAsync();

        var admin = await SignInAsync(LiveSite.AdminUserName, LiveSite.AdminPassword);
        await admin.SetViewportSizeAsync(1440, 900);
        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu quản trị" });
        var touched = new List<string> { admin.Url };
        await CheckAccessibilityAsync(admin);

        // A category: added, then renamed (its address stays).
        await menu.GetByRole(AriaRole.Link, new() { Name = "Danh mục phân loại", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Chuyên mục tin" }).ClickAsync();
        await admin.GetByLabel("Tên mục *").FillAsync("Tin địa phương");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await admin.GetByLabel("Tên mới của «Tin địa phương»").FillAsync("Tin các huyện, thành phố");
        await admin.GetByLabel("Tên mới của «Tin địa phương»").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "Đổi tên" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Tên mới của «Tin các huyện, thành phố»")).ToBeVisibleAsync();
        touched.Add(admin.Url);
        await CheckAccessibilityAsync(admin);

        // The account of someone who left: deactivated, its sessions ended.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(Site.BaseUrl + "/admin/users");
        touched.Add(admin.Url);
        await CheckAccessibilityAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "ctv.nghiviec", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ngừng hoạt động", Exact = false }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ngừng hoạt động tài khoản ctv.nghiviec");
        touched.Add(admin.Url);
        await CheckAccessibilityAsync(admin);

        // The office's telephone in the site settings.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Cài đặt trang", Exact = true }).ClickAsync();
        await admin.GetByLabel("Điện thoại").FillAsync("0208 3855 999");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu cài đặt trang.");
        await Assertions.Expect(admin.GetByLabel("Điện thoại")).ToHaveValueAsync("0208 3855 999");
        touched.Add(admin.Url);
        await CheckAccessibilityAsync(admin);

        // The draft back from the trash, by the entry the menu now has.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Thùng rác", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Khôi phục “{DraftTitle}”" }).ClickAsync();
        // Back at the restored draft's editor (whose presence notice is a status too).
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã khôi phục" })).ToContainTextAsync($"Đã khôi phục “{DraftTitle}”");
        touched.Add(admin.Url);
        await CheckAccessibilityAsync(admin);

        // The same pages at a tablet's width.
        await admin.SetViewportSizeAsync(768, 1024);
        foreach (var url in touched.Distinct())
        {
            await admin.GotoAsync(url);
            await CheckAccessibilityAsync(admin);
        }

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }
}
