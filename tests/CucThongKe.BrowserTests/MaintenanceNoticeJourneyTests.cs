using System.Globalization;
using CucThongKe.Tests.Browser.Infrastructure;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>An operator on a 768 px tablet schedules planned downtime; the public site announces it at once (issue 13
/// item 7); the main back-office pages do not scroll sideways at 768 px, nor the workflow pages at 1440 px (issue 16 item 8).</summary>
[Collection(CitizensSite.Collection)]
public sealed class MaintenanceNoticeJourneyTests(CitizensSite people) : LiveSiteTest(people.Site)
{
    private const string Reason = "Nâng cấp máy chủ của Trang thông tin điện tử.";

    private static readonly string[] NarrowPages =
        ["/admin", "/admin/contents", "/admin/quy-trinh", "/admin/thong-bao", "/admin/media", "/admin/su-co", "/admin/tai-khoan", "/admin/bao-tri"];

    private static readonly string[] WidePages = ["/admin/quy-trinh", "/admin/quy-trinh/dinh-nghia"];

    [Fact]
    public async Task The_publisher_schedules_a_window_on_a_tablet_and_the_public_site_announces_it()
    {
        var page = await SignInAsync("dangtin", "Demo@2026!ctk");
        await page.SetViewportSizeAsync(768, 1024);
        var problems = new List<string>();
        foreach (var path in NarrowPages)
        {
            await page.GotoAsync(Site.BaseUrl + path);
            problems.AddRange(await SidewaysAsync(page, path));
        }

        // A month ahead: well over the 7 working days' notice.
        var start = DateTime.UtcNow.AddHours(7).Date.AddDays(30).AddHours(22);
        await page.GotoAsync(Site.BaseUrl + "/admin/bao-tri");
        await page.GetByLabel("Bắt đầu (giờ Việt Nam) *").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Kết thúc (giờ Việt Nam) *").FillAsync(start.AddHours(4).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Nội dung thông báo cho người đọc *").FillAsync(Reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lịch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt lịch bảo trì");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sắp diễn ra" })).ToBeVisibleAsync();
        problems.AddRange(await SidewaysAsync(page, "/admin/bao-tri (một lịch)"));
        await CheckAccessibilityAsync(page);

        var reader = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        await reader.GotoAsync(Site.BaseUrl + "/");
        var notice = reader.GetByRole(AriaRole.Note, new() { Name = "Thông báo bảo trì" });
        await Assertions.Expect(notice).ToContainTextAsync("Thông báo tạm ngừng hoạt động để bảo trì");
        await Assertions.Expect(notice).ToContainTextAsync(start.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(notice).ToContainTextAsync(Reason);
        await CheckAccessibilityAsync(reader);

        await page.SetViewportSizeAsync(1440, 900);
        foreach (var path in WidePages)
        {
            await page.GotoAsync(Site.BaseUrl + path);
            problems.AddRange(await SidewaysAsync(page, path + " (1440 px)"));
        }

        // The shared site's other tests read its public pages: the window is cancelled again.
        await page.GotoAsync(Site.BaseUrl + "/admin/bao-tri");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa hoặc huỷ" }).First.ClickAsync();
        await CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Huỷ lịch bảo trì" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã huỷ lịch bảo trì");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    /// <summary>The page's width beyond the window, with the elements that stick out.</summary>
    private static async Task<IEnumerable<string>> SidewaysAsync(IPage page, string path)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1])
        {
            return [];
        }

        var wide = await page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))", widths[1]);
        return [$"{path}: {widths[0]}px of content in a {widths[1]}px window ({string.Join(", ", wide)})"];
    }
}
