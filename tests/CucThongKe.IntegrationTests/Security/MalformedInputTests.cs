using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Text that is not text (lone surrogates, bytes that are not UTF-8, control characters) gets a 4xx with a Vietnamese
/// explanation or is cleaned on the way in: never a 500, never a NUL stored (PostgreSQL refuses it).</summary>
/// <remarks>The tests of return targets and public queries only read: they share one site per class
/// (<paramref name="shared"/>); the tests that post keep their own.</remarks>
public abstract class MalformedInputTests(DatabaseProvider provider, SharedSite shared) : WorkflowTestBase(provider)
{
    private Task<HttpClient> ReaderAsync() => shared.ClientAsync(Provider);

    private static ByteArrayContent RawJson(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] NewsWithTitle(string escapedTitleJson) => Encoding.UTF8.GetBytes(
        "{\"contentType\":\"News\",\"content\":{\"TitlePart\":{\"Title\":" + escapedTitleJson + "},\"News\":{\"Category\":{\"TermIds\":[\"hoat-dong-cua-cuc\"]}}}}");

    [Fact]
    public async Task A_lone_surrogate_or_invalid_utf8_in_an_api_body_is_a_400_and_nothing_is_stored()
    {
        await AddPeopleAsync();
        var api = await ApiAsync(Contributor);
        var before = await DatabaseSnapshot.TakeAsync(Site, "ApiTokens");

        var surrogate = await api.PostAsync("/api/content", RawJson(NewsWithTitle("\"Tin \\ud800 mới\"")));
        var bytes = NewsWithTitle("\"Tin XY mới\"");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // a lead byte followed by ASCII: not UTF-8
        var broken = await api.PostAsync("/api/content", RawJson(bytes));
        var lonelyInBody = await api.PostAsync("/api/content", RawJson(Encoding.UTF8.GetBytes(
            "{\"contentType\":\"News\",\"content\":{\"TitlePart\":{\"Title\":\"Tin\"},\"HtmlBodyPart\":{\"Html\":\"<p>\\udc00</p>\"},\"News\":{\"Category\":{\"TermIds\":[\"hoat-dong-cua-cuc\"]}}}}")));

        await AssertProblemAsync(HttpStatusCode.BadRequest, surrogate);
        await AssertProblemAsync(HttpStatusCode.BadRequest, broken);
        await AssertProblemAsync(HttpStatusCode.BadRequest, lonelyInBody);
        Assert.Contains("không hợp lệ", await surrogate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site, "ApiTokens");
    }

    [Fact]
    public async Task Malformed_json_anywhere_in_the_api_is_a_400_problem()
    {
        await AddPeopleAsync();
        var api = await ApiAsync(Contributor);

        var truncated = await api.PostAsync("/api/content", RawJson(Encoding.UTF8.GetBytes("{\"contentType\":\"News\",\"content\":{")));
        var notJson = await api.PostAsync("/api/content", RawJson([0xFF, 0xFE, 0x00, 0x7B]));

        await AssertProblemAsync(HttpStatusCode.BadRequest, truncated);
        await AssertProblemAsync(HttpStatusCode.BadRequest, notJson);
    }

