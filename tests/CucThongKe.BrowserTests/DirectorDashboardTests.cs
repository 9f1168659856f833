using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Office.Obligations;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>The director (Cục trưởng) reads the dashboard the regulation asks for (issue 14): what waits at each gate and what is late,
/// the units' overdue reporting obligations, this month's publications as a chart, and the open incidents; every block from the
/// module that owns its data, and the page accessible.</summary>
[Collection(CitizensSite.Collection)]
public sealed class DirectorDashboardTests(CitizensSite people) : LiveSiteTest(people.Site)
{
    private const string QuestionTitle = "Xin số liệu lao động có việc làm theo huyện năm 2026";
    private const string PageTitle = "Giới thiệu Phòng Thống kê Tổng hợp";

    [Fact]
    public async Task The_director_sees_the_gates_overdue_questions_and_obligations_this_months_publications_and_open_incidents()
    {
        await Site.RunRecipeAsync("director-dashboard.recipe.json");
        var obligation = await MakeDashboardDataAsync();

        var page = await SignInAsync("cuctruong", "Demo@2026!ctk");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển", Level = 1 })).ToBeVisibleAsync();

        // Workflows' block: the question waiting at the unit's gate past its deadline, listed as late.
        var gates = page.GetByRole(AriaRole.Region, new() { Name = "Đang chờ ở từng khâu" });
        await Assertions.Expect(gates).ToContainTextAsync("quá hạn");
        await Assertions.Expect(gates.GetByRole(AriaRole.Link, new() { Name = QuestionTitle })).ToBeVisibleAsync();

        // Office's block: the unit's report not sent by its due date.
        var obligations = page.GetByRole(AriaRole.Region, new() { Name = "Nghĩa vụ báo cáo của các đơn vị" });
        await Assertions.Expect(obligations.GetByRole(AriaRole.Link, new() { Name = $"Tin hoạt động của đơn vị ({obligation})" })).ToBeVisibleAsync();
        await Assertions.Expect(obligations).ToContainTextAsync("Phòng Thống kê Tổng hợp, quá hạn từ");

        // Workflows' chart of this month's publications: an image with its description, the page published today counted.
        var month = VietnamTime.FromUtc(DateTime.UtcNow).ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var publications = page.GetByRole(AriaRole.Region, new() { Name = $"Đăng trong tháng {month}" });
        await Assertions.Expect(publications.GetByRole(AriaRole.Img, new() { Name = "Số nội dung đăng mỗi ngày", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(publications).Not.ToContainTextAsync(" 0 nội dung đã đăng");

        // Office's incidents: the director reads what is open and how serious, without the log's links.
        var incidents = page.GetByRole(AriaRole.Region, new() { Name = "Sự cố kỹ thuật đang mở" });
        await Assertions.Expect(incidents).ToContainTextAsync("Máy chủ sao lưu không nhận tệp sao lưu hằng ngày");
        await Assertions.Expect(incidents).ToContainTextAsync("cao, từ");
        await Assertions.Expect(incidents.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await CheckAccessibilityAsync(page);

        // From the obligations block to every unit's list, where the late entry is.
        await obligations.GetByRole(AriaRole.Link, new() { Name = "Xem tất cả nghĩa vụ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ReportingPeriod.DisplayName(obligation));
        await CheckAccessibilityAsync(page);

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    /// <summary>What the dashboard reports, made as the site makes it: a citizen's question sent to a unit and put in the chain (its
    /// deadline then passed), a page published today, the unit's monthly news not sent by its due date. Returns that period.</summary>
    private async Task<string> MakeDashboardDataAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var contents = services.GetRequiredService<ContentManager>();
        var db = services.GetRequiredService<CmsDbContext>();
        var now = DateTime.UtcNow;

        var question = await contents.NewAsync("Question");
        question.Content["TitlePart"] = new JsonObject { ["Title"] = QuestionTitle };
        question.Content["Question"] = new JsonObject
        {
            ["AskerName"] = new JsonObject { ["Text"] = "Trần Thị Lan" },
            ["Question"] = new JsonObject { ["Text"] = "Cục cho tôi xin số liệu lao động có việc làm theo từng huyện năm 2026 để làm luận văn." },
        };
        var saved = await contents.CreateForUnitAsync(question, "phong-tong-hop", "ctv.tonghop");
        await services.GetRequiredService<WorkflowService>().TransitionAsync(saved.ContentItemId, "submit", "Kính gửi trưởng phòng trả lời.", null,
            new WorkflowActor("ctv.tonghop", "phong-tong-hop", new HashSet<string>(["Contributor"], StringComparer.Ordinal)));
        // The answer's deadline has passed (as after the working days the chain gives the gate).
        await db.Set<WorkflowInstance>().Where(i => i.ContentItemId == saved.ContentItemId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.DueUtc, now.AddDays(-1)));

        var info = await contents.NewAsync("Page");
        info.Content["TitlePart"] = new JsonObject { ["Title"] = PageTitle };
        info.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Phòng tổng hợp số liệu kinh tế - xã hội của tỉnh.</p>" };
        var page = await contents.CreateAsync(info);
        await contents.PublishAsync(page.ContentItemId, page.Id, new PublishRequest(PublishSource.Import, "tester", "Nhập từ trang cũ (kiểm thử)"));

        // The latest month whose news is past due: its entry, as the scheduler makes it, still open.
        var schedule = services.GetRequiredService<ObligationSchedule>();
        var news = await db.Set<ReportingObligation>().SingleAsync(o => o.Id == "tin-hoat-dong-phong-tong-hop");
        var today = ObligationSchedule.VietnamDate(now);
        var period = Enumerable.Range(1, 3).Select(k => ObligationSchedule.PeriodOf(ObligationFrequency.Monthly, today.AddMonths(-k)))
            .First(p => ObligationSchedule.EndOfDayUtc(schedule.DueDate(news, p)) < now);
        if (!await db.Set<ObligationEntry>().AnyAsync(e => e.ObligationId == news.Id && e.Period == period.Key))
        {
            db.Add(schedule.NewEntry(news, period, now));
            await db.SaveChangesAsync();
        }

        return period.Key;
    }
}
