using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;

namespace CucThongKe.Tests.Workflows;

/// <summary>A user's API tokens in the back office: made with a name and shown once, listed with their dates, revoked by their owner only.</summary>
public abstract partial class ApiTokenPageTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string Url = "/admin/tai-khoan/ma-truy-cap";

    [Fact]
    public async Task A_user_makes_a_named_token_sees_it_once_uses_it_and_finds_it_listed_with_its_dates()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);

        var created = await CreateAsync(browser, "Phần mềm tổng hợp báo cáo", days: "30");
        var html = await created.Content.ReadAsStringAsync();
        var token = NewTokenPattern().Match(html).Groups[1].Value;
        Clock.Advance(TimeSpan.FromMinutes(5));
        var api = await ApiWithAsync(token, "/api/content?type=News");
        // A token's last use is written off the request (ApiTokenUsage): the list shows it once that write is done.
        var list = await browser.GetStringAsync(Url);
        for (var waited = 0; waited < 50 && !list.Contains("<td>30/11/2026 09:05</td>", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100);
            list = await browser.GetStringAsync(Url);
        }

        AssertStatus(HttpStatusCode.OK, created);
        Assert.True(created.Headers.CacheControl?.NoStore, "The answer with the token must not be cached.");
        Assert.StartsWith("ctk_", token, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, api);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.Matches("<td>Phần mềm tổng hợp báo cáo</td>\\s*<td>30/11/2026 09:00</td>\\s*<td>30/11/2026 09:05</td>\\s*<td>30/12/2026 09:00</td>\\s*<td>đang dùng được</td>", list);
    }

    [Fact]
    public async Task The_owner_revokes_a_token_and_it_stops_working()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);
        var token = NewTokenPattern().Match(await (await CreateAsync(browser, "Kịch bản thử")).Content.ReadAsStringAsync()).Groups[1].Value;
        var id = await OnlyTokenIdAsync(browser);

        var revoked = await RevokeAsync(browser, id);

        AssertStatus(HttpStatusCode.Redirect, revoked);
        AssertStatus(HttpStatusCode.Unauthorized, await ApiWithAsync(token, "/api/content?type=News"));
        Assert.Contains("đã thu hồi 30/11/2026 09:00", await browser.GetStringAsync(Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked_by_guessing_its_id()
    {
        await AddPeopleAsync();
        var owner = await SignedInAsync(Contributor);
        var token = NewTokenPattern().Match(await (await CreateAsync(owner, "Mã của cộng tác viên")).Content.ReadAsStringAsync()).Groups[1].Value;
        var id = await OnlyTokenIdAsync(owner);
        var other = await SignedInAsync(UnitHead);

        var guessed = await RevokeAsync(other, id);
        var otherList = await other.GetStringAsync(Url);

        AssertStatus(HttpStatusCode.NotFound, guessed);
        AssertStatus(HttpStatusCode.OK, await ApiWithAsync(token, "/api/content?type=News"));
        Assert.DoesNotContain("Mã của cộng tác viên", otherList, StringComparison.Ordinal);
        Assert.Contains("đang dùng được", await owner.GetStringAsync(Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_name_or_without_the_antiforgery_token_is_not_made()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);

        var unnamed = await CreateAsync(browser, "   ");
        var forged = await browser.PostAsync(Url + "?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Giả mạo", ["Days"] = "30" }));

        AssertStatus(HttpStatusCode.BadRequest, unnamed);
        Assert.Contains("Đặt tên cho mã", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, forged);
        Assert.Contains("Bạn chưa có mã truy cập nào.", await browser.GetStringAsync(Url), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient browser, string name, string days = "90")
    {
        var token = await AntiforgeryTokenAsync(browser, Url);
        return await browser.PostAsync(Url + "?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Name"] = name,
            ["Days"] = days,
        }));
    }

    private static async Task<HttpResponseMessage> RevokeAsync(HttpClient browser, string id)
    {
        var token = await AntiforgeryTokenAsync(browser, Url);
        return await browser.PostAsync($"{Url}?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = id }));
    }

    private static async Task<string> OnlyTokenIdAsync(HttpClient browser) =>
        Assert.Single(RevokeIdPattern().Matches(await browser.GetStringAsync(Url))).Groups[1].Value;

    private Task<HttpResponseMessage> ApiWithAsync(string token, string url)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync(url);
    }

    [GeneratedRegex("<code class=\"api-token\">([^<]+)</code>")]
    private static partial Regex NewTokenPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex RevokeIdPattern();
}

public sealed class SqliteApiTokenPageTests() : ApiTokenPageTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to pages and ownership checks.
