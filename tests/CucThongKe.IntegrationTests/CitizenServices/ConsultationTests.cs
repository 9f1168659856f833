using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Consultation;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Consultation on draft documents (lấy ý kiến dự thảo): comments only within the draft's period, moderated as every
/// discussion; the public list of open, coming and closed consultations; the unit's summary and its export, not another unit's.
/// </summary>
public abstract class ConsultationTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    private const string StaffPassword = "Demo@2026!ctk";

    [Fact]
    public async Task A_draft_takes_comments_only_in_its_period_and_its_unit_reads_the_summary_and_the_export()
    {
        await RunRecipeAsync("permission-matrix.recipe.json");
        var now = Site.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var open = await PublishConsultationAsync("Dự thảo Kế hoạch phổ biến thông tin thống kê năm 2027", now.AddDays(-1), now.AddDays(10));
        var closed = await PublishConsultationAsync("Dự thảo Quy chế cung cấp thông tin theo yêu cầu", now.AddDays(-40), now.AddDays(-10));
        var coming = await PublishConsultationAsync("Dự thảo Quy chế quản lý Trang thông tin điện tử", now.AddDays(3), now.AddDays(30));
        var reader = Client();
        var form = await OpenFormAsync(reader, open);
        form["Input.Text"] = "=HYPERLINK(\"http://x\") Đề nghị bổ sung lịch công bố chỉ số giá theo quý.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(open), Fields(form)));
        // A closed or coming consultation shows no form: these were opened on the open one and posted to the others.
        var closedForm = await OpenFormAsync(reader, open);
        var comingForm = await OpenFormAsync(reader, open);
        var board = await ModeratorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var tooLate = await reader.PostAsync(Discussions.PublicUrl(closed), Fields(closedForm));
        var tooEarly = await reader.PostAsync(Discussions.PublicUrl(coming), Fields(comingForm));

        AssertStatus(HttpStatusCode.BadRequest, tooLate);
        Assert.Contains(Discussions.ClosedMessage, WebUtility.HtmlDecode(await tooLate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, tooEarly);
        Assert.Contains(Discussions.NotYetOpenMessage, WebUtility.HtmlDecode(await tooEarly.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var reopen = await PostAdminAsync(board, $"/admin/thao-luan/{closed}?handler=Open", []);
        AssertStatus(HttpStatusCode.BadRequest, reopen);
        Assert.Contains("theo thời điểm mở và đóng ghi trong nội dung", WebUtility.HtmlDecode(await reopen.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        var pendingList = WebUtility.HtmlDecode(await reader.GetStringAsync("/lay-y-kien"));
        Assert.DoesNotContain("lịch công bố chỉ số giá theo quý", pendingList, StringComparison.Ordinal);
        var comment = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().SingleAsync());
        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(board, $"/admin/y-kien?handler=Accept&id={comment.Id}", []));

        var list = WebUtility.HtmlDecode(await reader.GetStringAsync("/lay-y-kien"));
        Assert.Contains("Đang lấy ý kiến", list, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc", list, StringComparison.Ordinal);
        Assert.Contains("Sắp lấy ý kiến", list, StringComparison.Ordinal);
        Assert.Contains("1 ý kiến đã duyệt", list, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, await reader.GetAsync("/lay-y-kien?trang=abc"));

        var staff = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(staff, "truongphong", StaffPassword));
        var summary = WebUtility.HtmlDecode(await staff.GetStringAsync($"/admin/lay-y-kien/{open}"));
        Assert.Contains("lịch công bố chỉ số giá theo quý", summary, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Đã duyệt</th><td>1</td>", summary, StringComparison.Ordinal);
        var csv = await staff.GetAsync($"/admin/lay-y-kien/{open}?handler=Export&dinh-dang=csv");
        AssertStatus(HttpStatusCode.OK, csv);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nguyễn Văn Đọc", csvText, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csvText, StringComparison.Ordinal);
        var xlsx = await staff.GetAsync($"/admin/lay-y-kien/{open}?handler=Export&dinh-dang=xlsx");
        AssertStatus(HttpStatusCode.OK, xlsx);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        AssertStatus(HttpStatusCode.BadRequest, await staff.GetAsync($"/admin/lay-y-kien/{open}?handler=Export&dinh-dang=pdf"));
        AssertStatus(HttpStatusCode.NotFound, await staff.GetAsync("/admin/lay-y-kien/0123456789abcdef0123456789abcdef"));

        var otherUnit = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(otherUnit, "ctv.daitu", StaffPassword));
        AssertStatus(HttpStatusCode.Forbidden, await otherUnit.GetAsync($"/admin/lay-y-kien/{open}"));
        AssertStatus(HttpStatusCode.Forbidden, await otherUnit.GetAsync($"/admin/lay-y-kien/{open}?handler=Export&dinh-dang=csv"));
    }

    /// <summary>A published consultation of Phòng Thống kê Tổng hợp with its period; returns its id.</summary>
    private Task<string> PublishConsultationAsync(string title, DateTime opensUtc, DateTime closesUtc) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync(Consultations.ContentType);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Nội dung dự thảo.</p>" };
        item.Content["Consultation"] = new JsonObject
        {
            ["UnitInCharge"] = new JsonObject { ["Text"] = "Phòng Thống kê Tổng hợp" },
            ["OpensAt"] = new JsonObject { ["Value"] = opensUtc },
            ["ClosesAt"] = new JsonObject { ["Value"] = closesUtc },
        };
        var saved = await contents.CreateForUnitAsync(item, "phong-tong-hop", owner: null);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử lấy ý kiến"));
        return saved.ContentItemId;
    });
}

public sealed class SqliteConsultationTests() : ConsultationTests(DatabaseProvider.Sqlite);
