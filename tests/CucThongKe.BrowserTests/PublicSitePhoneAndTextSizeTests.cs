using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>A reader enlarges the text with JavaScript on and keeps the choice; on a 375 px phone no public page scrolls
/// sideways, however wide its tables (issue 15 item 6).</summary>
[Collection(ReaderSite.Collection)]
public sealed class PublicSitePhoneAndTextSizeTests(ReaderSite reader)
{
    /// <summary>The main public pages, each kind of table among them: the document lookup, a report's data table, the
    /// directory, the release calendar, and a page whose rich text holds a wide table.</summary>
    public static readonly string[] MainPages =
    [
        "/",
        "/gioi-thieu",
        "/gioi-thieu/bien-che-cac-don-vi-nam-2026",
        "/tin-tuc",
        "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026",
        "/van-ban",
        "/van-ban/luat-thong-ke-nam-2015",
        "/tinh-hinh-kinh-te-xa-hoi",
        "/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-8-nam-2026",
        "/an-pham",
        "/an-pham/nien-giam-thong-ke-tinh-thai-nguyen-2025",
        "/hoi-dap",
        "/danh-ba",
        "/lich-cong-bo",
        "/lien-he",
        "/so-do-trang",
        "/tim-kiem?q=th%E1%BB%91ng+k%C3%AA",
        "/en",
        "/khong-co-trang-nay",
    ];

    [Fact]
    public async Task With_javascript_on_a_plus_enlarges_the_text_in_place_and_the_choice_survives_a_reload()
    {
        var page = await reader.NewPageAsync();
        await page.GotoAsync(reader.Site.BaseUrl + "/tin-tuc");
        var before = await RootFontSizeAsync(page);
        // Set on this document: gone if the click navigated (the links' fallback without JavaScript) instead of the script acting.
        await page.EvaluateAsync("() => window.stayedOnPage = true");

        await page.GetByRole(AriaRole.Link, new() { Name = "A+ (tăng cỡ chữ)" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("co-chu-lon");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stayedOnPage === true"), "The script changed the size in place.");
        var larger = await RootFontSizeAsync(page);
        Assert.True(larger > before, $"{larger}px after A+, {before}px before");

        await page.GetByRole(AriaRole.Link, new() { Name = "A+ (tăng cỡ chữ)" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("co-chu-rat-lon");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("co-chu-rat-lon");
        Assert.True(await RootFontSizeAsync(page) > larger, "The largest size is kept after a reload.");

        await page.GetByRole(AriaRole.Link, new() { Name = "A (cỡ chữ mặc định)" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("co-chu-vua");
        Assert.Equal(before, await RootFontSizeAsync(page));
    }

    [Fact]
    public async Task At_375_px_no_main_public_page_scrolls_sideways_and_wide_tables_scroll_in_their_own_focusable_box()
    {
        await reader.Site.RunRecipeAsync("wide-table.recipe.json");
        var page = await reader.NewPageAsync(375, 812);
        var problems = new List<string>();

        foreach (var path in MainPages)
        {
            await page.GotoAsync(reader.Site.BaseUrl + path);
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            if (scrollWidth > innerWidth)
            {
                var wide = await page.EvaluateAsync<string[]>(
                    "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))", innerWidth);
                problems.Add($"{path}: {scrollWidth}px of content in a {innerWidth}px window ({string.Join(", ", wide)})");
            }

            // A table box that scrolls is a named region a keyboard can reach.
            var unreachable = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.table-scroll')].filter(e => e.getAttribute('role') !== 'region' || !e.getAttribute('aria-label') || e.tabIndex !== 0).map(e => e.outerHTML.slice(0, 80))");
            problems.AddRange(unreachable.Select(html => $"{path}: {html}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
