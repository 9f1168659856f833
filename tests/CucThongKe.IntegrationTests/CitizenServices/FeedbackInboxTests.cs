using System.Net;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Issue 13 item 2 (Điều 14.4): feedback reaches its unit's inbox and the unit is mailed at once; the unit classes it, sets
/// its status and replies (mailed to the sender); another unit sees none of it; the board reads the summary of a period
/// and downloads it as a workbook.
/// </summary>
public abstract class FeedbackInboxTests(DatabaseProvider provider) : CitizenServicesTestBase(provider), IDisposable
{
    private const string Text = "Đề nghị Cục đăng thêm số liệu giá tiêu dùng hằng tháng theo từng huyện, thị xã.";

    private readonly SmtpSink _sink = new();

    private readonly Dictionary<HttpClient, string> _tokens = [];

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
    public async Task Feedback_reaches_its_unit_which_classes_and_answers_it_and_no_other_unit_sees_or_changes_it()
    {
        await AddPeopleAsync();
        await SetPublicAddressAsync("https://thongke.thainguyen.gov.vn");
        var id = await SendFeedbackAsync("phong-tong-hop", Text);
        var code = CitizenInbox.CodeOf("GY", id);

        // The unit's head and staff are mailed at once, with the code and the inbox's address, and nothing of the sender.
        foreach (var address in new[] { "tp.tonghop@example.vn", "ctv.tonghop@example.vn" })
        {
            var mail = await MailToAsync(address);
            Assert.Contains(code, mail, StringComparison.Ordinal);
            Assert.Contains($"https://thongke.thainguyen.gov.vn/admin/gop-y/{id}", mail, StringComparison.Ordinal);
            Assert.DoesNotContain(AskerEmail, mail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_sink.Messages, m => m.To.Any(t => t.Contains("daitu", StringComparison.Ordinal)));
        Assert.Equal(FeedbackState.New, (await CaseAsync(id)).Status);

        // The unit and the board see it in the inbox; another unit does not, and may neither open nor change it.
        var head = await SignedInAsync(UnitHead);
        Assert.Contains(code, WebUtility.HtmlDecode(await head.GetStringAsync("/admin/gop-y")), StringComparison.Ordinal);
        Assert.Contains(code, WebUtility.HtmlDecode(await (await SignedInAsync(Secretary)).GetStringAsync("/admin/gop-y?trangthai=New")), StringComparison.Ordinal);
        var other = await SignedInAsync(OtherUnitHead);
        var director = await SignInDirectorAsync();
        var contributor = await SignedInAsync(Contributor);
        Assert.DoesNotContain(code, await other.GetStringAsync("/admin/gop-y"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await other.GetAsync($"/admin/gop-y/{id}"));
        foreach (var client in new[] { other, director, contributor })
        {
            await TokenAsync(client);
        }

        // The citizen mails the arrangement queued leave with the site's mail loop whenever it runs (see below).
        var before = await DatabaseSnapshot.TakeAsync(Site, "CitizenMails");
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(other, id, "Update", new() { ["Status"] = "Closed" }));
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(other, id, "Reply", new() { ["Reply"] = "Trả lời của một đơn vị khác, không được phép." }));
        // The Director reads every unit's feedback but writes none.
        AssertStatus(HttpStatusCode.OK, await director.GetAsync($"/admin/gop-y/{id}"));
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(director, id, "Update", new() { ["Status"] = "Closed" }));

