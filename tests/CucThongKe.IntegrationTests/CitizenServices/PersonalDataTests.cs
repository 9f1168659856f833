using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Privacy;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Issue 13 item 8 (Điều 7.6): the operator exports what is held about an e-mail address (recorded); when the retention
/// period has passed (a shifted clock), the senders' name, e-mail and phone disappear from every version while the answered
/// question, its answer and the feedback's text and reply stay; each erasure is recorded, and done once.
/// </summary>
public abstract class PersonalDataTests(DatabaseProvider provider) : CitizenServicesTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string>
    {
        ["Cms:CitizenServices:Retention:QuestionDays"] = "90",
        ["Cms:CitizenServices:Retention:FeedbackDays"] = "30",
    };

    [Fact]
    public async Task The_operator_exports_what_is_held_and_the_senders_data_disappears_after_the_period_while_the_answer_stays()
    {
        await AddPeopleAsync();
        var question = await AskAsync("phong-tong-hop", "Xin cho biết tốc độ tăng tổng sản phẩm trên địa bàn tỉnh năm 2026?");
        var latest = await LatestAsync(question);
        var content = latest.Content.DeepClone().AsObject();
        content["Question"]!["Answer"] = new JsonObject { ["Html"] = "<p>Năm 2026, GRDP của tỉnh ước tăng 8,1% so với năm trước.</p>" };
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{question}", Json(new { expectedVersion = latest.Version, content })));
        await AdvanceAsync(question, [.. ToApproved, (Publisher, "publish")]);
        var feedback = await Site.WithScopeAsync(async s =>
        {
            var unit = (await s.GetRequiredService<CitizenUnits>().ResolveAsync("phong-tong-hop", default))!;
            var code = await s.GetRequiredService<FeedbackSubmission>().SubmitAsync(AskerName, AskerEmail, AskerPhone, unit, "Đề nghị công bố số liệu GRDP theo huyện, thành phố.", default);
            var suffix = code[2..].ToLowerInvariant();
            return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Feedback" && c.Latest)
                .Select(c => c.ContentItemId).SingleAsync(c => c.EndsWith(suffix));
        });
        var questionCode = CitizenInbox.CodeOf("HD", question);
        var feedbackCode = CitizenInbox.CodeOf("GY", feedback);

        // The operator's export: both messages, every version, with the sender's fields; recorded. Nobody else may.
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(BoardHead)).GetAsync("/admin/du-lieu-ca-nhan"));
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var bad in new[] { "", "khong-phai-thu", "a b@example.vn" })
        {
            var refused = await ExportAsync(admin, bad);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains("Hãy nhập một địa chỉ thư điện tử hợp lệ.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);
        var export = await ExportAsync(admin, "HOI@example.vn");
        AssertStatus(HttpStatusCode.OK, export);
        var held = JsonNode.Parse(await export.Content.ReadAsStringAsync())!["Messages"]!.AsArray();
        Assert.Equal([feedbackCode, questionCode], held.Select(m => m!["Code"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(held, m => Assert.Equal(AskerName, m!["Content"]!.AsObject().First(p => p.Key.EndsWith("Name", StringComparison.Ordinal)).Value!["Text"]!.GetValue<string>()));
        Assert.Contains(await AuditAsync(PersonalDataExport.AuditAction), e => e.Subject == "HOI@example.vn" && e.UserName == TestSite.AdminUserName);

        // 31 days on: the feedback's period (30 days) has passed, the question's (90) not.
        var eraser = () => Site.WithScopeAsync(s => s.GetRequiredService<PersonalDataEraser>().EraseDueAsync(default));
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await eraser());
        Assert.All(await VersionsAsync(feedback), v => AssertErased(v.Content["Feedback"]!, "Sender"));
        Assert.Equal("Đề nghị công bố số liệu GRDP theo huyện, thành phố.", (await LatestAsync(feedback)).Content["Feedback"]!["Content"]!["Text"]!.GetValue<string>());
        Assert.All(await VersionsAsync(question), v => Assert.Equal(AskerEmail, v.Content["Question"]!["AskerEmail"]!["Text"]!.GetValue<string>()));

        // 91 days on: the question's too; its text and answer stay, on the public page as well. Each erasure is recorded once.
        Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(1, await eraser());
        Assert.Equal(0, await eraser());
        var versions = await VersionsAsync(question);
        Assert.All(versions, v => AssertErased(v.Content["Question"]!, "Asker"));
        var published = Assert.Single(versions, v => v.Published);
        Assert.Equal("<p>Năm 2026, GRDP của tỉnh ước tăng 8,1% so với năm trước.</p>", published.Content["Question"]!["Answer"]!["Html"]!.GetValue<string>());
        var path = "/" + await Site.WithScopeAsync(async s => (await s.GetRequiredService<QuestionSubmission>().FindAsync(questionCode, default))!.Path);
        var page = WebUtility.HtmlDecode(await Client().GetStringAsync(path));
        Assert.Contains("8,1%", page, StringComparison.Ordinal);
        Assert.Contains("tốc độ tăng tổng sản phẩm", page, StringComparison.Ordinal);
        var erasures = await AuditAsync(PersonalDataEraser.AuditAction);
        Assert.Equal([feedback, question], erasures.Select(e => e.Subject));
        Assert.All(erasures, e => Assert.Equal(PersonalDataEraser.Actor, e.UserName));
        // Three months on, the operator signs in again: nothing is held about the address any more.
        admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        Assert.Empty(JsonNode.Parse(await (await ExportAsync(admin, AskerEmail)).Content.ReadAsStringAsync())!["Messages"]!.AsArray());
    }

    private static void AssertErased(JsonNode part, string sender)
    {
        Assert.Equal(PersonalDataEraser.ErasedName, part[sender + "Name"]!["Text"]!.GetValue<string>());
        Assert.Null(part[sender + "Email"]!["Text"]);
        Assert.Null(part[sender + "Phone"]!["Text"]);
    }

    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, string email) =>
        await client.PostAsync("/admin/du-lieu-ca-nhan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/du-lieu-ca-nhan"),
            ["Email"] = email,
        }));

    private Task<List<ContentItem>> VersionsAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == id).ToListAsync());

    private Task<List<AdminAuditEntry>> AuditAsync(string action) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());
}

public sealed class SqlitePersonalDataTests() : PersonalDataTests(DatabaseProvider.Sqlite);
