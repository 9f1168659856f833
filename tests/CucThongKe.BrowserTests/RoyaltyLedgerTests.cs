using CucThongKe.Tests.Browser.Infrastructure;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The accountant closes last month's royalty ledger from the back office (Điều 6.2c); the pages stay accessible.</summary>
[Collection(PeopleSite.Collection)]
public sealed class RoyaltyLedgerTests(PeopleSite people) : LiveSiteTest(people.Site)
{
    [Fact]
    public async Task The_accountant_closes_last_month_and_the_month_is_shown_locked()
    {
        await Site.RunRecipeAsync("royalty-accountant.recipe.json");
        var page = await SignInAsync("ketoan", "Demo@2026!ctk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sổ nhuận bút", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sổ nhuận bút" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        // The form offers last month; closing it locks it and lists it among the closed months.
        var month = await page.GetByLabel("Tháng cần khóa").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã khóa sổ nhuận bút");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"tháng {month[5..]}/{month[..4]}: 0 dòng");
        await CheckAccessibilityAsync(page);

        // Closing it again is refused with the reason, on the page.
        await page.GetByLabel("Tháng cần khóa").FillAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã khóa");

        // The report of that month, printable, for the record.
        await page.GotoAsync($"{Site.BaseUrl}/admin/nhuan-but/bao-cao?tu={month}&den={month}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải về Excel (XLSX)" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }
}
