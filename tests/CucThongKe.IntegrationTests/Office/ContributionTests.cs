using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Office.Contributions;
using CucThongKe.Office.Obligations;
using CucThongKe.Tests.Workflows;
using CucThongKe.Workflows.Instances;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Office;

/// <summary>The contribution and timeliness statistics over a month of the chain: the same counts as the record, per unit and person, and each unit sees its own (module Office).</summary>
public sealed class ContributionTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ObligationOptions>(o => o.RunScheduler = false);
    }

    private static DateTimeOffset Vietnam(int month, int day, int hour = 9) => new(2027, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private async Task StepsAsync(string id, params (string User, string Transition)[] steps)
    {
        foreach (var step in steps)
        {
            Clock.Advance(TimeSpan.FromHours(3));
            await AdvanceAsync(id, step);
        }
    }

    [Fact]
    public async Task The_statistics_show_the_record_s_counts_per_unit_and_person_and_a_unit_sees_only_its_own()
    {
        await AddPeopleAsync();
        Clock.Set(Vietnam(5, 3));
        await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ObligationEntry>().ExecuteDeleteAsync());

        // Phòng Tổng hợp: one item returned by the board's secretary then published, one rejected; Đại Từ: one published.
        var returned = await CreateNewsAsync("Cục Thống kê tỉnh tổng kết công tác thi đua năm 2026");
        await StepsAsync(returned, (Contributor, "submit"), (UnitHead, "send-to-board"), (Secretary, "secretary-return"), (Contributor, "resubmit"), (UnitHead, "send-to-board"),
            (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));
        var rejected = await CreateNewsAsync("Tin trùng lặp về hội nghị thi đua");
        await StepsAsync(rejected, [.. ToBoardHead, (BoardHead, "reject")]);
        var daiTu = await CreateNewsAsync("Chi cục Thống kê huyện Đại Từ điều tra lao động việc làm quý II", OtherContributor);
        await StepsAsync(daiTu, (OtherContributor, "submit"), (OtherUnitHead, "send-to-board"), (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));

        // What the record says, counted here from its rows.
        var record = await Site.WithScopeAsync(async s => await (
            from step in s.GetRequiredService<CmsDbContext>().Set<WorkflowStep>().AsNoTracking()
            join i in s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().AsNoTracking() on step.ContentItemId equals i.ContentItemId
            select new { i.UnitId, step.Transition, step.ToState }).ToListAsync());
        int Count(string unit, Func<string, string, bool> which) => record.Count(r => r.UnitId == unit && which(r.Transition, r.ToState));

        var report = await Site.WithScopeAsync(s => s.GetRequiredService<ContributionStatistics>().BuildAsync(ContributionStatistics.ParsePeriod("2027-05")!, null));
        foreach (var unit in new[] { "phong-tong-hop", "chi-cuc-huyen-dai-tu" })
        {
            var row = report.Units.Single(u => u.UnitId == unit);
            Assert.Equal(
                (Count(unit, (t, _) => t == "submit"), Count(unit, (_, to) => to == "Published"), Count(unit, (_, to) => to == "Returned"), Count(unit, (_, to) => to == "Rejected")),
                (row.Written, row.Published, row.Returned, row.Rejected));
        }

        Assert.Equal((2, 1, 1, 1), (report.Units.Single(u => u.UnitId == "phong-tong-hop").Written, report.Units.Single(u => u.UnitId == "phong-tong-hop").Published,
            report.Units.Single(u => u.UnitId == "phong-tong-hop").Returned, report.Units.Single(u => u.UnitId == "phong-tong-hop").Rejected));
        var person = report.People.Single(p => p.UserName == Contributor);
        Assert.Equal((2, 1, 1, 1), (person.Written, person.Published, person.Returned, person.Rejected));

        // Each stay at a gate is 3 hours on this clock; the board's secretary saw three items and one twice.
        var secretary = report.Gates.Single(g => g.Gate == "Thư ký Ban Biên tập tiếp nhận, tổng hợp");
        Assert.Equal((4, 3.0), (secretary.Stays, secretary.AverageHours));
        Assert.All(report.Gates, g => Assert.Equal(3.0, g.AverageHours));

        // The board sees every unit on the page; a contributor only their own, and asking for another unit is refused.
        var board = await SignedInAsync(BoardHead);
        var page = WebUtility.HtmlDecode(await board.GetStringAsync("/admin/thong-ke-dong-gop?ky=2027-05"));
        Assert.Contains("Phòng Thống kê Tổng hợp", page, StringComparison.Ordinal);
        Assert.Contains("huyện Đại Từ", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\" role=\"img\"", page, StringComparison.Ordinal);
        var contributor = await SignedInAsync(Contributor);
        var own = WebUtility.HtmlDecode(await contributor.GetStringAsync("/admin/thong-ke-dong-gop?ky=2027-Q2"));
        Assert.Contains("Bạn xem số liệu của đơn vị mình", own, StringComparison.Ordinal);
        Assert.DoesNotContain("huyện Đại Từ", own, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await contributor.GetAsync("/admin/thong-ke-dong-gop?ky=2027-05&donvi=chi-cuc-huyen-dai-tu"));
        AssertStatus(HttpStatusCode.Forbidden, await contributor.GetAsync("/admin/thong-ke-dong-gop?handler=Xlsx&ky=2027-05&donvi=chi-cuc-huyen-dai-tu"));
        var bad = await board.GetAsync("/admin/thong-ke-dong-gop?ky=2027-13");
        AssertStatus(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Kỳ phải là một tháng", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The workbook: the same figures, its totals and the Vietnamese names.
        using var stream = new MemoryStream(await board.GetByteArrayAsync("/admin/thong-ke-dong-gop?handler=Xlsx&ky=2027-05"));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Theo người", "Theo đơn vị", "Thời gian duyệt", "Nghĩa vụ báo cáo"], sheets.Select(s => s.Name!.Value!));
        var units = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal("Đơn vị", units[1].Elements<Cell>().First().InnerText);
        var total = units[^1].Elements<Cell>().ToList();
        Assert.Equal("Tổng cộng", total[0].InnerText);
        var published = total.Single(c => c.CellReference!.Value!.StartsWith('C'));
        Assert.StartsWith("SUM(C3:", published.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal("2", published.CellValue!.Text);
    }
}
