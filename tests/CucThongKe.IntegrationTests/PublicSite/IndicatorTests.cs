using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// Indicators, their series and the release calendar (issue 15): a value is seen nowhere (indicator page, home page's key
/// figures, downloads) before the release it belongs to is published through the chain; a revision keeps the old value;
/// the calendar's page, iCal and RSS; the back office's import refuses bad files whole, naming the cell, encoded.
/// </summary>
public sealed class IndicatorTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private readonly ShiftedClock _clock = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_release_shows_its_values_everywhere_only_when_its_report_is_published_and_keeps_the_revised_value()
    {
        var (later, laterPath) = await ArrangeReleasesAsync();
        var client = Client();

        // Before the release: the earlier figures only, on every path a reader has.
        var page = await TextAsync(client, "/chi-so/cpi");
        Assert.Contains("103,52%", page, StringComparison.Ordinal);
        Assert.Contains("103,61%", page, StringComparison.Ordinal);
        Assert.DoesNotContain("104,87", page, StringComparison.Ordinal);
        Assert.DoesNotContain("103,55", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart chart-line\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tháng 10/2026</th>", page, StringComparison.Ordinal);
        Assert.Contains("Công bố tiếp theo", page, StringComparison.Ordinal);
        Assert.Contains("Chỉ số giá tiêu dùng tháng 11", page, StringComparison.Ordinal);
        var csv = await TextAsync(client, "/chi-so/cpi/tai-ve/csv");
        Assert.Contains("Tháng 10/2026,103.52,Sơ bộ", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("104.87", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng 11/2026", await TextAsync(client, "/chi-so/cpi/tai-ve/json"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng 11/2026", await XlsxTextAsync(client), StringComparison.Ordinal);
        var home = await TextAsync(client, "/");
        Assert.Contains("103,52%", home, StringComparison.Ordinal);
        Assert.DoesNotContain("104,87", home, StringComparison.Ordinal);
        Assert.Contains("Chỉ số giá tiêu dùng tháng 11", home, StringComparison.Ordinal);
        Assert.Contains("Dự kiến", await TextAsync(client, "/lich-cong-bo"), StringComparison.Ordinal);
        // The search's answer card: nothing of November before its release, October's figure (the card's period) meanwhile.
        var search = await TextAsync(client, "/tim-kiem?q=" + Uri.EscapeDataString("CPI tháng 11"));
        Assert.DoesNotContain("104,87", search, StringComparison.Ordinal);
        Assert.DoesNotContain("search-answer-value", search, StringComparison.Ordinal);
        Assert.Contains("<strong>103,52%</strong> <span>Tháng 10/2026</span>", await TextAsync(client, "/tim-kiem?q=" + Uri.EscapeDataString("chỉ số giá tiêu dùng")), StringComparison.Ordinal);

        // The report published ahead of the planned time (an editor's slip) still releases nothing, and the pages read
        // now are cached with what they show before the release.
        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(later.Item, later.Version, new PublishRequest(PublishSource.Direct, "kiem.thu")));
        Assert.DoesNotContain(await SeriesAsync(), p => p.Period.Key == "2026-M11");
        Assert.DoesNotContain("104,87", await TextAsync(client, "/chi-so/cpi"), StringComparison.Ordinal);
        Assert.DoesNotContain("104,87", await TextAsync(client, "/"), StringComparison.Ordinal);
        Assert.Contains("Dự kiến", await TextAsync(client, "/lich-cong-bo"), StringComparison.Ordinal);

        // The planned time comes: the release is out, and no cached page keeps the earlier figures (no content change
        // happens then: the node's eviction at the planned time does it; woken here as the clock jumps, where a real
        // clock's sleep would end at that time).
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Contains(await SeriesAsync(), p => p.Period.Key == "2026-M11");
        Site.Services.GetRequiredService<ReleaseSignal>().Raise();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(page = await TextAsync(client, "/chi-so/cpi")).Contains("104,87%", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.Contains("104,87%", page, StringComparison.Ordinal);
        Assert.Contains("103,55%", page, StringComparison.Ordinal);
        Assert.DoesNotContain("103,52%", page, StringComparison.Ordinal);
        Assert.Contains("Tháng 11/2026,104.87,Sơ bộ", await TextAsync(client, "/chi-so/cpi/tai-ve/csv"), StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(await TextAsync(client, "/chi-so/cpi/tai-ve/json")))
        {
            var values = json.RootElement.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(["2026-M09", "2026-M10", "2026-M11"], values.Select(v => v.GetProperty("period").GetString()));
            Assert.Equal(103.55m, values[1].GetProperty("value").GetDecimal());
        }

        Assert.Contains("Tháng 11/2026", await XlsxTextAsync(client), StringComparison.Ordinal);
        Assert.Contains("104,87%", await TextAsync(client, "/"), StringComparison.Ordinal);
        Assert.Contains("<strong>104,87%</strong> <span>Tháng 11/2026</span>", await TextAsync(client, "/tim-kiem?q=" + Uri.EscapeDataString("cpi thang 11")), StringComparison.Ordinal);
        var calendar = await TextAsync(client, "/lich-cong-bo");
        Assert.Contains($"<a href=\"/{laterPath}\">Chỉ số giá tiêu dùng tháng 11</a>", calendar, StringComparison.Ordinal);
        Assert.Contains("Đã công bố", calendar, StringComparison.Ordinal);

        // The revision kept the value it replaced, with who and when.
        var history = await Site.WithScopeAsync(async s =>
        {
            var store = s.GetRequiredService<IndicatorStore>();
            var cpi = await store.FindAsync("cpi");
            return await store.HistoryAsync(cpi!.Id, 100);
        });
        Assert.Equal([103.55m, 103.52m], history.Where(v => v.PeriodKey == "2026-M10").Select(v => v.Value));
        Assert.Equal(ValueStatus.Revised, history.First(v => v.PeriodKey == "2026-M10").Status);
        Assert.All(history, v => Assert.Equal("kiem.thu", v.CreatedBy));
        Assert.Equal(later.Release, history.First(v => v.PeriodKey == "2026-M11").ReleaseId);
    }

    [Fact]
    public async Task The_calendar_is_valid_icalendar_and_rss_and_shows_a_postponement_with_its_reason()
    {
        var planned = new DateTime(Now.Ticks - (Now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddDays(2);
        await Site.WithScopeAsync(async s =>
        {
            var calendar = s.GetRequiredService<ReleaseCalendar>();
            await calendar.SaveAsync(new ReleaseEntry
            {
                Key = "cpi-thang-12", Title = "Chỉ số giá tiêu dùng tháng 12; năm 2026, so với cùng kỳ và bình quân cả năm (số liệu ước tính)",
                PlannedUtc = planned, Period = "Tháng 12/2026", IndicatorCodes = "cpi",
            }, "kiem.thu");
            await calendar.SaveAsync(new ReleaseEntry
            {
                Key = "iip-thang-12", Title = "Chỉ số sản xuất công nghiệp tháng 12", PlannedUtc = Now.AddDays(3), Status = ReleaseStatus.Postponed,
                Reason = "Chờ số liệu điều tra doanh nghiệp", IndicatorCodes = "iip",
            }, "kiem.thu");
        });
        var client = Client();

        var response = await client.GetAsync("/lich-cong-bo.ics");
        var ics = await response.Content.ReadAsStringAsync();
        var rss = XDocument.Parse(await TextAsync(client, "/lich-cong-bo/rss"));
        var page = await TextAsync(client, "/lich-cong-bo");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"Line longer than 75 octets: {l}"));
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains(lines, l => l.StartsWith("UID:cpi-thang-12@", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "DTSTART:" + planned.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        // Unfolded, the summary is the title with its comma and semicolon escaped.
        Assert.Contains("SUMMARY:Chỉ số giá tiêu dùng tháng 12\\; năm 2026\\, so với cùng kỳ và bình quân cả năm (số liệu ước tính)", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE", ics, StringComparison.Ordinal);
        Assert.Equal(2, rss.Descendants("item").Count());
        Assert.Contains(rss.Descendants("item"), i => i.Element("description")!.Value.Contains("Lý do hoãn: Chờ số liệu điều tra doanh nghiệp", StringComparison.Ordinal));
        Assert.Contains("Hoãn: Chờ số liệu điều tra doanh nghiệp", page, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, await client.GetAsync("/lich-cong-bo?nam=abc"));
    }

    [Fact]
    public async Task The_back_office_import_refuses_a_bad_file_whole_naming_the_cell_and_keeps_revisions()
    {
        var (released, upcoming) = await Site.WithScopeAsync(async s =>
        {
            var (item, _) = await PageAsync(s, "Báo cáo đã công bố", publish: true);
            var calendar = s.GetRequiredService<ReleaseCalendar>();
            var old = await calendar.SaveAsync(new ReleaseEntry { Key = "da-cong-bo", Title = "Đợt đã công bố", PlannedUtc = Now.AddHours(-1), ContentItemId = item }, "kiem.thu");
            var next = await calendar.SaveAsync(new ReleaseEntry { Key = "sap-toi", Title = "Đợt sắp tới", PlannedUtc = Now.AddDays(1) }, "kiem.thu");
            return (old.Id, next.Id);
        });
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var wrong = await UploadAsync(client, upcoming, "cpi.csv", "Mã chỉ số,Kỳ,Giá trị\ncpi,T10/2026,103.5\ncpi,T11/2026,abc\ncpi,T12/2026,<script>alert(1)</script>\n");
        var huge = await UploadAsync(client, upcoming, "lon.csv", "Mã chỉ số,Kỳ,Giá trị\n" + new string('1', (int)StatTableReader.MaxBytes));
        var pdf = await UploadAsync(client, upcoming, "bao-cao.pdf", "%PDF-1.4");
        var fakeXlsx = await UploadAsync(client, upcoming, "so-lieu.xlsx", "không phải tệp Excel");
        var intoReleased = await UploadAsync(client, released, "cpi.csv", "Mã chỉ số,Kỳ,Giá trị\ncpi,T10/2026,103.5\n");
        var postponedWithoutReason = await client.PostAsync("/admin/lich-cong-bo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/lich-cong-bo"),
            ["Form.Key"] = "hoan", ["Form.Title"] = "Đợt hoãn", ["Form.Planned"] = "2027-01-06T09:00", ["Form.Postponed"] = "true",
        }));

        AssertStatus(HttpStatusCode.BadRequest, wrong);
        var wrongBody = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Ô C3: 'abc' không phải là số.", WebUtility.HtmlDecode(wrongBody), StringComparison.Ordinal);
        Assert.Contains("Ô C4: '<script>alert(1)</script>' không phải là số.", WebUtility.HtmlDecode(wrongBody), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", wrongBody, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, huge);
        Assert.Contains("không quá 5 MB", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, pdf);
        Assert.Contains("không phải bảng số liệu XLSX hoặc CSV", WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, fakeXlsx);
        Assert.Contains("không phải tệp Excel (XLSX) hợp lệ", WebUtility.HtmlDecode(await fakeXlsx.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, intoReleased);
        Assert.Contains("đã công bố; số liệu mới hoặc điều chỉnh phải gắn với một đợt công bố sắp tới", WebUtility.HtmlDecode(await intoReleased.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, postponedWithoutReason);
        Assert.Contains("Hoãn công bố phải nêu lý do.", WebUtility.HtmlDecode(await postponedWithoutReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        // A good file, then a correction of one of its periods: the first value stays in the history.
        AssertStatus(HttpStatusCode.Redirect, await UploadAsync(client, upcoming, "cpi.csv", "Mã chỉ số;Kỳ;Giá trị;Tình trạng\ncpi;T10/2026;103,50;sơ bộ\ncpi;T11/2026;104,10;sơ bộ\n"));
        AssertStatus(HttpStatusCode.Redirect, await UploadAsync(client, upcoming, "cpi.csv", "Mã chỉ số;Kỳ;Giá trị\ncpi;T11/2026;104,20\n"));
        var stored = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<IndicatorValue>().OrderBy(v => v.Id).ToListAsync());
        Assert.Equal([("2026-M10", 103.50m, ValueStatus.Preliminary), ("2026-M11", 104.10m, ValueStatus.Preliminary), ("2026-M11", 104.20m, ValueStatus.Revised)],
            stored.Select(v => (v.PeriodKey, v.Value, v.Status)));
        Assert.All(stored, v => Assert.Equal(TestSite.AdminUserName, v.CreatedBy));
        var history = WebUtility.HtmlDecode(await TextAsync(client, "/admin/chi-so?ma=cpi"));
        Assert.Contains("104,10%", history, StringComparison.Ordinal);
        Assert.Contains("104,20%", history, StringComparison.Ordinal);
        // Nothing of it before the release: the entry is not tied to a published report.
        Assert.DoesNotContain("104,2", await TextAsync(Client(), "/chi-so/cpi"), StringComparison.Ordinal);
    }

    /// <summary>An earlier release out (its report published) with September and October, and a later one planned in an
    /// hour whose report is still a draft, with November and a revision of October.</summary>
    private Task<((long Release, string Item, long Version) Later, string LaterPath)> ArrangeReleasesAsync() => Site.WithScopeAsync(async s =>
    {
        var calendar = s.GetRequiredService<ReleaseCalendar>();
        var store = s.GetRequiredService<IndicatorStore>();
        var (earlierItem, _) = await PageAsync(s, "Chỉ số giá tiêu dùng tháng 10", publish: true);
        var (laterItem, laterVersion) = await PageAsync(s, "Chỉ số giá tiêu dùng tháng 11", publish: false);
        var earlier = await calendar.SaveAsync(new ReleaseEntry { Key = "cpi-thang-10", Title = "Chỉ số giá tiêu dùng tháng 10", PlannedUtc = Now.AddMinutes(-5), IndicatorCodes = "cpi", ContentItemId = earlierItem }, "kiem.thu");
        var later = await calendar.SaveAsync(new ReleaseEntry { Key = "cpi-thang-11", Title = "Chỉ số giá tiêu dùng tháng 11", PlannedUtc = Now.AddHours(1), IndicatorCodes = "cpi", ContentItemId = laterItem }, "kiem.thu");
        await store.ImportAsync(Table(["cpi", "T9/2026", "103,61", "chính thức"], ["cpi", "T10/2026", "103,52", "sơ bộ"]), earlier.Id, "kiem.thu", allowReleased: true);
        await store.ImportAsync(Table(["cpi", "T11/2026", "104,87", "sơ bộ"], ["cpi", "T10/2026", "103,55", ""]), later.Id, "kiem.thu");
        var path = await s.GetRequiredService<CmsDbContext>().Set<AutorouteIndex>().Where(r => r.ContentItemId == laterItem).Select(r => r.Path).FirstAsync();
        return ((later.Id, laterItem, laterVersion), path);
    });

    private Task<IReadOnlyList<SeriesPoint>> SeriesAsync() => Site.WithScopeAsync(async s =>
    {
        var store = s.GetRequiredService<IndicatorStore>();
        return await store.SeriesAsync((await store.FindAsync("cpi"))!.Id);
    });

    private static StatTable Table(params string[][] rows) => new()
    {
        Caption = "kiểm thử",
        Headers = ["Mã chỉ số", "Kỳ", "Giá trị", "Tình trạng"],
        Rows = [.. rows.Select(r => (IReadOnlyList<string>)r)],
    };

    private static async Task<(string Id, long VersionId)> PageAsync(IServiceProvider services, string title, bool publish)
    {
        var contents = services.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("Page");
        item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = title };
        var saved = await contents.CreateAsync(item);
        if (publish)
        {
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, "kiem.thu"));
        }

        return (saved.ContentItemId, saved.Id);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, long release, string fileName, string content)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/chi-so");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(release.ToString(CultureInfo.InvariantCulture)), "dot" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName },
        };
        return await client.PostAsync("/admin/chi-so", form);
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        AssertStatus(HttpStatusCode.OK, response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The XLSX download read back by the site's own reader: every cell's text, one row a line.</summary>
    private static async Task<string> XlsxTextAsync(HttpClient client)
    {
        var response = await client.GetAsync("/chi-so/cpi/tai-ve/xlsx");
        AssertStatus(HttpStatusCode.OK, response);
        var path = Path.Combine(Path.GetTempPath(), "cpi-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var table = StatTableReader.Read(path, "cpi");
            return string.Join('\n', table.Rows.Select(r => string.Join(',', r)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
