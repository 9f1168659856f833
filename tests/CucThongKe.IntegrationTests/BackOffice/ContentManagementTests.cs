using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;

namespace CucThongKe.Tests.BackOffice;

/// <summary>
/// The back office's content list (issue 16 item 4): the chain's step as a column and a filter (Workflows' extension of the
/// list), saved filters, Vietnamese order and diacritics-insensitive titles, units by name, bulk actions that go through the
/// chain item by item; taking an item down and archiving it as recorded steps of the chain.
/// </summary>
public abstract partial class ContentManagementTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private static async Task<string> ListAsync(HttpClient browser, string query)
    {
        var response = await browser.GetAsync("/admin/contents?" + query);
        AssertStatus(HttpStatusCode.OK, response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Titles(string html) => [.. RowTitle().Matches(html).Select(m => m.Groups[1].Value)];

    private static async Task<HttpResponseMessage> BulkAsync(HttpClient browser, string action, string? comment, params string[] selected)
    {
        var token = await AntiforgeryTokenAsync(browser, "/admin/contents");
        var form = new List<KeyValuePair<string, string>> { new("bulkAction", action), new("__RequestVerificationToken", token) };
        form.AddRange(selected.Select(s => new KeyValuePair<string, string>("selected", s)));
        if (comment is not null)
        {
            form.Add(new("comment", comment));
        }

        return await browser.PostAsync("/admin/contents?handler=Bulk", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_list_sorts_in_Vietnamese_order_filters_without_diacritics_by_step_and_saved_filter_and_names_units()
    {
        await AddPeopleAsync();
        foreach (var title in new[] { "Phát triển kinh tế số", "Đồng Hỷ đón chuẩn nông thôn mới", "Dân số trung bình năm 2026", "Bắc Kạn sáp nhập", "Ăn Tết an toàn" })
        {
            await CreateNewsAsync(title);
        }

        var submitted = await CreateNewsAsync("Tin đã gửi thủ trưởng");
        await AdvanceAsync(submitted, (Contributor, "submit"));
        var returned = await CreateNewsAsync("Tin bị trả lại để sửa");
        await AdvanceAsync(returned, (Contributor, "submit"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, returned, "unit-return", "Bổ sung nguồn số liệu."));
        var contributor = await SignedInAsync(Contributor);
        var unitHead = await SignedInAsync(UnitHead);

        // Đ after every D and before E; Ă after A; never Đ after P as code-point order puts it.
        var sorted = Titles(await ListAsync(contributor, "sort=title&author=ctv.tonghop&buoc=Draft"));
        Assert.Equal(["Ăn Tết an toàn", "Bắc Kạn sáp nhập", "Dân số trung bình năm 2026", "Đồng Hỷ đón chuẩn nông thôn mới", "Phát triển kinh tế số"], sorted);

        // Without diacritics, and with them on a title typed without: both fold.
        Assert.Equal(["Đồng Hỷ đón chuẩn nông thôn mới"], Titles(await ListAsync(contributor, "author=ctv.tonghop&text=dong+hy")));
        Assert.Equal(["Dân số trung bình năm 2026"], Titles(await ListAsync(contributor, "author=ctv.tonghop&text=D%C3%82N+S%E1%BB%90")));

        // The chain's step: a column, a filter, and the saved filters.
        var inReview = await ListAsync(contributor, "buoc=UnitReview");
        Assert.Equal(["Tin đã gửi thủ trưởng"], Titles(inReview));
        Assert.Contains("<th scope=\"col\">Bước duyệt</th>", inReview, StringComparison.Ordinal);
        Assert.Contains("Chờ thủ trưởng đơn vị kiểm tra", inReview, StringComparison.Ordinal);
        Assert.Equal(["Tin bị trả lại để sửa"], Titles(await ListAsync(contributor, "buoc=tra-lai-toi")));
        Assert.Equal(5, Titles(await ListAsync(contributor, "buoc=nhap-cua-toi")).Count);
        Assert.Equal(["Tin đã gửi thủ trưởng"], Titles(await ListAsync(unitHead, "buoc=cho-toi")));
        Assert.Empty(Titles(await ListAsync(unitHead, "buoc=tra-lai-toi")));

        // Units by name: the board (which sees every unit) chooses a unit from a list of names; the cells say the name, not the code.
        var board = await ListAsync(await SignedInAsync(Secretary), "unit=phong-tong-hop");
        Assert.Contains("<option value=\"phong-tong-hop\" selected=\"selected\">Phòng Thống kê Tổng hợp</option>", board, StringComparison.Ordinal);
        Assert.Contains("<td>Phòng Thống kê Tổng hợp</td>", board, StringComparison.Ordinal);

        // A step no chain has is bad input, not an empty list.
        AssertStatus(HttpStatusCode.BadRequest, await contributor.GetAsync("/admin/contents?buoc=khong-co"));
    }

    [Fact]
    public async Task A_bulk_submit_takes_each_item_through_the_chain_and_names_the_one_it_refuses()
    {
        await AddPeopleAsync();
        var first = await CreateNewsAsync("Tin gửi hàng loạt thứ nhất");
        var second = await CreateNewsAsync("Tin gửi hàng loạt thứ hai");
        var already = await CreateNewsAsync("Tin đã gửi từ trước");
        await AdvanceAsync(already, (Contributor, "submit"));
        var theirs = await CreateNewsAsync("Tin của Chi cục Đại Từ", OtherContributor);
        var contributor = await SignedInAsync(Contributor);
        var alreadySteps = (await StatusAsync(already))["record"]!.AsArray().Count;

        var response = await BulkAsync(contributor, "gui-duyet", null, $"{first}:1", $"{already}:1", $"{second}:1", $"{theirs}:1");

        AssertStatus(HttpStatusCode.OK, response);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<strong>Gửi duyệt</strong>: đã thực hiện 2, không thực hiện được 2.", html, StringComparison.Ordinal);
        Assert.Contains("<li>Tin gửi hàng loạt thứ nhất</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Tin gửi hàng loạt thứ hai</li>", html, StringComparison.Ordinal);
        // Refused by its title, with the chain's reason; another unit's item only by its code (its title is not theirs to read).
        Assert.Contains("<li><strong>Tin đã gửi từ trước</strong>: Nội dung đang ở bước 'Chờ thủ trưởng đơn vị kiểm tra': không có bước 'Gửi duyệt' từ đây.</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<li><strong>(mã {theirs})</strong>: Không tìm thấy nội dung này, hoặc bạn không được xem nó.</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin của Chi cục Đại Từ", html, StringComparison.Ordinal);

        // The done ones are recorded like a step taken alone; the refused ones did not move.
        foreach (var id in new[] { first, second })
        {
            var status = await StatusAsync(id);
            Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
            Assert.Equal("submit|ctv.tonghop", string.Join('|', status["record"]!.AsArray()[^1]!["transition"], status["record"]!.AsArray()[^1]!["userName"]));
        }

        Assert.Equal(alreadySteps, (await StatusAsync(already))["record"]!.AsArray().Count);
        Assert.Equal("Draft", (await StatusAsync(theirs, OtherUnitHead))["state"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bulk_action_refused_for_every_item_or_asked_badly_changes_nothing()
    {
        await AddPeopleAsync();
        var draft = await CreateNewsAsync("Bản nháp chưa đăng");
        var contributor = await SignedInAsync(Contributor);
        var publisher = await SignedInAsync(Publisher);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        // A draft cannot be archived (only what was published or refused): a conflict, nothing done.
        var archive = await BulkAsync(publisher, "luu-tru", null, $"{draft}:1");
        AssertStatus(HttpStatusCode.Conflict, archive);
        Assert.Contains("không thực hiện được 1", await archive.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A stale version: the list showed version 1, the item is at version 1, so ask for 2.
        AssertStatus(HttpStatusCode.Conflict, await BulkAsync(contributor, "gui-duyet", null, $"{draft}:2"));
        // The contributor may not take items down: the action is not theirs at all.
        AssertStatus(HttpStatusCode.Forbidden, await BulkAsync(contributor, "go-xuong", "Gỡ thử.", $"{draft}:1"));
        // Forged input: an unknown action, nothing chosen, a malformed choice, the same item twice, too long a comment.
        AssertStatus(HttpStatusCode.BadRequest, await BulkAsync(contributor, "xoa-het", null, $"{draft}:1"));
        AssertStatus(HttpStatusCode.BadRequest, await BulkAsync(contributor, "gui-duyet", null));
        AssertStatus(HttpStatusCode.BadRequest, await BulkAsync(contributor, "gui-duyet", null, "../../etc:1"));
        AssertStatus(HttpStatusCode.BadRequest, await BulkAsync(contributor, "gui-duyet", null, $"{draft}:1", $"{draft}:1"));
        AssertStatus(HttpStatusCode.BadRequest, await BulkAsync(contributor, "gui-duyet", new string('ý', 4001), $"{draft}:1"));

        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task Taking_an_item_down_and_archiving_it_are_recorded_steps_and_the_public_site_stops_showing_it()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Thông cáo báo chí được gỡ xuống");
        var path = (await ReadAsync(await (await ApiAsync(Contributor)).GetAsync($"/api/content/{id}")))["content"]!["AutoroutePart"]!["Path"]!.GetValue<string>();
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/" + path));
        Assert.Contains("Thông cáo báo chí được gỡ xuống", await (await Client().GetAsync("/rss")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Taking down needs a reason, and is the publisher's or the board head's, never the author's.
        AssertStatus(HttpStatusCode.BadRequest, await TransitionAsync(Publisher, id, "unpublish"));
        AssertStatus(HttpStatusCode.Forbidden, await TransitionAsync(Contributor, id, "unpublish", "Tôi muốn gỡ."));
        var publisher = await SignedInAsync(Publisher);
        var down = await BulkAsync(publisher, "go-xuong", "Số liệu được Tổng cục điều chỉnh.", $"{id}:1");
        AssertStatus(HttpStatusCode.OK, down);
        Assert.Contains("đã thực hiện 1, không thực hiện được 0", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var status = await StatusAsync(id);
        Assert.Equal("Unpublished", status["state"]!["name"]!.GetValue<string>());
        Assert.False(status["published"]!.GetValue<bool>());
        var last = status["record"]!.AsArray()[^1]!;
        Assert.Equal("unpublish|Published|Unpublished|dangtin|Số liệu được Tổng cục điều chỉnh.", $"{last["transition"]}|{last["from"]}|{last["to"]}|{last["userName"]}|{last["comment"]}");
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync("/" + path));
        Assert.DoesNotContain("Thông cáo báo chí được gỡ xuống", await (await Client().GetAsync("/rss")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Taken down, it waits in nobody's inbox; the list shows its step.
        Assert.Contains("Đã gỡ xuống", await ListAsync(publisher, "buoc=Unpublished"), StringComparison.Ordinal);
        Assert.Empty(Titles(await ListAsync(publisher, "buoc=cho-toi")));

        // Archived: recorded too, still off the public site; the author's unit can no longer rework it.
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(BoardHead, id, "archive-unpublished"));
        status = await StatusAsync(id);
        Assert.Equal("archive-unpublished|Unpublished|Archived|truongban", string.Join('|', status["record"]!.AsArray()[^1]!["transition"], status["record"]!.AsArray()[^1]!["from"], status["record"]!.AsArray()[^1]!["to"], status["record"]!.AsArray()[^1]!["userName"]));
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync("/" + path));
        AssertStatus(HttpStatusCode.Conflict, await TransitionAsync(Contributor, id, "rework"));
    }

    [Fact]
    public async Task Each_role_reads_on_the_dashboard_what_waits_for_it_and_what_is_late_first()
    {
        await AddPeopleAsync();
        var late = await CreateNewsAsync("Tin chờ kiểm tra đã quá hạn");
        await AdvanceAsync(late, (Contributor, "submit"));
        Clock.Advance(TimeSpan.FromDays(4)); // Friday 04/12: two working days for the unit head's check have passed.
        var published = await CreateNewsAsync("Tin đã đăng trong tháng 12");
        await AdvanceAsync(published, [.. ToApproved, (Publisher, "publish")]);
        var returned = await CreateNewsAsync("Tin bị trả lại cho tác giả");
        await AdvanceAsync(returned, (Contributor, "submit"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, returned, "unit-return", "Bổ sung nguồn số liệu <b>quý III</b>."));

        var board = await DashboardAsync(BoardHead);
        // What is late comes before the rest (the profile is the widgets' first otherwise).
        var gates = board.IndexOf("<h2>Đang chờ ở từng khâu</h2>", StringComparison.Ordinal);
        Assert.True(gates >= 0, "The board head's dashboard has no block of the gates.");
        Assert.True(gates < board.IndexOf("<h2>Hồ sơ của tôi</h2>", StringComparison.Ordinal));
        Assert.Contains("1 nội dung đang chờ duyệt, 1 quá hạn.", board, StringComparison.Ordinal);
        Assert.Contains("<dt>Chờ thủ trưởng đơn vị kiểm tra</dt>", board, StringComparison.Ordinal);
        Assert.Contains("1 nội dung, lâu nhất 4 ngày, 1 quá hạn", board, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/quy-trinh/noi-dung/{late}\">Tin chờ kiểm tra đã quá hạn</a>", board, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"Số nội dung đăng mỗi ngày, từ 01/12/2026 đến 04/12/2026\"", board, StringComparison.Ordinal);
        Assert.Contains("<title>04: 1</title>", board, StringComparison.Ordinal);
        Assert.Contains("1 nội dung đã đăng từ đầu tháng.", board, StringComparison.Ordinal);

        var unitHead = await DashboardAsync(UnitHead);
        Assert.Contains("<h2>Hàng chờ của đơn vị</h2>", unitHead, StringComparison.Ordinal);
        Assert.Contains("1 nội dung đang chờ duyệt, 1 quá hạn.", unitHead, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng trong tháng", unitHead, StringComparison.Ordinal);
        var otherUnitHead = await DashboardAsync(OtherUnitHead);
        Assert.Contains("Không có nội dung nào đang chờ duyệt.", otherUnitHead, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin chờ kiểm tra đã quá hạn", otherUnitHead, StringComparison.Ordinal);

        // The author: what was returned, with the comment that returned it (encoded, never markup), before their drafts.
        var author = await DashboardAsync(Contributor);
        Assert.Contains("<h2>Bài viết của tôi</h2>", author, StringComparison.Ordinal);
        Assert.Contains("1 bài bị trả lại, 0 bản nháp.", author, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/contents/{returned}/edit\">Tin bị trả lại cho tác giả</a>", author, StringComparison.Ordinal);
        Assert.Contains("trả lại: “Bổ sung nguồn số liệu &lt;b&gt;quý III&lt;/b&gt;.” (tp.tonghop)", author, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Đang chờ ở từng khâu</h2>", author, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diff_names_fields_in_Vietnamese_offers_changes_only_and_never_runs_an_attackers_markup()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin thử so sánh");
        var edit = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new
        {
            expectedVersion = 1,
            content = NewsContent("<img src=x onerror=alert(1)> Tin thử so sánh", "<p>Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết.</p>"),
        }));
        AssertStatus(HttpStatusCode.OK, edit);
        var contributor = await SignedInAsync(Contributor);

        var all = await (await contributor.GetAsync($"/admin/contents/{id}/versions?a=1&b=2")).Content.ReadAsStringAsync();
        var changes = await (await contributor.GetAsync($"/admin/contents/{id}/versions?a=1&b=2&chi-thay-doi=1")).Content.ReadAsStringAsync();

        Assert.Contains("<span class=\"diff-label\">Tiêu đề:</span>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("TitlePart.Title", all, StringComparison.Ordinal);
        // "nghị." became "nghị tổng kết.": the changed words are marked, the rest of the line is not.
        Assert.True(all.Contains("tổ chức hội <mark>nghị tổng kết.</mark>", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(all, "<ins class=\"diff-line\">[\\s\\S]*?</ins>").Value);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", all, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/contents/" + id + "/versions?a=1&amp;b=2&amp;chi-thay-doi=1\">Chỉ xem thay đổi</a>", all, StringComparison.Ordinal);
        Assert.Contains("Đang xem: chỉ thay đổi", changes, StringComparison.Ordinal);
        Assert.Contains("Chuyên mục", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<div class=\"diff-line muted\">", changes, StringComparison.Ordinal);
    }

    private async Task<string> DashboardAsync(string userName)
    {
        var response = await (await SignedInAsync(userName)).GetAsync("/admin");
        AssertStatus(HttpStatusCode.OK, response);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<td><a href=\"/admin/contents/[0-9a-f]+/edit\">([^<]*)</a></td>")]
    private static partial Regex RowTitle();
}

public sealed class SqliteContentManagementTests() : ContentManagementTests(DatabaseProvider.Sqlite);
