using CucThongKe.Office.Royalties;
using CucThongKe.Tests.Browser.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The accountant adjusts last month's royalty line and closes the month from the back office (Điều 6.2c); an adjustment
/// sent after the closing, from a form opened before it, is refused; the pages stay accessible.</summary>
[Collection(PeopleSite.Collection)]
public sealed class RoyaltyLedgerTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    [Fact]
    public async Task The_accountant_adjusts_and_closes_last_month_and_a_later_adjustment_is_refused()
    {
        await Site.RunRecipeAsync("royalty-accountant.recipe.json");
        var entryId = await DraftLastMonthAsync();
        var page = await SignInAsync("ketoan", "Demo@2026!ctk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sổ nhuận bút", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sổ nhuận bút" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        // The drafted line is adjusted with a reason (Vietnamese thousands), which reviews it.
        await page.GotoAsync($"{Site.BaseUrl}/admin/nhuan-but/dieu-chinh/{entryId}");
        await page.GetByLabel("Số tiền (đồng)").FillAsync("150.000");
        await page.GetByLabel("Lý do điều chỉnh").FillAsync("Ảnh độc quyền, tính theo mức ảnh phóng sự.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("150.000 đ");

        // Another tab keeps the adjustment form open while the month is closed.
        var stale = await page.Context.NewPageAsync();
        await stale.GotoAsync($"{Site.BaseUrl}/admin/nhuan-but/dieu-chinh/{entryId}");
        await CheckAccessibilityAsync(stale);

        // The form offers last month; closing it locks it and lists it among the closed months with its line and total.
        await page.GotoAsync($"{Site.BaseUrl}/admin/nhuan-but");
        var month = await page.GetByLabel("Tháng cần khóa").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã khóa sổ nhuận bút");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"tháng {month[5..]}/{month[..4]}: 1 dòng, 150.000 đ");
        await CheckAccessibilityAsync(page);

        // Closing it again is refused with the reason, on the page.
        await page.GetByLabel("Tháng cần khóa").FillAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã khóa");

        // The form opened before the closing is refused when sent after it; the line keeps its amount, and the page now offers no form.
        await stale.GetByLabel("Số tiền (đồng)").FillAsync("900.000");
        await stale.GetByLabel("Lý do điều chỉnh").FillAsync("Sửa sau khi đã khóa sổ.");
        var refused = await stale.RunAndWaitForResponseAsync(
            () => stale.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        await Assertions.Expect(stale.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã khóa");
        await Assertions.Expect(stale.Locator("main")).ToContainTextAsync("150.000 đ");
        await Assertions.Expect(stale.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" })).ToHaveCountAsync(0);

        // The report of that month, printable, for the record.
        await page.GotoAsync($"{Site.BaseUrl}/admin/nhuan-but/bao-cao?tu={month}&den={month}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải về Excel (XLSX)" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    /// <summary>A line of last month as a publication drafts it: an external photographer (Điều 14.5), no rate that month (0 đ, to adjust).</summary>
    private async Task<long> DraftLastMonthAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<RoyaltyLedger>();
        var published = DateTime.UtcNow.AddMonths(-1);
        await ledger.DraftAsync(new RoyaltyPublication("b0a1c0000000000000000000ketoan01", "News", "Hội nghị triển khai Tổng điều tra kinh tế", published),
            [new RoyaltyCredit { Role = RoyaltyRole.Photographer, Kind = "anh-phong-su-khong-muc", Name = "Lê Văn Hùng", Unit = "Báo Thái Nguyên" }]);
        var (rows, _, _) = await ledger.PageAsync(new RoyaltyFilter(Person: "Lê Văn Hùng"), null, 1, 10);
        return Assert.Single(rows).Id;
    }
}