    [Fact]
    public async Task A_nul_or_other_control_character_is_never_stored()
    {
        await AddPeopleAsync();
        var api = await ApiAsync(Contributor);

        var response = await api.PostAsync("/api/content", Json(new
        {
            contentType = "News",
            content = NewsContent("Tin\u0000 có\u0001 ký tự\u007f lạ", "<p>Dòng một\u0000\r\nDòng\thai\u0008</p>"),
        }));

        AssertStatus(HttpStatusCode.Created, response);
        var id = (await ReadAsync(response))["contentItemId"]!.GetValue<string>();
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentItemId == id));
        var html = stored.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
        Assert.Equal("Tin có ký tự lạ", stored.DisplayText);
        Assert.Equal("Tin có ký tự lạ", stored.Content["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.DoesNotContain('\0', html);
        Assert.DoesNotContain('\b', html);
        Assert.Matches("Dòng một\r?\nDòng\thai", html); // line breaks and tabs stay in multi-line text
    }

    public static TheoryData<string> BadReturnTargets => new()
    {
        "/a%0D%0ASet-Cookie:%20x=1", "/a%0Ab", "/a%00b", "/a%7Fb", "/a%E2%80%A8b", "%0D%0A",
    };

    [Theory]
    [MemberData(nameof(BadReturnTargets))]
    public async Task The_font_size_route_answers_any_return_target_without_a_500(string quayLai)
    {
        var response = await (await ReaderAsync()).GetAsync("/co-chu/lon?quayLai=" + quayLai);

        AssertStatus(HttpStatusCode.Redirect, response);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_target_with_letters_or_broken_escapes_stays_a_path_of_this_site()
    {
        var reader = await ReaderAsync();
        var vietnamese = await reader.GetAsync("/co-chu/lon?quayLai=%2Ftim-kiem%3Fq%3Dd%C3%A2n%20s%E1%BB%91");
        var broken = await reader.GetAsync("/co-chu/lon?quayLai=%2F%ED%A0%80");

        AssertStatus(HttpStatusCode.Redirect, vietnamese);
        Assert.Equal("/tim-kiem?q=d%C3%A2n%20s%E1%BB%91", vietnamese.Headers.Location?.OriginalString);
        AssertStatus(HttpStatusCode.Redirect, broken);
        Assert.StartsWith("/", broken.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(broken.Headers.Location!.OriginalString.StartsWith("//", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_queries_with_control_characters_or_broken_escapes_never_answer_500()
    {
        var client = await ReaderAsync();
        string[] noise = ["%00", "%0D%0A", "%7F", "%E2%80%A8", "%ED%A0%80", "%C3%28", "%FF"];
        string[] routes = ["/tim-kiem?q=", "/api/search?q=", "/van-ban?so=", "/van-ban?q=", "/van-ban?nam=", "/van-ban?loai=", "/tin-tuc?trang=", "/hoi-dap/tra-cuu?ma=", "/gop-y/tra-cuu?ma="];

        foreach (var route in routes)
        {
            foreach (var bad in noise)
            {
                var response = await client.GetAsync(route + "a" + bad + "b");
                Assert.True((int)response.StatusCode < 500, $"{route}a{bad}b answered {(int)response.StatusCode}");
            }
        }
    }
}

public sealed class SqliteMalformedInputTests(SharedSite shared) : MalformedInputTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

public sealed class PostgresMalformedInputTests(SharedSite shared) : MalformedInputTests(DatabaseProvider.Postgres, shared), IClassFixture<SharedSite>;

/// <summary>The citizens' forms take the same clean-up: a NUL or a line separator pasted into a question is not a 500.</summary>
public sealed class PostgresMalformedFormInputTests() : PublicSite.CitizenFormTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task A_question_with_control_characters_is_never_a_500_and_never_stored_with_them()
    {
        var client = Client();
        var form = await OpenFormAsync(client, "/hoi-dap/gui-cau-hoi", ("Input.Question", "Xin cho biết\u0000 dân số\u2028 năm 2026\u0007 của tỉnh?"), waitLikeAHuman: true);
        form["Input.Name"] = "Trần\u0000 Thị Hỏi";

        var response = await client.PostAsync("/hoi-dap/gui-cau-hoi", Fields(form));

        // Never a 500 (PostgreSQL refuses NUL), and never a control character stored, whether the form takes the text cleaned or refuses it.
        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}");
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().Where(c => c.ContentType == "Question").ToListAsync());
        foreach (var question in stored)
        {
            var json = question.Content.ToJsonString();
            Assert.DoesNotContain("\\u0000", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u0007", json, StringComparison.Ordinal);
        }
    }
}
