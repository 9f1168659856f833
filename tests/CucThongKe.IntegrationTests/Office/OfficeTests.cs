using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Recipes;
using CucThongKe.Office.Incidents;
using CucThongKe.Office.Obligations;
using CucThongKe.Tests.Workflows;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Office;

/// <summary>Reporting obligations over a month on the site's clock, the incident log, and their refusals (module Office).</summary>
public sealed partial class OfficeTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    /// <summary>The page's refusal sentence (the form's labels aside, which name the same fields).</summary>
    private static string AlertOf(string html) => WebUtility.HtmlDecode(AlertPattern().Match(html).Groups[1].Value);

    [System.Text.RegularExpressions.GeneratedRegex("<p class=\"alert alert-error\" role=\"alert\">([^<]*)</p>")]
    private static partial System.Text.RegularExpressions.Regex AlertPattern();

    private const string TongHopTitle = "Tin hoạt động tháng của Phòng Tổng hợp";
    private const string DaiTuTitle = "Tin hoạt động tháng của Chi cục Đại Từ";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);

        // The test drives the rounds itself, on its clock; the disk is "nearly full" at any free space; mail goes to a closed port.
        services.Configure<ObligationOptions>(o => o.RunScheduler = false);
        services.Configure<IncidentOptions>(o => (o.RunMonitor, o.DiskFreePercent) = (false, 101));
        services.Configure<MailOptions>(o => (o.Host, o.Port) = ("127.0.0.1", 1));
    }

    private static DateTimeOffset Vietnam(int month, int day, int hour = 9) => new(2027, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private Task<ObligationRound> RoundAsync() => Site.WithScopeAsync(s => s.GetRequiredService<ObligationTracker>().RunAsync());

    private Task<List<ObligationEntry>> EntriesAsync() => Site.WithScopeAsync(async s =>
        await s.GetRequiredService<CmsDbContext>().Set<ObligationEntry>().AsNoTracking().OrderBy(e => e.ObligationId).ThenBy(e => e.Period).ToListAsync());

    private Task<List<string>> NotifiedAsync(string reason) => Site.WithScopeAsync(async s =>
        await s.GetRequiredService<CmsDbContext>().Set<WorkflowNotification>().Where(n => n.Reason == reason).OrderBy(n => n.UserName).Select(n => n.UserName).ToListAsync());

    private async Task<string> SubmitNewsAsync(string author, string title)
    {
        var id = await CreateNewsAsync(title, author);
        var submitted = await TransitionAsync(author, id, "submit");
        Assert.True(submitted.IsSuccessStatusCode, $"{author} submit: {submitted.StatusCode}");
        return id;
    }

    [Fact]
    public async Task Over_a_month_obligations_fall_due_one_is_fulfilled_on_time_one_is_reminded_overdue_and_late()
    {
        await AddPeopleAsync();
        Clock.Set(Vietnam(3, 1, 8));
        await Site.WithScopeAsync(async s =>
        {
            // The setup recipe's obligations would fall due too; this month follows two of the test's own. A site's
            // scheduler makes the current period's entries as soon as the setup saves its obligations, so the copy of
            // the set-up database may hold some: they go too.
            var db = s.GetRequiredService<CmsDbContext>();
            await db.Set<ReportingObligation>().ExecuteUpdateAsync(o => o.SetProperty(x => x.Active, false));
            await db.Set<ObligationEntry>().ExecuteDeleteAsync();
            var catalog = s.GetRequiredService<ObligationCatalog>();
            await catalog.SaveAsync(new ObligationInput
            {
                Id = "tin-hoat-dong-tong-hop", Title = TongHopTitle, UnitId = "phong-tong-hop", Frequency = ObligationFrequency.Monthly,
                DueRule = DueRuleKind.WorkingDaysAfter, DueDay = 3, ContentType = "News", StartsOn = new DateOnly(2027, 3, 1),
            });
            await catalog.SaveAsync(new ObligationInput
            {
                Id = "tin-hoat-dong-dai-tu", Title = DaiTuTitle, UnitId = "chi-cuc-huyen-dai-tu", Frequency = ObligationFrequency.Monthly,
                DueRule = DueRuleKind.DayOfMonth, DueDay = 25, MonthsAfter = 0, ContentType = "News", StartsOn = new DateOnly(2027, 3, 1),
            });
        });

        // 1 March: the month's entries, made once however often the scheduler runs.
        Assert.Equal(2, (await RoundAsync()).Created);
        Assert.Equal(new ObligationRound(0, 0, 0, 0, 0), await RoundAsync());
        var march = await EntriesAsync();
        Assert.Equal([new DateOnly(2027, 3, 25), new DateOnly(2027, 4, 5)], march.Select(e => e.DueDate));

        // 10 March: Phòng Tổng hợp submits its news into the chain; Đại Từ's entry is untouched by another unit's news.
        Clock.Set(Vietnam(3, 10));
        var tongHopNews = await SubmitNewsAsync(Contributor, "Phòng Tổng hợp tập huấn nghiệp vụ thống kê");
        Assert.Equal(1, (await RoundAsync()).Fulfilled);
        var fulfilled = (await EntriesAsync()).Single(e => e.ObligationId == "tin-hoat-dong-tong-hop");
        Assert.Equal((ObligationOutcome.OnTime, tongHopNews, Contributor), (fulfilled.Outcome!.Value, fulfilled.ContentItemId, fulfilled.FulfilledBy));
        Assert.Null((await EntriesAsync()).Single(e => e.ObligationId == "tin-hoat-dong-dai-tu").Outcome);

        // 22 March: three days before its date, Đại Từ (its head and contributor) is reminded, once.
        Clock.Set(Vietnam(3, 22));
        Assert.Equal(1, (await RoundAsync()).Reminded);
        Assert.Equal(0, (await RoundAsync()).Reminded);
        Assert.Equal([OtherUnitHead, OtherContributor], await NotifiedAsync("obligation-reminder"));

        // 26 March: overdue; the unit's head and the board are told, and the overdue list shows it to the board only.
        Clock.Set(Vietnam(3, 26));
        Assert.Equal(1, (await RoundAsync()).Overdue);
        Assert.Equal([OtherUnitHead, Secretary, BoardHead], await NotifiedAsync("obligation-overdue"));
        var board = await SignedInAsync(BoardHead);
        var overdueList = await board.GetStringAsync("/admin/nghia-vu-bao-cao?trangthai=Overdue");
        Assert.Contains(DaiTuTitle, overdueList, StringComparison.Ordinal);
        Assert.DoesNotContain(TongHopTitle, overdueList, StringComparison.Ordinal);
        Assert.Contains("<td>Quá hạn</td>", overdueList, StringComparison.Ordinal);
        var tongHop = await SignedInAsync(Contributor);
        var ownList = await tongHop.GetStringAsync("/admin/nghia-vu-bao-cao");
        Assert.Contains(TongHopTitle, ownList, StringComparison.Ordinal);
        Assert.DoesNotContain(DaiTuTitle, ownList, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await tongHop.GetAsync("/admin/nghia-vu-bao-cao?donvi=chi-cuc-huyen-dai-tu"));

        // 29 March: Đại Từ's news comes, late.
        Clock.Set(Vietnam(3, 29));
        await SubmitNewsAsync(OtherContributor, "Chi cục Thống kê huyện Đại Từ triển khai điều tra doanh nghiệp");
        Assert.Equal(1, (await RoundAsync()).Fulfilled);
        Assert.Equal(ObligationOutcome.Late, (await EntriesAsync()).Single(e => e.ObligationId == "tin-hoat-dong-dai-tu").Outcome);
        board = await SignedInAsync(BoardHead); // the sign-in of three days ago has expired on the moved clock
        Assert.Contains("<td>Trễ hạn</td>", await board.GetStringAsync("/admin/nghia-vu-bao-cao?donvi=chi-cuc-huyen-dai-tu&ky=2027-03"), StringComparison.Ordinal);

        // 1 April: April's entries; the timeliness figures per unit.
        Clock.Set(Vietnam(4, 1));
        Assert.Equal(2, (await RoundAsync()).Created);
        var figures = await Site.WithScopeAsync(s => s.GetRequiredService<IObligationTimeliness>().ByUnitAsync(new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), null));
        Assert.Equal(
            [new UnitTimeliness("chi-cuc-huyen-dai-tu", 0, 1, 0, 0, 1), new UnitTimeliness("phong-tong-hop", 1, 0, 0, 0, 0)],
            figures);
    }

    [Fact]
    public async Task The_site_records_one_incident_per_cause_alerts_the_technical_staff_and_staff_close_it()
    {
        await AddPeopleAsync();
        Task<List<Incident>> IncidentsAsync() => Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<Incident>().AsNoTracking().OrderBy(i => i.Id).ToListAsync());
        Task<IReadOnlyList<string>> MonitorAsync() => Site.WithScopeAsync(s => s.GetRequiredService<IncidentMonitor>().RunAsync());

        // The disk check fails twice: one incident, seen twice, one alert to each of the technical staff.
        Assert.Contains(IncidentCauses.Disk, await MonitorAsync());
        Assert.Contains(IncidentCauses.Disk, await MonitorAsync());
        // (The alert's own mail may fail on the closed port meanwhile: that is the mail's incident, not the disk's.)
        var disk = Assert.Single(await IncidentsAsync(), i => i.Cause == IncidentCauses.Disk);
        Assert.Equal((IncidentStatus.Open, 2), (disk.Status, disk.Occurrences));
        var diskAlerts = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<WorkflowNotification>()
            .Where(n => n.Reason == "incident" && n.Message.Contains(disk.Title)).OrderBy(n => n.UserName).Select(n => n.UserName).ToListAsync());
        Assert.Equal([TestSite.AdminUserName, Publisher], diskAlerts);

        // A failed mail and a burst of server errors: one incident each.
        await Assert.ThrowsAnyAsync<Exception>(() => Site.WithScopeAsync(s =>
            s.GetRequiredService<ICmsMailSender>().SendAsync([new CmsMail("ctv.tonghop@example.vn", null, "Thử", "Nội dung")])));
        await Site.WithScopeAsync(s =>
        {
            var counter = s.GetRequiredService<ErrorRateCounter>();
            for (var i = 0; i < 30; i++)
            {
                counter.Count(serverError: i % 2 == 0);
            }

            return Task.CompletedTask;
        });
        var found = await MonitorAsync();
        Assert.Contains(IncidentCauses.Mail, found);
        Assert.Contains(IncidentCauses.ErrorRate, found);
        Assert.Equal([IncidentCauses.Disk, IncidentCauses.ErrorRate, IncidentCauses.Mail], (await IncidentsAsync()).Select(i => i.Cause!).Order(StringComparer.Ordinal));

        // The publisher (technical staff) closes the disk incident with what was done; the next failing check opens a new one.
        var staff = await SignedInAsync(Publisher);
        var token = await AntiforgeryTokenAsync(staff, $"/admin/su-co/ghi/{disk.Id}");
        var closed = await staff.PostAsync($"/admin/su-co/ghi/{disk.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = disk.Title,
            ["Input.Description"] = disk.Description,
            ["Input.Severity"] = "High",
            ["Input.Status"] = "Resolved",
            ["Input.ActionsTaken"] = "Đã chuyển bản sao lưu cũ sang máy lưu trữ, giải phóng 40 GB.",
        }));
        AssertStatus(HttpStatusCode.Redirect, closed);
        var afterClose = (await IncidentsAsync()).Single(i => i.Id == disk.Id);
        Assert.Equal((IncidentStatus.Resolved, null, Publisher), (afterClose.Status, afterClose.OpenCause, afterClose.HandledBy));
        await MonitorAsync();
        Assert.Equal(2, (await IncidentsAsync()).Count(i => i.Cause == IncidentCauses.Disk));

        // Staff record their own; the log and the detailed health page are theirs; /health stays one word.
        token = await AntiforgeryTokenAsync(staff, "/admin/su-co/ghi");
        AssertStatus(HttpStatusCode.Redirect, await staff.PostAsync("/admin/su-co/ghi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = "Trang chậm khi đăng Niên giám",
            ["Input.Description"] = "Tải tệp Niên giám 120 MB làm trang chậm trong 10 phút.",
            ["Input.Severity"] = "Medium",
            ["Input.Status"] = "InProgress",
        })));
        Assert.Equal(Publisher, (await IncidentsAsync()).Last().ReportedBy);
        var log = await staff.GetStringAsync("/admin/su-co");
        Assert.Contains("Trang chậm khi đăng Niên giám", log, StringComparison.Ordinal);
        Assert.Contains("Ổ đĩa thư mục dữ liệu", await staff.GetStringAsync("/admin/tinh-trang-he-thong"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(Contributor)).GetAsync("/admin/tinh-trang-he-thong"));
        var health = await Client().GetStringAsync("/health");
        Assert.StartsWith("{\"status\":\"Healthy\"", health, StringComparison.Ordinal);
        foreach (var detail in new[] { "Ổ đĩa", "Thư điện tử", "5xx", "Migration", "Tiến trình" })
        {
            Assert.DoesNotContain(detail, health, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_input_on_every_form_filter_and_recipe_step_is_refused_and_nothing_is_stored()
    {
        await AddPeopleAsync();
        var board = await SignedInAsync(BoardHead);
        var staff = await SignedInAsync(Publisher);
        var obligationToken = await AntiforgeryTokenAsync(board, "/admin/nghia-vu-bao-cao/danh-muc/sua");
        var incidentToken = await AntiforgeryTokenAsync(staff, "/admin/su-co/ghi");
        var before = await DatabaseSnapshot.TakeAsync(Site);

        Dictionary<string, string> Obligation(string field, string value)
        {
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = obligationToken, ["Input.Id"] = "tin-hoat-dong-moi", ["Input.Title"] = "Tin hoạt động của đơn vị",
                ["Input.UnitId"] = "phong-tong-hop", ["Input.Frequency"] = "Monthly", ["Input.DueRule"] = "DayOfMonth", ["Input.DueDay"] = "5",
                ["Input.ContentType"] = "News", ["Input.Active"] = "true",
            };
            form[field] = value;
            return form;
        }

        (string Field, string Value, string Words)[] badObligations =
        [
            ("Input.Id", "Mã Có Dấu", "Mã nghĩa vụ"),
            ("Input.Title", "", "Tên nghĩa vụ"),
            ("Input.UnitId", "chi-cuc-khong-co", "Không có đơn vị"),
            ("Input.ContentType", "KhongCoLoaiNay", "Không có loại nội dung"),
            ("Input.DueDay", "32", "Ngày trong tháng"),
            ("Input.DueRule", "FixedDate", "hằng năm"),
            ("Input.Frequency", "Hourly", "không hợp lệ"),
            ("Input.DueDay", "năm", "không hợp lệ"),
        ];
        foreach (var (field, value, words) in badObligations)
        {
            var response = await board.PostAsync("/admin/nghia-vu-bao-cao/danh-muc/sua", new FormUrlEncodedContent(Obligation(field, value)));
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains(words, AlertOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Dictionary<string, string> IncidentForm(string field, string value)
        {
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = incidentToken, ["Input.Title"] = "Mất kết nối mạng", ["Input.Description"] = "Đường truyền bị gián đoạn.",
                ["Input.Severity"] = "High", ["Input.Status"] = "Open",
            };
            form[field] = value;
            return form;
        }

        foreach (var (field, value, words) in new[] { ("Input.Title", " ", "Tiêu đề"), ("Input.Description", new string('x', 4001), "Mô tả"), ("Input.Status", "Resolved", "đã thực hiện"), ("Input.Severity", "Apocalypse", "không hợp lệ") })
        {
            var response = await staff.PostAsync("/admin/su-co/ghi", new FormUrlEncodedContent(IncidentForm(field, value)));
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains(words, AlertOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        AssertStatus(HttpStatusCode.NotFound, await staff.PostAsync("/admin/su-co/ghi/999999", new FormUrlEncodedContent(IncidentForm("Input.Title", "Sự cố"))));
        AssertStatus(HttpStatusCode.BadRequest, await board.GetAsync("/admin/nghia-vu-bao-cao?ky=2026-13"));
        AssertStatus(HttpStatusCode.BadRequest, await board.GetAsync("/admin/nghia-vu-bao-cao?trangthai=Xong"));
        AssertStatus(HttpStatusCode.BadRequest, await staff.GetAsync("/admin/su-co?trangthai=Xong"));

        // Recipe steps: refused with the step's JSON path, the whole recipe rolled back.
        (string Json, RecipeRunOptions Run, string Path)[] badRecipes =
        [
            ("""{"name":"ReportingObligations","Obligations":[{"Id":"bao-cao-thang","Title":"Báo cáo tháng","UnitId":"khong-co","Frequency":"Monthly","DueRule":"DayOfMonth","DueDay":6,"ContentType":"News"}]}""", TestDataRun, "$.steps[1].Obligations[0].UnitId"),
            ("""{"name":"ReportingObligations","Obligations":[{"Id":"bao-cao-thang","Title":"Báo cáo tháng","UnitId":"phong-tong-hop","Frequency":"Weekly","DueRule":"DayOfMonth","DueDay":6,"ContentType":"News"}]}""", TestDataRun, "$.steps[1]"),
            ("""{"name":"ReportingObligations","Obligations":[{"Id":"bao-cao-thang","Title":"Báo cáo tháng","UnitId":"phong-tong-hop","Frequency":"Monthly","DueRule":"DayOfMonth","DueDay":6,"ContentType":"News","Colour":"đỏ"}]}""", TestDataRun, "$.steps[1]"),
            ("""{"name":"ReportingObligations","Obligations":[{"Id":"bao-cao-thang","Title":"Báo cáo tháng","UnitId":"phong-tong-hop","Frequency":"Monthly","DueRule":"DayOfMonth","DueDay":6,"ContentType":"News"}],"Entries":[{"Obligation":"bao-cao-thang","Period":"2026-Q4"}]}""", TestDataRun, "$.steps[1].Entries[0].Period"),
            ("""{"name":"ReportingObligations","Obligations":[{"Id":"bao-cao-thang","Title":"Báo cáo tháng","UnitId":"phong-tong-hop","Frequency":"Monthly","DueRule":"DayOfMonth","DueDay":6,"ContentType":"News"}],"Entries":[{"Obligation":"bao-cao-thang","Period":"2026-11","SubmittedUtc":"2026-12-01T08:00:00+07:00"}]}""", RecipeRunOptions.BackOffice(TestSite.AdminUserName), "$.steps[1].Entries"),
            ("""{"name":"Incidents","Incidents":[{"Title":"Sự cố","Description":"Mô tả"}]}""", RecipeRunOptions.BackOffice(TestSite.AdminUserName), "$.steps[1]"),
            ("""{"name":"Incidents","Incidents":[{"Title":"","Description":"Mô tả"}]}""", TestDataRun, "$.steps[1].Incidents[0]"),
        ];
        foreach (var (step, run, path) in badRecipes)
        {
            // A first step that would be stored, to show the whole recipe is undone.
            var json = $$"""{ "name": "sai", "steps": [ { "name": "Settings", "Site": { "SiteName": "Tên đã đổi" } }, {{step}} ] }""";
            var error = await Assert.ThrowsAsync<RecipeException>(() => Site.WithScopeAsync(s =>
                s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDocument.Parse("sai.recipe.json", json), run)));
            Assert.StartsWith(path, error.JsonPath, StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task The_demo_recipe_fills_the_obligations_incident_and_contribution_pages_for_a_newcomer()
    {
        // A week into December 2026: the demo's November entries are past their dates.
        Clock.Set(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)));
        await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            RecipeHarvester.ReadFile(Path.Combine(RecipeHarvester.RecipesFolder, "demo-content.recipe.json")), TestDataRun));

        var board = await SignedInAsync(BoardHead);
        var entries = await board.GetStringAsync("/admin/nghia-vu-bao-cao?ky=2026-11");
        foreach (var state in new[] { "Đúng hạn", "Trễ hạn", "Quá hạn" })
        {
            Assert.Contains($"<td>{state}</td>", entries, StringComparison.Ordinal);
        }

        Assert.Contains("<td>Không thực hiện</td>", await board.GetStringAsync("/admin/nghia-vu-bao-cao?ky=2026-10"), StringComparison.Ordinal);
        var log = await (await SignedInAsync(Publisher)).GetStringAsync("/admin/su-co");
        Assert.Contains("Máy chủ thư từ chối đăng nhập", log, StringComparison.Ordinal);
        Assert.Contains("Ổ đĩa máy chủ còn dưới 15% dung lượng trống", log, StringComparison.Ordinal);

        // Last month (November here) through the chain (WorkflowHistory, times relative to the run's month): the contribution
        // statistics by unit and in total, and the gates' times.
        var contributions = WebUtility.HtmlDecode(await board.GetStringAsync("/admin/thong-ke-dong-gop?ky=2026-11"));
        static string Figures(params int[] counts) => string.Concat(counts.Select(c => $"<td class=\"num\">{c}</td>"));
        Assert.Contains("<tr><td>Phòng Thống kê Tổng hợp</td>" + Figures(3, 2, 1, 0), contributions, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Chi cục Thống kê huyện Đại Từ</td>" + Figures(3, 1, 1, 1), contributions, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tổng cộng</th>" + Figures(6, 3, 2, 1), contributions, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Thư ký Ban Biên tập tiếp nhận, tổng hợp</td><td class=\"num\">5</td>", contributions, StringComparison.Ordinal);

        // The dashboard's gates: the two items the demo leaves waiting (at the unit since 27/11, at the secretary since 28/11), both late.
        Assert.Contains("2 nội dung đang chờ duyệt, 2 quá hạn.", WebUtility.HtmlDecode(await board.GetStringAsync("/admin")), StringComparison.Ordinal);

        // The history step is the chain itself: whatever the chain refuses, the step refuses, and the recipe stores nothing.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        const string Draft = "Hướng dẫn tra cứu số liệu thống kê trên Trang thông tin điện tử của Cục";
        const string Waiting = "Chi cục Thống kê huyện Đại Từ rà soát danh sách cơ sở kinh tế cá thể";
        static string History(string item, params (string Transition, string User, string At)[] steps) =>
            $$"""{"name":"WorkflowHistory","Items":[{"Item":"{{item}}","Steps":[{{string.Join(",", steps.Select(s => $$"""{"Transition":"{{s.Transition}}","UserName":"{{s.User}}","At":"2026-12-{{s.At}}:00+07:00"}"""))}}]}]}""";
        (string Json, RecipeRunOptions Run, string Path)[] attacks =
        [
            // One unit head writing and forwarding his own item (separation of duties).
            (History(Draft, ("submit", UnitHead, "02T09:00"), ("send-to-board", UnitHead, "02T10:00")), TestDataRun, "$.steps[1].Items[0].Steps[1]"),

            // Published by the one who approved it (the publisher's role), or straight from the unit's review (the state).
            (History(Waiting, ("send-to-board", OtherUnitHead, "02T09:00"), ("present", Secretary, "02T10:00"), ("approve", BoardHead, "02T11:00"), ("publish", BoardHead, "02T12:00")), TestDataRun, "$.steps[1].Items[0].Steps[3]"),
            (History(Waiting, ("publish", Publisher, "02T09:00")), TestDataRun, "$.steps[1].Items[0].Steps[0]"),

            // Another unit's head forwarding the item.
            (History(Draft, ("submit", Contributor, "02T09:00"), ("send-to-board", OtherUnitHead, "02T10:00")), TestDataRun, "$.steps[1].Items[0].Steps[1]"),

            // Unknown item and person, times out of order or to come, and the back office.
            (History("Không có bài này", ("submit", Contributor, "02T09:00")), TestDataRun, "$.steps[1].Items[0].Item"),
            (History(Draft, ("submit", "khong-co-ai", "02T09:00")), TestDataRun, "$.steps[1].Items[0].Steps[0].UserName"),
            (History(Draft, ("submit", Contributor, "02T09:00"), ("send-to-board", UnitHead, "01T09:00")), TestDataRun, "$.steps[1].Items[0].Steps[1]"),
            (History(Draft, ("submit", Contributor, "08T09:00")), TestDataRun, "$.steps[1].Items[0].Steps[0]"),
            (History(Draft, ("submit", Contributor, "02T09:00")), RecipeRunOptions.BackOffice(TestSite.AdminUserName), "$.steps[1]"),
        ];
        foreach (var (step, run, path) in attacks)
        {
            var json = $$"""{ "name": "sai", "steps": [ { "name": "Settings", "Site": { "SiteName": "Tên đã đổi" } }, {{step}} ] }""";
            var error = await Assert.ThrowsAsync<RecipeException>(() => Site.WithScopeAsync(s =>
                s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDocument.Parse("sai.recipe.json", json), run)));
            Assert.Equal(path, error.JsonPath);
        }

        await before.AssertUnchangedAsync(Site);
    }
}
