using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The board's dashboard and the content list (issue 14 item 5, issue 16 items 4 and 7), at a desk's width and a tablet's.</summary>
[Collection(CitizensSite.Collection)]
public sealed class ContentDeskJourneyTests(CitizensSite people) : LiveSiteTest(people.Site)
{
    private const string Password = "Demo@2026!ctk";

    [Fact]
    public async Task An_author_submits_two_drafts_at_once_from_the_list_and_the_board_reads_them_waiting_on_its_dashboard()
    {
        // Two drafts, sent together from the saved filter "Bản nháp của tôi".
        var author = await SignInAsync("ctv.tonghop", Password);
        await author.SetViewportSizeAsync(1440, 900);
        var editor = new EditorPage(author, Site.BaseUrl);
        string[] titles = ["Tin gửi cùng lúc thứ nhất", "Tin gửi cùng lúc thứ hai"];
        foreach (var title in titles)
        {
            await editor.OpenNewAsync("News");
            await editor.FillTitleAsync(title);
            await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
            await editor.SaveDraftAsync();
            await Assertions.Expect(author.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        }

        await author.GotoAsync(Site.BaseUrl + "/admin/contents");
        await author.GetByRole(AriaRole.Link, new() { Name = "Bản nháp của tôi" }).ClickAsync();
        foreach (var title in titles)
        {
            await author.GetByLabel($"Chọn “{title}”").CheckAsync();
        }

        await author.GetByLabel("Thao tác với các nội dung đã chọn").SelectOptionAsync(new SelectOptionValue { Label = "Gửi duyệt" });
        await author.GetByRole(AriaRole.Button, new() { Name = "Thực hiện" }).ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gửi duyệt" })).ToContainTextAsync("đã thực hiện 2, không thực hiện được 0");
        await CheckAccessibilityAsync(author);

        // The board head's dashboard: what waits at each gate, then the list filtered by that step.
        var board = await SignInAsync("truongban", Password);
        foreach (var (width, height) in new[] { (1440, 900), (768, 1024) })
        {
            await board.SetViewportSizeAsync(width, height);
            await board.GotoAsync(Site.BaseUrl + "/admin");
            var gates = board.GetByRole(AriaRole.Region, new() { Name = "Đang chờ ở từng khâu" });
            await Assertions.Expect(gates).ToContainTextAsync("Chờ thủ trưởng đơn vị kiểm tra");
            await CheckAccessibilityAsync(board);

            await board.GotoAsync(Site.BaseUrl + "/admin/contents");
            await board.GetByLabel("Bước duyệt").SelectOptionAsync(new SelectOptionValue { Label = "Chờ thủ trưởng đơn vị kiểm tra" });
            await board.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
            foreach (var title in titles)
            {
                await Assertions.Expect(board.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
            }

            await CheckAccessibilityAsync(board);
        }

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }
}
