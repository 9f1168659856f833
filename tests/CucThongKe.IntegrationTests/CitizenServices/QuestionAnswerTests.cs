using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Issue 13 item 1, end to end: a question for no known unit is triaged by the triage unit (recorded), answered by the unit
/// in charge through the chain, published without the asker's personal data anywhere public, and the asker is e-mailed once.
/// </summary>
public abstract class QuestionAnswerTests(DatabaseProvider provider) : CitizenServicesTestBase(provider), IDisposable
{
    private const string Triager = "vp.chanh";

    private readonly SmtpSink _sink = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        _sink.Serve(services, pollSeconds: 60);
    }

    public void Dispose()
    {
        _sink.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_question_is_triaged_answered_through_the_chain_published_without_personal_data_and_the_asker_is_mailed_once()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("triage-people.recipe.json");
        await SetPublicAddressAsync("https://thongke.thainguyen.gov.vn");
        var id = await AskAsync(CitizenUnits.Unknown, "Xin cho biết chỉ số sản xuất công nghiệp GRDP quý III năm 2026 của tỉnh Thái Nguyên?");
        Assert.Equal("van-phong", (await LatestAsync(id)).UnitId);
        var move = $"/admin/tiep-nhan/{id}/chuyen-don-vi";

        // Only the triage unit (and the board) moves what reached the triage unit; bad input stores nothing.
        var triager = await SignedInAsync(Triager);
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(UnitHead)).GetAsync(move));
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(OtherContributor)).GetAsync(move));
        AssertStatus(HttpStatusCode.NotFound, await triager.GetAsync("/admin/tiep-nhan/0123456789abcdef0123456789abcdef/chuyen-don-vi"));

        // The edit page leads there, for those who may move it.
        var edit = $"/admin/contents/{id}/edit";
        Assert.Contains($"href=\"{move}\"", await triager.GetStringAsync(edit), StringComparison.Ordinal);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var (unit, reason, message) in new[]
        {
            ("phong-tong-hop", "", "Cần ghi lý do chuyển đơn vị"),
            ("lanh-dao-cuc", "Câu hỏi thuộc lĩnh vực thống kê tổng hợp.", "Hãy chọn đơn vị phụ trách trong danh sách"),
            ("van-phong", "Câu hỏi thuộc lĩnh vực thống kê tổng hợp.", "Hãy chọn đơn vị phụ trách trong danh sách"),
        })
        {
            var refused = await PostMoveAsync(triager, move, unit, reason);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);
        AssertStatus(HttpStatusCode.Redirect, await PostMoveAsync(triager, move, "phong-tong-hop", "Câu hỏi thuộc lĩnh vực thống kê tổng hợp."));
        var moved = await LatestAsync(id);
        Assert.Equal("phong-tong-hop", moved.UnitId);
        Assert.Equal("Phòng Thống kê Tổng hợp", moved.Content["Question"]!["AssignedUnit"]!["Text"]!.GetValue<string>());
        var record = (await StatusAsync(id, UnitHead))["record"]!.AsArray();
        Assert.Contains(record, s => s!["transition"]!.GetValue<string>() == "unit-transfer"
            && s["comment"]!.GetValue<string>().Contains("Câu hỏi thuộc lĩnh vực thống kê tổng hợp.", StringComparison.Ordinal));
        AssertStatus(HttpStatusCode.Forbidden, await triager.GetAsync(move));

        // Once with the unit in charge, its head edits it but does not move it on: no way to the triage page.
        var headEdit = await (await SignedInAsync(UnitHead)).GetAsync(edit);
        AssertStatus(HttpStatusCode.OK, headEdit);
        Assert.DoesNotContain("chuyen-don-vi", await headEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The unit answers; the chain approves and publishes; the asker hears of it once.
        await AnswerAsync(id, moved, "<p>Quý III năm 2026, chỉ số sản xuất công nghiệp của tỉnh tăng 9,2% so với cùng kỳ.</p>");
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        var code = CitizenInbox.CodeOf(CitizenMessageKind.Question.Prefix, id);
        var mail = Assert.Single(await MailsToAskerAsync(expected: 1));
        Assert.Contains(code, mail, StringComparison.Ordinal);
        Assert.Contains($"https://thongke.thainguyen.gov.vn/hoi-dap/tra-cuu?ma={code}", mail, StringComparison.Ordinal);

        var path = "/" + await Site.WithScopeAsync(async s => (await s.GetRequiredService<QuestionSubmission>().FindAsync(code, default))!.Path);
        var client = Client();
        var page = await client.GetStringAsync(path);
        Assert.Contains("9,2%", page, StringComparison.Ordinal);
        Assert.Contains("Phòng Thống kê Tổng hợp", page, StringComparison.Ordinal);
        string[] publicViews = [page, await client.GetStringAsync("/hoi-dap"), await client.GetStringAsync("/rss"), await client.GetStringAsync($"/hoi-dap/tra-cuu?ma={code}"),
            await SearchUntilFoundAsync(client, "san xuat cong nghiep quy III", id)];
        foreach (var view in publicViews)
        {
            var text = WebUtility.HtmlDecode(view);
            Assert.DoesNotContain(AskerName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AskerEmail, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AskerPhone, text, StringComparison.Ordinal);
        }

        // Before asking, a citizen is shown answered questions like theirs (the script's look-up and the page's own), never a draft.
        await AskAsync("phong-tong-hop", "Chỉ số sản xuất công nghiệp quý III năm 2026 của tỉnh tăng bao nhiêu?");
        var similar = JsonNode.Parse(await client.GetStringAsync("/hoi-dap/cau-hoi-tuong-tu?q=" + Uri.EscapeDataString("chỉ số sản xuất công nghiệp quý III")))!.AsArray();
        Assert.Equal([path], similar.Select(q => q!["url"]!.GetValue<string>()));
        Assert.Contains($"href=\"{path}\"", await client.GetStringAsync("/hoi-dap/gui-cau-hoi?tim=" + Uri.EscapeDataString("sản xuất công nghiệp quý III")), StringComparison.Ordinal);
        foreach (var (bad, message) in new[] { ("", "Cần nhập ít nhất 10 ký tự"), ("quý III", "Cần nhập ít nhất 10 ký tự"), (new string('a', 5001), "Câu hỏi dài quá 5.000 ký tự") })
        {
            var api = await client.GetAsync("/hoi-dap/cau-hoi-tuong-tu?q=" + Uri.EscapeDataString(bad));
            AssertStatus(HttpStatusCode.BadRequest, api);
            Assert.Contains(message, (await ReadAsync(api))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            if (bad.Length > 0)
            {
                // An empty look-up on the page is no look-up: the form as usual.
                var lookup = await client.GetAsync("/hoi-dap/gui-cau-hoi?tim=" + Uri.EscapeDataString(bad));
                AssertStatus(HttpStatusCode.BadRequest, lookup);
                Assert.Contains(message, WebUtility.HtmlDecode(await lookup.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetAsync("/hoi-dap/cau-hoi-tuong-tu?q=" + Uri.EscapeDataString("chỉ số sản xuất công nghiệp"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // A corrected answer goes through the chain again and is published: no second mail.
        await AnswerAsync(id, await LatestAsync(id), "<p>Quý III năm 2026, chỉ số sản xuất công nghiệp của tỉnh tăng 9,3% so với cùng kỳ (số liệu chính thức).</p>");
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        Assert.Contains("9,3%", await Client().GetStringAsync(path), StringComparison.Ordinal);
        Assert.Single(await MailsToAskerAsync(expected: 1));
    }

    private async Task AnswerAsync(string id, ContentItem latest, string answer)
    {
        var content = latest.Content.DeepClone().AsObject();
        content["Question"]!["Answer"] = new JsonObject { ["Html"] = answer };
        var response = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = latest.Version, content }));
        AssertStatus(HttpStatusCode.OK, response);
    }

    private static async Task<HttpResponseMessage> PostMoveAsync(HttpClient client, string url, string unitId, string reason) =>
        await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, url),
            ["UnitId"] = unitId,
            ["Reason"] = reason,
        }));

    /// <summary>The mails the asker received, once <paramref name="expected"/> arrived (or after a few seconds).</summary>
    private async Task<List<string>> MailsToAskerAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_sink.Messages.Count(m => m.To.Contains(AskerEmail)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return [.. _sink.Messages.Where(m => m.To.Contains(AskerEmail)).Select(m => SmtpSink.TextOf(m.Data))];
    }

    private static async Task<string> SearchUntilFoundAsync(HttpClient client, string query, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var json = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query));
        while (!json.Contains(id, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The answered question was not found by search: {json}");
            await Task.Delay(100);
            json = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query));
        }

        return json;
    }
}

public sealed class SqliteQuestionAnswerTests() : QuestionAnswerTests(DatabaseProvider.Sqlite);
