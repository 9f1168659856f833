using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;

namespace CucThongKe.Tests.Search;

/// <summary>The back-office search at /admin/tim-kiem: drafts found only by those who may see them, never by the public.</summary>
public abstract partial class EditorSearchTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Demo@2026!ctk";
    private const string TongHopDraft = "Dự thảo báo cáo điều tra lao động việc làm của phòng Tổng hợp";
    private const string DaiTuDraft = "Dự thảo báo cáo điều tra lao động việc làm huyện Đại Từ";

    [Fact]
    public async Task A_contributor_finds_only_their_units_drafts_the_board_finds_all_and_the_public_none()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var tongHop = await SignedInAsync("ctv.tonghop");
        var daiTu = await SignedInAsync("ctv.daitu");
        var board = await SignedInAsync("thuky");
        var tongHopId = await CreateDraftAsync(tongHop, TongHopDraft);
        var daiTuId = await CreateDraftAsync(daiTu, DaiTuDraft);
        await SearchTests.WaitForIndexToCatchUpAsync(Site);

        var byTongHop = await tongHop.GetStringAsync("/admin/tim-kiem?q=dieu+tra+lao+dong");
        var byDaiTu = await daiTu.GetStringAsync("/admin/tim-kiem?q=" + Uri.EscapeDataString("điều tra lao động"));
        var byBoard = await board.GetStringAsync("/admin/tim-kiem?q=dieu+tra+lao+dong");

        Assert.Contains($"/admin/contents/{tongHopId}/edit", byTongHop, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", byTongHop, StringComparison.Ordinal);
        Assert.DoesNotContain(daiTuId, byTongHop, StringComparison.Ordinal);
        Assert.Contains($"/admin/contents/{daiTuId}/edit", byDaiTu, StringComparison.Ordinal);
        Assert.DoesNotContain(tongHopId, byDaiTu, StringComparison.Ordinal);
        Assert.Contains(tongHopId, byBoard, StringComparison.Ordinal);
        Assert.Contains(daiTuId, byBoard, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 2 kết quả", byBoard, StringComparison.Ordinal);

        var api = await Client().GetStringAsync("/api/search?q=dieu+tra+lao+dong");
        var page = await Client().GetStringAsync("/tim-kiem?q=dieu+tra+lao+dong");
        // Signed in as the board, the public page still shows published items only.
        var pageForBoard = await board.GetStringAsync("/tim-kiem?q=dieu+tra+lao+dong");
        foreach (var publicAnswer in new[] { api, page, pageForBoard })
        {
            Assert.DoesNotContain(tongHopId, publicAnswer, StringComparison.Ordinal);
            Assert.DoesNotContain(daiTuId, publicAnswer, StringComparison.Ordinal);
        }

        Assert.Contains("\"total\":0", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_published_the_item_is_public_and_its_newer_draft_stays_with_the_editors()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var publisher = await SignedInAsync("dangtin");
        var id = await CreateDraftAsync(publisher, "Thông cáo báo chí về chỉ số giá tiêu dùng tháng 10", type: "Page");
        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(publisher, $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "1",
            ["intent"] = "publish",
            ["TitlePart.Title"] = "Thông cáo báo chí về chỉ số giá tiêu dùng tháng 10",
        }));
        AssertStatus(HttpStatusCode.Redirect, await PostFormAsync(publisher, $"/admin/contents/{id}/edit", new()
        {
            ["version"] = "2",
            ["TitlePart.Title"] = "Thông cáo báo chí về chỉ số giá tiêu dùng và lạm phát tháng 10",
        }));
        await SearchTests.WaitForIndexToCatchUpAsync(Site);

        var publicByOldWord = await Client().GetStringAsync("/api/search?q=chi+so+gia+tieu+dung");
        var publicByDraftWord = await Client().GetStringAsync("/api/search?q=lam+phat");
        var editorByDraftWord = await publisher.GetStringAsync("/admin/tim-kiem?q=lam+phat");
        // Words of both versions: the editor sees the item once, as its draft; another unit's contributor, who may not
        // see that draft, sees the published version.
        var editorByBothWords = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin/tim-kiem?q=chi+so+gia+tieu+dung"));
        var otherUnitByBothWords = WebUtility.HtmlDecode(await (await SignedInAsync("ctv.daitu")).GetStringAsync("/admin/tim-kiem?q=chi+so+gia+tieu+dung"));

        Assert.Contains(id, publicByOldWord, StringComparison.Ordinal);
        Assert.DoesNotContain(id, publicByDraftWord, StringComparison.Ordinal);
        Assert.Contains($"/admin/contents/{id}/edit", editorByDraftWord, StringComparison.Ordinal);
        Assert.Contains("chỉ số giá tiêu dùng và lạm phát tháng 10", editorByDraftWord, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 kết quả", editorByBothWords, StringComparison.Ordinal);
        Assert.Contains("Thông cáo báo chí về chỉ số giá tiêu dùng và lạm phát tháng 10", editorByBothWords, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 kết quả", otherUnitByBothWords, StringComparison.Ordinal);
        Assert.Contains("Thông cáo báo chí về chỉ số giá tiêu dùng tháng 10", otherUnitByBothWords, StringComparison.Ordinal);
        Assert.DoesNotContain("lạm phát", otherUnitByBothWords, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editors_search_needs_a_signed_in_content_worker_and_answers_any_query()
    {
        var anonymous = await Client().GetAsync("/admin/tim-kiem?q=kinh+te");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        foreach (var query in new[] { "*", "\"kinh tế", "title:[a TO z]~2^3\\", new string('a', 10_000), "<script>alert(1)</script>" })
        {
            var response = await admin.GetAsync("/admin/tim-kiem?q=" + Uri.EscapeDataString(query));
            AssertStatus(HttpStatusCode.OK, response);
            Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, user, Password));
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static async Task<string> CreateDraftAsync(HttpClient client, string title, string type = "News")
    {
        var values = new Dictionary<string, string> { ["TitlePart.Title"] = title, ["HtmlBodyPart.Html"] = "<p>Số liệu sơ bộ, chưa công bố.</p>" };
        if (type == "News")
        {
            values["News.Category.TermIds"] = "tin-khac";
        }

        var response = await PostFormAsync(client, $"/admin/contents/create/{type}", values);
        AssertStatus(HttpStatusCode.Redirect, response);
        return EditUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    [GeneratedRegex("/admin/contents/([^/]+)/edit")]
    private static partial Regex EditUrl();
}

public sealed class SqliteEditorSearchTests() : EditorSearchTests(DatabaseProvider.Sqlite);

// SQLite only: the editors' search reads the Lucene index; the indexing-task log it follows runs on PostgreSQL in PostgresSearchTests.
