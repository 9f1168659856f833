using System.Text;
using System.Text.Json;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>What a reader comes for (issue 15, "What must be shown"): the CPI found on the home page's key figures, its page
/// read as a table, its series downloaded as CSV and XLSX (the files' contents checked), and its next release followed to
/// the calendar; axe clean and no sideways scrolling on every page of the way, on a desktop and on a phone.</summary>
[Collection(ReaderSite.Collection)]
public sealed class IndicatorJourneyTests(ReaderSite reader)
{
    private const string Cpi = "Chỉ số giá tiêu dùng (CPI) so với cùng kỳ năm trước";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task A_reader_finds_the_cpi_on_the_home_page_reads_and_downloads_its_series_and_follows_its_next_release(int width, int height)
    {
        var page = await reader.NewPageAsync(width, height);
        var site = new PublicPage(page, reader.Site.BaseUrl);
        var violations = new List<string>();

        // Home: the key figures name the CPI with its latest released value and period.
        await site.OpenAsync("/");
        var figure = page.GetByRole(AriaRole.Region, new() { Name = "Số liệu chủ yếu" }).GetByRole(AriaRole.Link).Filter(new() { HasText = Cpi });
        await Assertions.Expect(figure).ToContainTextAsync("103,05%");
        await Assertions.Expect(figure).ToContainTextAsync("Tháng 8/2026");
        await CheckPageAsync(page, violations);

        // The indicator's page: the series as a table, newest first.
        await figure.ClickAsync();
        await Assertions.Expect(site.Heading(Cpi)).ToBeVisibleAsync();
        var table = page.Locator("main table.data-table");
        await Assertions.Expect(table.Locator("tbody tr").First).ToContainTextAsync("Tháng 8/2026");
        Assert.Equal("102,98%", await table.Locator("tbody tr").Filter(new() { HasText = "Tháng 7/2026" }).Locator("td").First.InnerTextAsync());
        Assert.Equal("103,05%", await table.Locator("tbody tr").Filter(new() { HasText = "Tháng 8/2026" }).Locator("td").First.InnerTextAsync());
        await CheckPageAsync(page, violations);

        // CSV: a header row, then values a spreadsheet or a script reads (a dot for decimals).
        var (csvName, csv) = await site.DownloadAsync("CSV");
        Assert.Equal("chi-so-cpi.csv", csvName);
        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Kỳ,Giá trị (%),Tình trạng", lines[0]);
        Assert.Contains("Tháng 8/2026,103.05,Sơ bộ", lines);
        Assert.Contains("Tháng 6/2026,103.12,Chính thức", lines);

        // XLSX, read back by the site's own reader: the same header and values.
        var (xlsxName, xlsx) = await site.DownloadAsync("XLSX");
        Assert.Equal("chi-so-cpi.xlsx", xlsxName);
        var sheet = ReadXlsx(xlsx);
        Assert.Equal(["Kỳ", "Giá trị (%)", "Tình trạng"], sheet.Headers);
        Assert.Contains(sheet.Rows, r => r.SequenceEqual(["Tháng 8/2026", "103,05", "Sơ bộ"]));

        // The open-data API gives the values as JSON numbers.
        var api = await page.APIRequest.GetAsync(reader.Site.BaseUrl + "/api/data/indicators/cpi");
        Assert.True(api.Ok, $"/api/data/indicators/cpi answered {api.Status}");
        using (var json = JsonDocument.Parse(await api.BodyAsync()))
        {
            var august = json.RootElement.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("period").GetString() == "2026-M08").GetProperty("value");
            Assert.Equal(JsonValueKind.Number, august.ValueKind);
            Assert.Equal(103.05m, august.GetDecimal());
        }

        // The next release, followed to the calendar: planned there, and the past one links to what it published.
        await Assertions.Expect(page.Locator("main .next-release")).ToContainTextAsync(ReaderSite.NextReleaseTitle);
        await page.Locator("main .next-release").GetByRole(AriaRole.Link, new() { Name = "Xem lịch phổ biến thông tin" }).ClickAsync();
        await Assertions.Expect(site.Heading("Lịch phổ biến thông tin thống kê")).ToBeVisibleAsync();
        var calendar = page.Locator("main table.data-table tbody");
        await Assertions.Expect(calendar.Locator("tr").Filter(new() { HasText = ReaderSite.NextReleaseTitle })).ToContainTextAsync("Dự kiến");
        var past = calendar.Locator("tr").Filter(new() { HasText = "Tình hình kinh tế - xã hội tháng 8 năm 2026" });
        await Assertions.Expect(past).ToContainTextAsync("Đã công bố");
        await Assertions.Expect(past.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-8-nam-2026");
        await CheckPageAsync(page, violations);

        Assert.True(violations.Count == 0, $"At {width}×{height}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>axe on the page (collected, to report every page at once) and no sideways scrolling.</summary>
    private static async Task CheckPageAsync(IPage page, List<string> violations)
    {
        violations.AddRange(await Browsers.SeriousViolationsAsync(page));
        await Browsers.AssertNoSidewaysScrollAsync(page);
    }

    private static StatTable ReadXlsx(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "cpi-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllBytes(path, content);
        try
        {
            return StatTableReader.Read(path, "cpi");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
