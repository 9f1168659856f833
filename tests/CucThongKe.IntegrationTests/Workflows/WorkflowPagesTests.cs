using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Instances;

namespace CucThongKe.Tests.Workflows;

/// <summary>The back office's workflow pages: the inbox, an item's record with its buttons (antiforgery), the definitions with their diagram.</summary>
public abstract class WorkflowPagesTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    [Fact]
    public async Task The_unit_head_finds_the_item_in_the_inbox_and_sends_it_to_the_board_from_its_page()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin gửi qua trang quản trị");
        await AdvanceAsync(id, (Contributor, "submit"));
        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, UnitHead, Password));

        var inbox = await browser.GetStringAsync("/admin/quy-trinh");
        Assert.Contains("Tin gửi qua trang quản trị", inbox, StringComparison.Ordinal);
        Assert.Contains($"/admin/quy-trinh/noi-dung/{id}", inbox, StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");
        Assert.Contains("Gửi Ban Biên tập", page, StringComparison.Ordinal);
        Assert.Contains("ctv.tonghop", page, StringComparison.Ordinal);
        var token = await AntiforgeryTokenAsync(browser, $"/admin/quy-trinh/noi-dung/{id}");

        var withoutToken = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["transition"] = "send-to-board" }));
        Assert.Equal("UnitReview", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
        var sent = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["transition"] = "send-to-board",
            ["expectedVersion"] = "1",
            ["comment"] = "Đã kiểm tra số liệu.",
        }));

        AssertStatus(HttpStatusCode.BadRequest, withoutToken);
        AssertStatus(HttpStatusCode.Redirect, sent);
        var after = await StatusAsync(id);
        Assert.Equal("BoardSecretary", after["state"]!["name"]!.GetValue<string>());
        Assert.Equal("Đã kiểm tra số liệu.", after["record"]!.AsArray().Last()!["comment"]!.GetValue<string>());
        var record = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");
        Assert.Contains("Đã kiểm tra số liệu.", record, StringComparison.Ordinal);
        Assert.Contains("30/11/2026 09:00", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_publish_from_the_back_office()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin quản trị muốn đăng từ trang quản trị");
        await AdvanceAsync(id, ToApproved);
        var before = await FootprintAsync(id);
        var browser = Client();
        await SignInAsync(browser, TestSite.AdminUserName, TestSite.AdminPassword);
        var page = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");
        Assert.DoesNotContain("Đăng bản đã duyệt", page, StringComparison.Ordinal);
        // The page offers the administrator no button; the token (one per user) comes from another form of the back office.
        var token = await AntiforgeryTokenAsync(browser, "/admin/recipes");

        var response = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["transition"] = "publish",
        }));

        AssertStatus(HttpStatusCode.Forbidden, response);
        Assert.Contains("Không có thay đổi nào được lưu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task The_definitions_page_draws_the_chain_as_a_diagram()
    {
        await AddPeopleAsync();
        var browser = Client();
        await SignInAsync(browser, Secretary, Password);

        var list = await browser.GetStringAsync("/admin/quy-trinh/dinh-nghia");
        var detail = await browser.GetStringAsync("/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin");
        var missing = await browser.GetAsync("/admin/quy-trinh/dinh-nghia/khong-co");
        var contributor = Client();
        await SignInAsync(contributor, Contributor, Password);
        var refused = await contributor.GetAsync("/admin/quy-trinh/dinh-nghia");

        Assert.Contains("Quy trình trả lời hỏi đáp", list, StringComparison.Ordinal);
        Assert.Contains("<svg", detail, StringComparison.Ordinal);
        Assert.Contains("Chờ Trưởng Ban Biên tập duyệt", detail, StringComparison.Ordinal);
        // One arrow per transition: the regulation's ten and the five take-down and archive steps.
        Assert.Equal(15, CountOf(detail, "marker-end=\"url(#arrow)\""));
        AssertStatus(HttpStatusCode.NotFound, missing);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_inbox_is_paged_and_a_page_number_out_of_range_shows_the_nearest_page()
    {
        await AddPeopleAsync();
        // One page and one more of drafts waiting for their author, a minute apart (the inbox lists the oldest first).
        var api = await ApiAsync(Contributor);
        for (var i = 1; i <= WorkflowInbox.PageSize + 1; i++)
        {
            var created = await api.PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent($"Bản nháp tháng 11 số {i:00}") }));
            AssertStatus(HttpStatusCode.Created, created);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, Contributor, Password));
        var first = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/quy-trinh"));
        var second = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/quy-trinh?trang=2"));

        Assert.Equal(WorkflowInbox.PageSize, CountOf(first, "<td><a href=\"/admin/quy-trinh/noi-dung/"));
        Assert.Contains("Bản nháp tháng 11 số 01", first, StringComparison.Ordinal);
        Assert.Contains("Trang 1 / 2", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/quy-trinh?trang=2\"", first, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(second, "<td><a href=\"/admin/quy-trinh/noi-dung/"));
        Assert.Contains($"Bản nháp tháng 11 số {WorkflowInbox.PageSize + 1}", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản nháp tháng 11 số 01", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/quy-trinh?trang=1\"", second, StringComparison.Ordinal);

        // A page number out of range, negative, not a number or too big for one: the nearest page, never an error.
        foreach (var (query, page) in new[] { ("0", 1), ("-3", 1), ("abc", 1), ("99999999999", 1), ("99", 2) })
        {
            var response = await browser.GetAsync("/admin/quy-trinh?trang=" + query);
            AssertStatus(HttpStatusCode.OK, response);
            Assert.Contains($"Trang {page} / 2", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class SqliteWorkflowPagesTests() : WorkflowPagesTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to HTML pages over the chain PostgresWorkflowChainTests covers.