        // Bad input: a clear Vietnamese message, 400, nothing stored.
        foreach (var (handler, form, message) in new (string, Dictionary<string, string>, string)[]
        {
            ("Update", new() { ["Status"] = "Bogus" }, "Trạng thái không hợp lệ"),
            ("Update", new() { ["Status"] = "2" }, "Trạng thái không hợp lệ"),
            ("Update", new() { ["Status"] = "Answered" }, "bằng cách gửi câu trả lời"),
            ("Update", new() { ["Status"] = "InProgress", ["CategoryId"] = "khong-co" }, "Chủ đề không có trong danh mục"),
            ("Reply", new() { ["Reply"] = "Ngắn." }, "Câu trả lời dài từ 10 đến 5.000 ký tự"),
            ("Reply", new() { ["Reply"] = new string('x', 5001) }, "Câu trả lời dài từ 10 đến 5.000 ký tự"),
        })
        {
            var response = await PostAsync(contributor, id, handler, form);
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        AssertStatus(HttpStatusCode.BadRequest, await contributor.GetAsync("/admin/gop-y?trangthai=Bogus"));
        await before.AssertUnchangedAsync(Site, "CitizenMails");

        // The unit classes it and takes it up, then replies: stored with the item, mailed to the sender.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(contributor, id, "Update", new() { ["Status"] = "InProgress", ["CategoryId"] = "so-lieu-thong-ke" }));
        var classed = await CaseAsync(id);
        Assert.Equal("so-lieu-thong-ke", classed.CategoryId);
        Assert.Equal(FeedbackState.InProgress, classed.Status);
        Clock.Advance(TimeSpan.FromHours(5));
        const string reply = "Cục ghi nhận góp ý và sẽ đăng chỉ số giá tiêu dùng theo huyện từ tháng 01/2027.";
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(head, id, "Reply", new() { ["Reply"] = reply }));
        var answered = await CaseAsync(id);
        Assert.Equal(FeedbackState.Answered, answered.Status);
        Assert.Equal(TimeSpan.FromHours(5), answered.RepliedUtc!.Value - answered.ReceivedUtc);
        Assert.Equal(UnitHead, answered.RepliedBy);
        Assert.Equal($"<p>{reply}</p>", (await LatestAsync(id)).Content["Feedback"]!["Reply"]!["Html"]!.GetValue<string>());
        Assert.Contains(code, await MailToAsync(AskerEmail), StringComparison.Ordinal);
        Assert.Contains(reply, WebUtility.HtmlDecode(await head.GetStringAsync($"/admin/gop-y/{id}")), StringComparison.Ordinal);

