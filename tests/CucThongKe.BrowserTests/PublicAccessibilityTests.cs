using CucThongKe.Tests.Browser.Infrastructure;

namespace CucThongKe.Tests.Browser;

/// <summary>axe finds no serious or critical violation on the readers' pages, on a desktop and at a phone's width, and a phone never scrolls sideways.</summary>
[Collection(ReaderSite.Collection)]
public sealed class PublicAccessibilityTests(ReaderSite reader)
{
    /// <summary>Home, a listing, an article, the document lookup and a document, a report, search, the Q&amp;A and feedback pages, and a few more.</summary>
    public static readonly string[] PublicPages =
    [
        "/",
        "/tin-tuc",
        "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026",
        "/van-ban",
        "/van-ban?so=89",
        "/van-ban/luat-thong-ke-nam-2015",
        "/tinh-hinh-kinh-te-xa-hoi",
        "/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-8-nam-2026",
        "/an-pham/nien-giam-thong-ke-tinh-thai-nguyen-2025",
        "/tim-kiem?q=th%E1%BB%91ng+k%C3%AA",
        "/hoi-dap",
        "/hoi-dap/chi-so-gia-tieu-dung-duoc-tinh-nhu-the-nao",
        "/hoi-dap/gui-cau-hoi",
        "/hoi-dap/tra-cuu",
        "/gop-y",
        "/gop-y/tra-cuu",
        "/lien-he",
        "/kenh-rss",
        "/so-do-trang",
        "/en",
    ];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task The_public_pages_have_no_serious_accessibility_violations_and_never_scroll_sideways(int width, int height)
    {
        var page = await reader.NewPageAsync(width, height);
        var problems = new List<string>();

        foreach (var path in PublicPages)
        {
            var response = await page.GotoAsync(reader.Site.BaseUrl + path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            problems.AddRange(await Browsers.SeriousViolationsAsync(page));

            // Against the screen's width, not window.innerWidth: a phone's browser widens its layout viewport to fit a page that is too wide.
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (pageWidth > width)
            {
                var wide = await page.EvaluateAsync<string[]>(
                    "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))", width);
                problems.Add($"{path}: the page is {pageWidth}px wide on a {width}px screen ({string.Join(", ", wide)})");
            }
        }

        Assert.True(problems.Count == 0, $"At {width}×{height}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
