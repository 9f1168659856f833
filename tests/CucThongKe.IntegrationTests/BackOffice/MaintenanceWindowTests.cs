using System.Globalization;
using System.Net;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Maintenance;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Planned downtime (issue 13 item 7): scheduled with 7 working days' notice or marked urgent, announced on the
/// public pages, answered with the maintenance page (503, Retry-After) during the window except to operators.</summary>
public sealed class MaintenanceWindowTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private const string Password = "Demo@2026!ctk";
    private readonly ShiftedClock _clock = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private static string Local(DateTime vietnamTime) => vietnamTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/bao-tri");
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Form(DateTime start, DateTime end, string reason, string? urgentReason = null)
    {
        var form = new Dictionary<string, string> { ["Input.Start"] = Local(start), ["Input.End"] = Local(end), ["Input.Reason"] = reason };
        if (urgentReason is not null)
        {
            form["Input.Urgent"] = "true";
            form["Input.UrgentReason"] = urgentReason;
        }

        return form;
    }

    private async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, user, password));
        return client;
    }

    [Fact]
    public async Task A_window_needs_seven_working_days_notice_is_announced_and_closes_the_site_to_all_but_operators()
    {
        await RunRecipeAsync("permission-matrix.recipe.json");
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var publisher = await SignedInAsync("dangtin", Password);
        var contributor = await SignedInAsync("ctv.tonghop", Password);
        var earliest = await Site.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<MaintenanceSchedule>().EarliestStartDay()));
        var start = earliest.ToDateTime(new TimeOnly(22, 0));
        const string reason = "Nâng cấp máy chủ và phần mềm của Trang thông tin điện tử.";

        // Bad input: too little notice without "urgent", urgent without a reason, the end before the start, an unreadable time.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var (form, message) in new[]
        {
            (Form(start.AddDays(-1), start.AddDays(-1).AddHours(4), reason), "ít nhất 7 ngày làm việc"),
            (Form(start.AddDays(-3), start.AddDays(-3).AddHours(4), reason, urgentReason: " "), "lý do khẩn cấp"),
            (Form(start, start.AddHours(-1), reason), "kết thúc phải sau"),
            (new Dictionary<string, string> { ["Input.Start"] = "ngày mai", ["Input.End"] = Local(start), ["Input.Reason"] = reason }, "không hợp lệ"),
        })
        {
            var refused = await PostAsync(admin, "/admin/bao-tri", form);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A unit's contributor may not schedule one (403, nothing stored).
        AssertStatus(HttpStatusCode.Forbidden, await contributor.PostAsync("/admin/bao-tri", new FormUrlEncodedContent(Form(start, start.AddHours(4), reason))));
        await before.AssertUnchangedAsync(Site);

        // The Publisher (technical staff) schedules it on the earliest day: recorded, announced on the public pages at once.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(publisher, "/admin/bao-tri", Form(start, start.AddHours(4), reason)));
        var entry = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().SingleAsync(e => e.Action == AdminAuditActions.MaintenanceWindow));
        Assert.Equal("dangtin", entry.UserName);
        var home = await Client().GetStringAsync("/");
        Assert.Contains("Thông báo tạm ngừng hoạt động để bảo trì", home, StringComparison.Ordinal);
        Assert.Contains(start.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture), home, StringComparison.Ordinal);

        // An overlapping window is refused.
        AssertStatus(HttpStatusCode.BadRequest, await PostAsync(admin, "/admin/bao-tri", Form(start.AddHours(2), start.AddHours(6), reason, "Sự cố bảo mật cần vá gấp.")));

        // During the window: the maintenance page for the public and for a signed-in contributor; operators, /health and
        // the sign-in page stay (everyone signs in again: the cookies of eight days ago have expired).
        _clock.Advance(VietnamTime.ToUtc(start.AddMinutes(30)) - _clock.GetUtcNow().UtcDateTime);
        var closed = await Client().GetAsync("/tin-tuc");
        AssertStatus(HttpStatusCode.ServiceUnavailable, closed);
        Assert.InRange(closed.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 209, 211);
        admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        publisher = await SignedInAsync("dangtin", Password);
        contributor = await SignedInAsync("ctv.tonghop", Password);
        Assert.Contains("đang tạm ngừng để bảo trì", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.ServiceUnavailable, await contributor.GetAsync("/admin"));
        AssertStatus(HttpStatusCode.ServiceUnavailable, await Client().GetAsync("/api/content?type=News"));
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/health"));
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/dang-nhap"));
        AssertStatus(HttpStatusCode.OK, await publisher.GetAsync("/"));
        AssertStatus(HttpStatusCode.OK, await admin.GetAsync("/admin/bao-tri"));

        // Cancelled while under way: the site opens again at once (the cached window is evicted), and the cancellation is recorded.
        var id = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MaintenanceWindow>().Select(w => w.Id).SingleAsync());
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, $"/admin/bao-tri/{id}?handler=Cancel", new() { ["version"] = "1" }));
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/tin-tuc"));
        Assert.Equal(2, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().CountAsync(e => e.Action == AdminAuditActions.MaintenanceWindow)));
    }

    [Fact]
    public async Task An_urgent_window_with_a_reason_is_accepted_and_its_reason_recorded_and_a_change_keeps_the_rule()
    {
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var tomorrow = VietnamTime.FromUtc(_clock.GetUtcNow().UtcDateTime).Date.AddDays(1).AddHours(21);
        const string urgent = "Lỗ hổng bảo mật được cảnh báo, phải vá trong 24 giờ.";

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, "/admin/bao-tri", Form(tomorrow, tomorrow.AddHours(2), "Vá lỗi bảo mật khẩn cấp.", urgent)));
        var (window, entry) = await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            return (await db.Set<MaintenanceWindow>().SingleAsync(), await db.Set<AdminAuditEntry>().SingleAsync(e => e.Action == AdminAuditActions.MaintenanceWindow));
        });
        Assert.True(window.Urgent);
        Assert.Equal(urgent, entry.Reason);

        // Taking "urgent" away while the start is this close is refused; a stale version is a conflict; nothing changes.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var edit = $"/admin/bao-tri/{window.Id}";
        AssertStatus(HttpStatusCode.BadRequest, await PostAsync(admin, edit, new(Form(tomorrow.AddHours(-1), tomorrow.AddHours(2), "Vá lỗi bảo mật khẩn cấp.")) { ["version"] = "1" }));
        AssertStatus(HttpStatusCode.Conflict, await PostAsync(admin, edit, new(Form(tomorrow, tomorrow.AddHours(3), "Vá lỗi bảo mật khẩn cấp.", urgent)) { ["version"] = "7" }));
        AssertStatus(HttpStatusCode.NotFound, await PostAsync(admin, "/admin/bao-tri/99999?handler=Cancel", new() { ["version"] = "1" }));
        await before.AssertUnchangedAsync(Site);

        // Lengthening it keeps the announced start: allowed without new notice.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, edit, new(Form(tomorrow, tomorrow.AddHours(3), "Vá lỗi bảo mật khẩn cấp.", urgent)) { ["version"] = "1" }));
    }
}