        // Moved to another unit (triage, by the board), it is new there: that unit's head is told, and now sees it.
        Assert.DoesNotContain(_sink.Messages, m => m.To.Contains("cc.daitu@example.vn"));
        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(await SignedInAsync(BoardHead), $"/admin/tiep-nhan/{id}/chuyen-don-vi",
            new() { ["UnitId"] = "chi-cuc-huyen-dai-tu", ["Reason"] = "Góp ý về số liệu cấp huyện do Chi cục trả lời." }));
        Assert.Contains($"/admin/gop-y/{id}", await MailToAsync("cc.daitu@example.vn"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, await other.GetAsync($"/admin/gop-y/{id}"));

        // The sender's status page says it was answered, without the reply's author or anything personal.
        var status = WebUtility.HtmlDecode(await Client().GetStringAsync($"/gop-y/tra-cuu?ma={code}"));
        Assert.DoesNotContain(AskerName, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_reads_the_summary_of_a_period_and_downloads_it_as_a_workbook_and_edits_the_categories()
    {
        await AddPeopleAsync();
        var first = await SubmitAsync("phong-tong-hop", "so-lieu-thong-ke");
        Clock.Advance(TimeSpan.FromHours(1));
        await SubmitAsync("phong-tong-hop", "trang-thong-tin");
        var third = await SubmitAsync("chi-cuc-huyen-dai-tu", "so-lieu-thong-ke");
        await ReplyAsync(first, TimeSpan.FromHours(3));
        await ReplyAsync(third, TimeSpan.FromHours(7));

        var secretary = await SignedInAsync(Secretary);
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync("/admin/gop-y/tong-hop?ky=2026-Q4"));
        Assert.Contains("Tổng hợp góp ý Quý IV/2026", page, StringComparison.Ordinal);
        Assert.Contains("<td>Số liệu, ấn phẩm thống kê</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Chi cục Thống kê huyện Đại Từ</td>", page, StringComparison.Ordinal);

        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(UnitHead)).GetAsync("/admin/gop-y/tong-hop?ky=2026-Q4"));
        foreach (var bad in new[] { "2026-13", "2026-Q5", "1999", "thang-12", "2026-12-01" })
        {
            var response = await secretary.GetAsync("/admin/gop-y/tong-hop?ky=" + bad);
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains("Kỳ không hợp lệ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A month with nothing in it counts zero.
        Assert.Matches(@"<td>Tổng cộng</td>\s*<td>0</td>", WebUtility.HtmlDecode(await secretary.GetStringAsync("/admin/gop-y/tong-hop?ky=2026-10")));

        var download = await secretary.GetAsync("/admin/gop-y/tong-hop?handler=Xlsx&ky=2026-11");
        AssertStatus(HttpStatusCode.OK, download);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
        var cells = ReadWorkbook(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Mục", "Số góp ý nhận", "Số đã trả lời", "Thời gian trả lời trung bình (giờ)"], cells[0].Select(c => c.Text));
        var byCategory = cells.FindIndex(r => r[0].Text == "Theo chủ đề");
        Assert.Equal(("Số liệu, ấn phẩm thống kê", 2m, 2m, 5m), Numbers(cells[byCategory + 1]));
        Assert.Equal(("Trang thông tin điện tử", 1m, 0m, (decimal?)null), Numbers(cells[byCategory + 2]));
        Assert.Equal(("Tổng cộng", 3m, 2m, 5m), Numbers(cells[byCategory + 3]));
        var byStatus = cells.FindIndex(r => r[0].Text == "Theo trạng thái");
        Assert.Equal(("Mới", 1m, 0m, (decimal?)null), Numbers(cells[byStatus + 1]));
        Assert.Equal(("Đã trả lời", 2m, 2m, 5m), Numbers(cells[byStatus + 3]));
        Assert.True(cells[byCategory + 1][1].IsNumber, "Counts are numbers in the workbook, not text.");
        Assert.StartsWith("Nguồn: ", cells[^1][0].Text, StringComparison.Ordinal);

        // The categories: edited by the board; a malformed list or the removal of a used category stores nothing.
        var categories = "/admin/gop-y/chu-de";
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(Contributor)).GetAsync(categories));
        await TokenAsync(secretary);
        // The citizen mails the arrangement queued leave with the site's mail loop whenever it runs: not what a refused
        // category list could change (it failed once when the loop sent them between the two snapshots).
        var before = await DatabaseSnapshot.TakeAsync(Site, "CitizenMails");
        foreach (var (text, message) in new[]
        {
            ("Số liệu: không có mã", "chỉ gồm chữ thường không dấu"),
            ("so-lieu\nkhac: Khác", "phải có dạng “mã: Tên chủ đề”"),
            ("khac: Khác\nkhac: Khác nữa", "xuất hiện hai lần"),
            ("khac: Khác", "Không xóa được chủ đề “Số liệu, ấn phẩm thống kê”"),
        })
        {
            var response = await PostFormAsync(secretary, categories, new() { ["Text"] = text });
            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site, "CitizenMails");
        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(secretary, categories,
            new() { ["Text"] = "so-lieu-thong-ke: Số liệu thống kê\ntrang-thong-tin: Trang thông tin điện tử\nphan-anh: Phản ánh, kiến nghị" }));
        var names = await Site.WithScopeAsync(s => s.GetRequiredService<FeedbackCategories>().ListAsync(default));
        Assert.Equal(["Số liệu thống kê", "Trang thông tin điện tử", "Phản ánh, kiến nghị"], names.Select(c => c.Name));
    }

    private static (string, decimal?, decimal?, decimal?) Numbers(IReadOnlyList<Cell> row) =>
        (row[0].Text, row[1].Number, row[2].Number, row.Count > 3 ? row[3].Number : null);

    private sealed record Cell(string Text, bool IsNumber)
    {
        public decimal? Number => Text.Length == 0 ? null : decimal.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first sheet's rows as text (shared strings resolved) with whether each cell is a number.</summary>
    private static List<List<Cell>> ReadWorkbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = part.WorksheetParts.First().Worksheet;
        return [.. sheet.Descendants<Row>().Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
        {
            var value = c.CellValue?.Text ?? c.InnerText;
            return c.DataType?.Value == CellValues.SharedString ? new Cell(strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)], false)
                : c.DataType is null || c.DataType.Value == CellValues.Number ? new Cell(value, value.Length > 0)
                : new Cell(value, false);
        }).ToList())];
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string handler, Dictionary<string, string> form) =>
        PostFormAsync(client, $"/admin/gop-y/{id}?handler={handler}", form);

    /// <summary>The user's antiforgery token (per user, not per page), read once: the page that gives it writes the first time
    /// (a two-factor key), so a test takes it before its snapshot.</summary>
    private async Task<string> TokenAsync(HttpClient client)
    {
        if (!_tokens.TryGetValue(client, out var token))
        {
            _tokens[client] = token = await AntiforgeryTokenAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc");
        }

        return token;
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await TokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private async Task<HttpClient> SignInDirectorAsync()
    {
        await RunRecipeAsync("feedback-people.recipe.json");
        return await SignedInAsync("cuctruong");
    }

    /// <summary>Sends feedback from the public form choosing <paramref name="unitId"/>, at a human's pace; returns the item's id.</summary>
    private Task<string> SendFeedbackAsync(string unitId, string text) =>
        SendFromFormAsync("/gop-y", "Input.Content", "Feedback", unitId, text);

    /// <summary>Feedback to <paramref name="unitId"/> as the form saves it, classed under <paramref name="category"/> by the unit; returns its id.</summary>
    private Task<string> SubmitAsync(string unitId, string category) => Site.WithScopeAsync(async s =>
    {
        var unit = (await s.GetRequiredService<CitizenUnits>().ResolveAsync(unitId, default))!;
        var suffix = (await s.GetRequiredService<FeedbackSubmission>().SubmitAsync(AskerName, "", null, unit, Text, default))[2..].ToLowerInvariant();
        var id = await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Feedback" && c.Latest)
            .Select(c => c.ContentItemId).SingleAsync(c => c.EndsWith(suffix));
        var desk = s.GetRequiredService<FeedbackDesk>();
        await desk.UpdateAsync((await desk.FindAsync(id, default))!, "New", category, default);
        return id;
    });

    private async Task ReplyAsync(string id, TimeSpan after)
    {
        var received = (await CaseAsync(id)).ReceivedUtc;
        Clock.Set(new DateTimeOffset(received + after, TimeSpan.Zero));
        await Site.WithScopeAsync(async s =>
        {
            var desk = s.GetRequiredService<FeedbackDesk>();
            await desk.ReplyAsync((await desk.FindAsync(id, default))!, "Cục đã ghi nhận góp ý, xin cảm ơn.", UnitHead, default);
        });
    }

    private Task<FeedbackCase> CaseAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<FeedbackCase>().AsNoTracking().SingleAsync(c => c.ContentItemId == id));

    /// <summary>The mail to <paramref name="address"/> as its reader sees it, once it arrived (or after a few seconds).</summary>
    private async Task<string> MailToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_sink.Messages.Any(m => m.To.Contains(address)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return SmtpSink.TextOf(_sink.Messages.Last(m => m.To.Contains(address)).Data);
    }
}

public sealed class SqliteFeedbackInboxTests() : FeedbackInboxTests(DatabaseProvider.Sqlite);
