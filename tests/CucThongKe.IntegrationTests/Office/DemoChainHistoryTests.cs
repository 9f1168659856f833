using System.Globalization;
using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Tests.Site;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Office;

/// <summary>The demo's month of the approval chain (the <c>WorkflowHistory</c> step) applied on the real clock, whatever today is:
/// the contribution statistics a newcomer opens show last month filled, with the figures the record holds; and the step's refusals.</summary>
public sealed class DemoChainHistoryTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private const string DemoPassword = "Demo@2026!ctk";

    private Task<TestSite> DemoAsync() => DemoSite.SharedAsync(shared);

    [Fact]
    public async Task The_director_sees_last_months_contributions_as_the_workflow_record_holds_them()
    {
        var site = await DemoAsync();
        var director = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(director, "cuctruong", DemoPassword));
        var html = WebUtility.HtmlDecode(await director.GetStringAsync("/admin/thong-ke-dong-gop"));

        // Opened without a period: last month, the demo's month, whatever month the test runs in.
        var today = VietnamTime.FromUtc(site.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        Assert.Contains($"tháng {month:MM}/{month:yyyy}", html, StringComparison.Ordinal);

        // The record itself: the month's steps with the unit each item belongs to.
        var (from, to) = (VietnamTime.ToUtc(month), VietnamTime.ToUtc(month.AddMonths(1)));
        var steps = await site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            return await (from step in db.Set<WorkflowStep>().AsNoTracking()
                          join instance in db.Set<WorkflowInstance>().AsNoTracking() on step.ContentItemId equals instance.ContentItemId
                          select new { step.ContentItemId, step.Sequence, step.Transition, step.FromState, step.ToState, step.CreatedUtc, instance.UnitId })
                .ToListAsync();
        });
        var inMonth = steps.Where(s => s.CreatedUtc >= from && s.CreatedUtc < to).ToList();
        foreach (var (unit, name) in new[] { ("phong-tong-hop", "Phòng Thống kê Tổng hợp"), ("chi-cuc-huyen-dai-tu", "Chi cục Thống kê huyện Đại Từ") })
        {
            var ofUnit = inMonth.Where(s => s.UnitId == unit).ToList();
            var (written, published, returned, rejected) = (ofUnit.Count(s => s.Transition == "submit"), ofUnit.Count(s => s.ToState == "Published"),
                ofUnit.Count(s => s.ToState == "Returned"), ofUnit.Count(s => s.ToState == "Rejected"));
            Assert.True(published > 0 && returned > 0, $"{name}: {published} published, {returned} returned in {month:MM/yyyy}");
            Assert.Contains($"<tr><td>{name}</td><td class=\"num\">{written}</td><td class=\"num\">{published}</td><td class=\"num\">{returned}</td><td class=\"num\">{rejected}</td>",
                html, StringComparison.Ordinal);
        }

        // By person: the demo's items were written by the contributors who submitted them, not by the recipe's runner.
        var people = html[html.IndexOf("Theo người", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<td>setup</td>", people, StringComparison.Ordinal);
        var submitters = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().AsNoTracking()
            .Where(i => inMonth.Select(m => m.ContentItemId).Contains(i.ContentItemId)).Select(i => i.Author).Distinct().ToListAsync());
        Assert.DoesNotContain("setup", submitters);
        Assert.Contains("ctv.tonghop", submitters);

        // The secretary's gate: each stay from the step that brought the item in to the step that took it out.
        var stays = inMonth.Where(s => s.FromState == "BoardSecretary")
            .Select(s => (s.CreatedUtc - steps.Single(p => p.ContentItemId == s.ContentItemId && p.Sequence == s.Sequence - 1).CreatedUtc).TotalHours).ToList();
        Assert.NotEmpty(stays);
        var average = Math.Round(stays.Average(), 1).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains($"<tr><td>Thư ký Ban Biên tập tiếp nhận, tổng hợp</td><td class=\"num\">{stays.Count}</td><td class=\"num\">{average}</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_the_chain_or_the_calendar_refuses_fails_the_recipe_with_its_path_and_stores_nothing()
    {
        var site = await DemoAsync();
        const string Draft = "Hướng dẫn tra cứu số liệu thống kê trên Trang thông tin điện tử của Cục";
        static string History(string item, params (string Transition, string User, string At)[] steps) =>
            $$"""{"name":"WorkflowHistory","Items":[{"Item":"{{item}}","Steps":[{{string.Join(",", steps.Select(s => $$"""{"Transition":"{{s.Transition}}","UserName":"{{s.User}}","At":"{{s.At}}"}"""))}}]}]}""";
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var yesterday = now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var tomorrow = now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        (string Step, string Path, string Reason)[] cases =
        [
            (History("Không có bài này", ("submit", "ctv.tonghop", yesterday)), "$.steps[1].Items[0].Item", "không có nội dung tên"),
            (History(Draft, ("submit", "khong-co-ai", yesterday)), "$.steps[1].Items[0].Steps[0].UserName", "không có tài khoản"),

            // Out of the chain's order: a draft published at once, or approved by the board before anyone submitted it.
            (History(Draft, ("publish", "dangtin", yesterday)), "$.steps[1].Items[0].Steps[0]", "dangtin không thực hiện được 'publish'"),
            (History(Draft, ("approve", "truongban", yesterday)), "$.steps[1].Items[0].Steps[0]", "truongban không thực hiện được 'approve'"),

            // To come, absolute or relative; before the item existed (the demo made it in another run: it is never backdated).
            (History(Draft, ("submit", "ctv.tonghop", tomorrow)), "$.steps[1].Items[0].Steps[0]", "không được ở tương lai"),
            (History(Draft, ("submit", "ctv.tonghop", "M+1-01T09:00")), "$.steps[1].Items[0].Steps[0]", "không được ở tương lai"),
            (History(Draft, ("submit", "ctv.tonghop", "2020-01-06T09:00:00+07:00")), "$.steps[1].Items[0].Steps[0]", "sau khi nội dung được tạo"),

            // Times that read as none: a bare local time, a day the month lacks, words.
            (History(Draft, ("submit", "ctv.tonghop", "2026-11-03T09:00:00")), "$.steps[1].Items[0].Steps[0].At", "không đọc được"),
            (History(Draft, ("submit", "ctv.tonghop", "M-1-32T09:00")), "$.steps[1].Items[0].Steps[0].At", "không đọc được"),
            (History(Draft, ("submit", "ctv.tonghop", "hôm qua")), "$.steps[1].Items[0].Steps[0].At", "không đọc được"),

            // The wrong shape: steps not a list, a missing person.
            ("""{"name":"WorkflowHistory","Items":[{"Item":"x","Steps":"submit"}]}""", "$.steps[1].Items[0].Steps", ""),
            ($$"""{"name":"WorkflowHistory","Items":[{"Item":"{{Draft}}","Steps":[{"Transition":"submit","At":"M-1-03T09:00"}]}]}""", "$.steps[1].Items[0].Steps[0]", ""),
        ];

        var before = await DatabaseSnapshot.TakeAsync(site);
        foreach (var (step, path, reason) in cases)
        {
            var json = $$"""{ "name": "sai", "steps": [ { "name": "Settings", "Site": { "SiteName": "Tên đã đổi" } }, {{step}} ] }""";
            var error = await Assert.ThrowsAsync<RecipeException>(() => site.WithScopeAsync(s =>
                s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDocument.Parse("sai.recipe.json", json), TestDataRun)));
            Assert.Equal(path, error.JsonPath);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        // JSON that is not JSON never reaches a step.
        var broken = Assert.Throws<RecipeException>(() => RecipeDocument.Parse("sai.recipe.json", """{ "name": "sai", "steps": [ {"name":"WorkflowHistory","Items":[{"Item": """));
        Assert.Contains("JSON không hợp lệ", broken.Message, StringComparison.Ordinal);

        await before.AssertUnchangedAsync(site);
    }
}
