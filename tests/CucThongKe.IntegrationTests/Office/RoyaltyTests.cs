using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Office.Royalties;
using CucThongKe.Tests.Workflows;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Office;

/// <summary>The royalty ledger over a month on the site's clock: publications draft entries from the rate of their date, the
/// accountant adjusts with a reason and closes the month, and the closed month refuses every change (module Office).</summary>
public sealed class RoyaltyTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private const string Accountant = "ketoan";
    private const string Photographer = "Nguyễn Thị Mai";
    private const string PhotographerUnit = "Báo Thái Nguyên";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<RoyaltyOptions>(o => o.PointValue = 10_000);
    }

    private static DateTimeOffset Vietnam(int month, int day, int hour = 9) => new(2027, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private Task<List<RoyaltyEntry>> EntriesAsync() => Site.WithScopeAsync(async s =>
        await s.GetRequiredService<CmsDbContext>().Set<RoyaltyEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>A news item with its credits, taken through the chain and published by the Publisher on the clock's day.</summary>
    private async Task<string> PublishNewsAsync(string title, params object[] credits)
    {
        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new
        {
            contentType = "News",
            content = new
            {
                TitlePart = new { Title = title },
                HtmlBodyPart = new { Html = "<p>Sáng nay, Cục Thống kê tỉnh tổ chức hội nghị.</p>" },
                News = new { Category = new { TermIds = Activities } },
                RoyaltyCreditsPart = new { Credits = credits },
            },
        }));
        AssertStatus(HttpStatusCode.Created, response);
        var id = (await ReadAsync(response))["contentItemId"]!.GetValue<string>();
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        return id;
    }

    private static Dictionary<string, string> Form(string token, params (string Key, string Value)[] values)
    {
        var form = values.ToDictionary(v => v.Key, v => v.Value);
        form["__RequestVerificationToken"] = token;
        return form;
    }

    [Fact]
    public async Task Over_a_month_publications_draft_entries_the_accountant_adjusts_and_closes_and_the_closed_month_refuses_every_change()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("royalty-people.recipe.json");
        Clock.Set(Vietnam(3, 1));

        // The rate of news changes on 15 March: the old line ends the day before, the new one starts; both changes are recorded.
        await Site.WithScopeAsync(async s =>
        {
            var rates = s.GetRequiredService<RoyaltyRates>();
            var news = (await rates.ListAsync()).Single(r => r.Kind == "tin");
            await rates.SaveAsync(new RoyaltyRateInput { Id = news.Id, Kind = "tin", Name = news.Name, Points = news.Points, ValidFrom = news.ValidFrom, ValidTo = new DateOnly(2027, 3, 14) }, Accountant);
            await rates.SaveAsync(new RoyaltyRateInput { Kind = "tin", Name = "Tin", Points = 40, ValidFrom = new DateOnly(2027, 3, 15) }, Accountant);
            var changes = await rates.ChangesAsync();
            Assert.Equal(2, changes.Count(c => c.ChangedBy == Accountant));
            Assert.Contains(changes, c => c.Before is not null && c.Before.Contains("không hạn", StringComparison.Ordinal) && c.After.Contains("14/03/2027", StringComparison.Ordinal));
            Assert.Contains(changes, c => c.Before is null && c.After.Contains("40 điểm", StringComparison.Ordinal));
        });

        // 10 March: a news item with its author (an account) and an external photographer (Điều 14.5) with two photos.
        Clock.Set(Vietnam(3, 10));
        var first = await PublishNewsAsync("Cục Thống kê tỉnh tổ chức hội nghị tổng kết điều tra doanh nghiệp",
            new { Role = "Author", Kind = "tin", UserName = Contributor },
            new { Role = "Photographer", Kind = "anh", Name = Photographer, Unit = PhotographerUnit, Quantity = 2 });
        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        var author = entries.Single(e => e.UserName == Contributor);
        Assert.Equal(("2027-03", 30m, 300_000L, "phong-tong-hop", RoyaltyEntryStatus.Draft), (author.Period, author.Points!.Value, author.Amount, author.UnitId!, author.Status));
        var photographer = entries.Single(e => e.UserName is null);
        Assert.Equal((Photographer, PhotographerUnit, 30m, 300_000L), (photographer.PersonName, photographer.ExternalUnit!, photographer.Points!.Value, photographer.Amount));

        // A new version published again pays nothing twice.
        await Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().DraftAsync(new RoyaltyPublication(first, "News", "lần nữa", Clock.GetUtcNow().UtcDateTime), [new RoyaltyCredit { Kind = "tin", UserName = Contributor }]));
        Assert.Equal(2, (await EntriesAsync()).Count);

        // 20 March: the new rate applies to what is published from the 15th.
        Clock.Set(Vietnam(3, 20));
        await PublishNewsAsync("Chi cục Thống kê huyện Đại Từ triển khai tổng điều tra kinh tế", new { Role = "Author", Kind = "tin", UserName = Contributor });
        Assert.Equal(400_000L, (await EntriesAsync()).Last().Amount);

        // The contributor reads only their own entries; the photographer's line is not theirs to see.
        var contributor = await SignedInAsync(Contributor);
        var own = await contributor.GetStringAsync("/admin/nhuan-but?ky=2027-03");
        Assert.Contains("Bạn xem các dòng nhuận bút của mình", own, StringComparison.Ordinal);
        Assert.Contains("Chi cục Thống kê huyện Đại Từ triển khai tổng điều tra kinh tế", own, StringComparison.Ordinal);
        Assert.DoesNotContain(Photographer, own, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ids\"", own, StringComparison.Ordinal);
        var token = await AntiforgeryTokenAsync(contributor, "/admin/nhuan-but");
        AssertStatus(HttpStatusCode.Forbidden, await contributor.PostAsync("/admin/nhuan-but?handler=Review", new FormUrlEncodedContent(Form(token, ("ids", author.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))));

        // 2 April: the accountant cannot close March while lines are in draft, nor adjust without a reason.
        Clock.Set(Vietnam(4, 2));
        var accountant = await SignedInAsync(Accountant);
        token = await AntiforgeryTokenAsync(accountant, "/admin/nhuan-but");
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var refused = await accountant.PostAsync("/admin/nhuan-but?handler=Close", new FormUrlEncodedContent(Form(token, ("ky", "2027-03"))));
        AssertStatus(HttpStatusCode.BadRequest, refused);
        Assert.Contains("còn 3 dòng chưa duyệt", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var noReason = await accountant.PostAsync($"/admin/nhuan-but/dieu-chinh/{photographer.Id}", new FormUrlEncodedContent(Form(token, ("Amount", "250.000"), ("Reason", " "))));
        AssertStatus(HttpStatusCode.BadRequest, noReason);
        Assert.Contains("Cần ghi lý do điều chỉnh", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var notANumber = await accountant.PostAsync($"/admin/nhuan-but/dieu-chinh/{photographer.Id}", new FormUrlEncodedContent(Form(token, ("Amount", "hai trăm"), ("Reason", "Ảnh thứ hai không dùng."))));
        AssertStatus(HttpStatusCode.BadRequest, notANumber);
        await before.AssertUnchangedAsync(Site);

        // The adjustment with its reason, recorded; then the rest reviewed and the month closed.
        AssertStatus(HttpStatusCode.Redirect, await accountant.PostAsync($"/admin/nhuan-but/dieu-chinh/{photographer.Id}",
            new FormUrlEncodedContent(Form(token, ("Amount", "250.000"), ("Reason", "Chỉ một ảnh được dùng trên trang chủ, ảnh thứ hai tính nửa mức.")))));
        var history = await accountant.GetStringAsync($"/admin/nhuan-but/dieu-chinh/{photographer.Id}");
        Assert.Contains("Chỉ một ảnh được dùng trên trang chủ, ảnh thứ hai tính nửa mức.", WebUtility.HtmlDecode(history), StringComparison.Ordinal);
        var drafts = (await EntriesAsync()).Where(e => e.Status == RoyaltyEntryStatus.Draft).Select(e => ("ids", e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(2, drafts.Length);
        AssertStatus(HttpStatusCode.Redirect, await accountant.PostAsync("/admin/nhuan-but?handler=Review",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. drafts.Select(d => new KeyValuePair<string, string>(d.Item1, d.Item2))])));
        AssertStatus(HttpStatusCode.Redirect, await accountant.PostAsync("/admin/nhuan-but?handler=Close", new FormUrlEncodedContent(Form(token, ("ky", "2027-03")))));
        var closed = await Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().ClosedAsync("2027-03"));
        Assert.Equal((3, 950_000L, Accountant), (closed!.EntryCount, closed.Total, closed.ClosedBy));

        // The closed month refuses everything, by every path: the page (409), the service, and a recipe; nothing changes.
        before = await DatabaseSnapshot.TakeAsync(Site);
        var again = await accountant.PostAsync($"/admin/nhuan-but/dieu-chinh/{author.Id}", new FormUrlEncodedContent(Form(token, ("Amount", "1"), ("Reason", "Sửa sau khi đã khóa sổ."))));
        AssertStatus(HttpStatusCode.Conflict, again);
        Assert.Contains("đã khóa", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Conflict, await accountant.PostAsync("/admin/nhuan-but?handler=Close", new FormUrlEncodedContent(Form(token, ("ky", "2027-03")))));
        AssertStatus(HttpStatusCode.Conflict, await accountant.PostAsync("/admin/nhuan-but?handler=Review", new FormUrlEncodedContent(Form(token, ("ids", author.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        await Assert.ThrowsAsync<RoyaltyPeriodClosedException>(() => Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().AdjustAsync(author.Id, 0, "Kẻ gian sửa qua dịch vụ.", "ke-gian")));
        var recipe = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync("royalty-closed-month.recipe.json"));
        Assert.Contains("ClosedPeriods[0]", recipe.Message, StringComparison.Ordinal);
        Assert.Contains("đã khóa", recipe.Message, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        // A publication dated in the closed month (a late release) is carried to April, and says so.
        await Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().DraftAsync(
            new RoyaltyPublication("muon-thang-ba", "News", "Tin đăng muộn của tháng 3", Vietnam(3, 31).UtcDateTime), [new RoyaltyCredit { Kind = "tin", UserName = Contributor }]));
        var late = (await EntriesAsync()).Single(e => e.ContentItemId == "muon-thang-ba");
        Assert.Equal("2027-04", late.Period);
        Assert.Contains("kỳ đã khóa", late.Note, StringComparison.Ordinal);

        // The report: printable, and the workbook with its headers, number formats, totals and Vietnamese text.
        var page = await accountant.GetStringAsync("/admin/nhuan-but/bao-cao?tu=2027-03&den=2027-03");
        Assert.Contains("office-print.css", page, StringComparison.Ordinal);
        Assert.Contains("950.000 đ", page, StringComparison.Ordinal);
        var xlsx = await accountant.GetAsync("/admin/nhuan-but/bao-cao?handler=Xlsx&tu=2027-03&den=2027-03");
        AssertStatus(HttpStatusCode.OK, xlsx);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheets = ReadWorkbook(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Theo người", "Theo đơn vị", "Chi tiết"], sheets.Keys);
        var people = sheets["Theo người"];
        Assert.Equal(["Họ tên", "Đơn vị", "Số dòng", "Số tiền (đồng)"], people[1].Select(c => c.Text));
        Assert.Contains(people, row => row[0].Text == Photographer && row[1].Text == PhotographerUnit + " (cộng tác viên)" && row[3].Text == "250000" && row[3].Style == 2);
        var total = people[^1];
        var totalAmount = total.Single(c => c.Column == "D");
        Assert.Equal(("Tổng cộng", "SUM(D3:D4)", "950000", 4u), (total[0].Text, totalAmount.Formula, totalAmount.Text, totalAmount.Style));
        Assert.Contains(sheets["Chi tiết"], row => row.Any(c => c.Text == "Cục Thống kê tỉnh tổ chức hội nghị tổng kết điều tra doanh nghiệp"));

        // The contributor's workbook holds only their own lines.
        contributor = await SignedInAsync(Contributor);
        var ownSheets = ReadWorkbook(await contributor.GetByteArrayAsync("/admin/nhuan-but/bao-cao?handler=Xlsx&tu=2027-03&den=2027-04"));
        Assert.DoesNotContain(ownSheets["Chi tiết"].SelectMany(r => r), c => c.Text == Photographer);
        Assert.Equal("1100000", ownSheets["Theo người"][^1].Single(c => c.Column == "D").Text);
    }

    [Fact]
    public async Task A_bad_rate_or_filter_is_refused_with_a_Vietnamese_message_and_nothing_stored()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("royalty-people.recipe.json");
        var accountant = await SignedInAsync(Accountant);
        var token = await AntiforgeryTokenAsync(accountant, "/admin/nhuan-but/muc/sua");
        var contributorApi = await ApiAsync(Contributor);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var both = await accountant.PostAsync("/admin/nhuan-but/muc/sua", new FormUrlEncodedContent(Form(token,
            ("Input.Kind", "phong-su"), ("Input.Name", "Phóng sự"), ("Input.Points", "50"), ("Input.Amount", "500000"), ("Input.ValidFrom", "2027-01-01"))));
        AssertStatus(HttpStatusCode.BadRequest, both);
        Assert.Contains("một trong hai", WebUtility.HtmlDecode(await both.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var overlapping = await accountant.PostAsync("/admin/nhuan-but/muc/sua", new FormUrlEncodedContent(Form(token,
            ("Input.Kind", "tin"), ("Input.Name", "Tin"), ("Input.Points", "50"), ("Input.ValidFrom", "2026-06-01"))));
        AssertStatus(HttpStatusCode.BadRequest, overlapping);
        Assert.Contains("trùng với mức đã có", WebUtility.HtmlDecode(await overlapping.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badKind = await accountant.PostAsync("/admin/nhuan-but/muc/sua", new FormUrlEncodedContent(Form(token,
            ("Input.Kind", "Tin Ảnh"), ("Input.Name", "Tin ảnh"), ("Input.Points", "5"), ("Input.ValidFrom", "2027-01-01"))));
        AssertStatus(HttpStatusCode.BadRequest, badKind);
        var badPeriod = await accountant.GetAsync("/admin/nhuan-but?ky=2027-13");
        AssertStatus(HttpStatusCode.BadRequest, badPeriod);
        Assert.Contains("Kỳ phải là một tháng", WebUtility.HtmlDecode(await badPeriod.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, await accountant.GetAsync("/admin/nhuan-but/bao-cao?tu=2027-05&den=2027-01"));
        AssertStatus(HttpStatusCode.BadRequest, await accountant.GetAsync("/admin/nhuan-but/bao-cao?handler=Xlsx&tu=thang-5"));
        var closeNow = await accountant.PostAsync("/admin/nhuan-but?handler=Close", new FormUrlEncodedContent(Form(token, ("ky", RoyaltyLedger.PeriodOf(Clock.GetUtcNow().UtcDateTime)))));
        AssertStatus(HttpStatusCode.BadRequest, closeNow);
        Assert.Contains("chưa kết thúc", WebUtility.HtmlDecode(await closeNow.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A credit that names neither an account nor a collaborator with their unit is refused by the API too.
        var api = await contributorApi.PostAsync("/api/content", Json(new
        {
            contentType = "News",
            content = new
            {
                TitlePart = new { Title = "Tin có cộng tác viên không ghi đơn vị" },
                News = new { Category = new { TermIds = Activities } },
                RoyaltyCreditsPart = new { Credits = new[] { new { Role = "Photographer", Kind = "anh", Name = "Nguyễn Văn Ảnh" } } },
            },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("đơn vị công tác", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    private sealed record CellText(string Column, string Text, string? Formula, uint Style);

    /// <summary>Each sheet's rows of cells (text as shown: inline strings, or the number's invariant text), by sheet name in order.</summary>
    private static Dictionary<string, List<List<CellText>>> ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<List<CellText>>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
                .Select(c => new CellText(new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), c.InlineString?.InnerText ?? c.CellValue?.Text ?? "", c.CellFormula?.Text, c.StyleIndex?.Value ?? 0)).ToList())];
        }

        return result;
    }
}
