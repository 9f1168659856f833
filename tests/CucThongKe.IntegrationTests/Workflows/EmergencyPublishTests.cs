using System.Net;
using CucThongKe.Core.Hosting;

namespace CucThongKe.Tests.Workflows;

/// <summary>Emergency publication: its own permission (nobody's by default, not even an administrator's), a written reason, recorded, the board told.</summary>
public abstract class EmergencyPublishTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string Emergency = "khancap";
    private const string Reason = "Sự cố số liệu trên trang, cần đính chính ngay theo chỉ đạo của Cục trưởng.";

    [Fact]
    public async Task A_holder_of_the_permission_publishes_at_once_with_a_reason_and_the_record_and_the_board_show_it()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("workflow-emergency.recipe.json");
        var id = await CreateNewsAsync("Đính chính số liệu tháng 11");
        await AdvanceAsync(id, (Contributor, "submit"));
        var browser = await SignedInAsync(Emergency);
        var page = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");

        var response = await PostAsync(browser, id, Reason);

        Assert.Contains("Đăng khẩn cấp", page, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, response);
        var status = await StatusAsync(id);
        Assert.Equal("Published", status["state"]!["name"]!.GetValue<string>());
        Assert.True(status["published"]!.GetValue<bool>());
        var step = status["record"]!.AsArray().Last()!;
        Assert.Equal("emergency-publish", step["transition"]!.GetValue<string>());
        Assert.Equal(Emergency, step["userName"]!.GetValue<string>());
        Assert.Equal("EmergencyPublish", step["role"]!.GetValue<string>());
        Assert.Equal("UnitReview", step["from"]!.GetValue<string>());
        Assert.Contains(Reason, step["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Đăng khẩn cấp", await (await SignedInAsync(Emergency)).GetStringAsync($"/admin/quy-trinh/noi-dung/{id}"), StringComparison.Ordinal);
        foreach (var board in new[] { BoardHead, Secretary })
        {
            var notes = WebUtility.HtmlDecode(await (await SignedInAsync(board)).GetStringAsync("/admin/thong-bao"));
            Assert.Contains("ngoài quy trình duyệt. Lý do: " + Reason, notes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_real_reason_nothing_is_published()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("workflow-emergency.recipe.json");
        var id = await CreateNewsAsync("Tin đăng khẩn cấp không lý do");
        var before = await FootprintAsync(id);
        var browser = await SignedInAsync(Emergency);

        var empty = await PostAsync(browser, id, "");
        var tooShort = await PostAsync(browser, id, "Gấp.");

        AssertStatus(HttpStatusCode.BadRequest, empty);
        AssertStatus(HttpStatusCode.BadRequest, tooShort);
        Assert.Contains("Đăng khẩn cấp cần ghi rõ lý do", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
    }

    [Theory]
    [InlineData(TestSite.AdminUserName)]
    [InlineData(Publisher)]
    [InlineData(BoardHead)]
    public async Task Nobody_has_the_permission_by_default_not_even_an_administrator(string userName)
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin không ai được đăng khẩn cấp");
        var before = await FootprintAsync(id);
        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, userName, userName == TestSite.AdminUserName ? TestSite.AdminPassword : Password));
        var page = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");

        var response = await PostAsync(browser, id, Reason);

        Assert.DoesNotContain("emergency-reason", page, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, response);
        Assert.Equal(before, await FootprintAsync(id));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string id, string reason)
    {
        var token = await AntiforgeryTokenAsync(browser, "/admin/tai-khoan/ma-truy-cap");
        return await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}?handler=Emergency", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reason"] = reason,
        }));
    }
}

public sealed class SqliteEmergencyPublishTests() : EmergencyPublishTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to a permission and a form.
