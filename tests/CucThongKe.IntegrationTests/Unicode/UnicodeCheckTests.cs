using System.Net;
using System.Text;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;

namespace CucThongKe.Tests.Unicode;

/// <summary><c>POST /admin/unicode/kiem-tra</c>, which the editor's "Chuyển sang Unicode" offer asks: back office only, antiforgery, limits.</summary>
public abstract class UnicodeCheckTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string CheckUrl = "/admin/unicode/kiem-tra";

    private async Task<HttpClient> EditorWithTokenAsync()
    {
        await AddPeopleAsync();
        var editor = await SignedInAsync(Contributor);
        editor.DefaultRequestHeaders.Add("RequestVerificationToken", await AntiforgeryTokenAsync(editor, "/admin/contents/create/News"));
        return editor;
    }

    private static StringContent Raw(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_gets_no_answer()
    {
        var response = await Client().PostAsync(CheckUrl, Json(new { text = "TiÕng ViÖt" }));

        AssertStatus(HttpStatusCode.Redirect, response);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_the_antiforgery_token_is_refused_with_400()
    {
        await AddPeopleAsync();
        var editor = await SignedInAsync(Contributor);

        var response = await editor.PostAsync(CheckUrl, Json(new { text = "TiÕng ViÖt" }));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains("mã chống giả mạo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_larger_than_256_KB_is_refused_with_413_and_broken_json_with_400()
    {
        var editor = await EditorWithTokenAsync();

        var huge = await editor.PostAsync(CheckUrl, Json(new { text = new string('a', 300 * 1024) }));
        var broken = await editor.PostAsync(CheckUrl, Raw("{ \"text\": "));
        var missing = await editor.PostAsync(CheckUrl, Raw("{ }"));

        AssertStatus(HttpStatusCode.RequestEntityTooLarge, huge);
        Assert.Contains("256 KB", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, broken);
        AssertStatus(HttpStatusCode.BadRequest, missing);
    }

    [Theory]
    [InlineData("TiÕng ViÖt", "tcvn3", "Tiếng Việt")]
    [InlineData("Tieáng Vieät", "vni", "Tiếng Việt")]
    public async Task Legacy_text_is_named_and_converted(string text, string kind, string expected)
    {
        var editor = await EditorWithTokenAsync();

        var response = await editor.PostAsync(CheckUrl, Json(new { text }));

        AssertStatus(HttpStatusCode.OK, response);
        var answer = await ReadAsync(response);
        Assert.Equal(kind, answer["kind"]!.GetValue<string>());
        Assert.True(answer["isLegacy"]!.GetValue<bool>());
        Assert.Contains(kind.ToUpperInvariant(), answer["kindLabel"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(expected, answer["converted"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_rich_text_only_the_words_are_converted_and_the_markup_survives()
    {
        var editor = await EditorWithTokenAsync();

        var response = await editor.PostAsync(CheckUrl, Json(new { text = "<p class=\"dau\">Côc <b>Thèng kª</b> tØnh</p><img src=\"/anh/a.png\" alt=\"S¬ ®å\">", html = true }));

        var answer = await ReadAsync(response);
        Assert.True(answer["isLegacy"]!.GetValue<bool>());
        Assert.Equal("<p class=\"dau\">Cục <b>Thống kê</b> tỉnh</p><img src=\"/anh/a.png\" alt=\"S¬ ®å\">", answer["converted"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clean_vietnamese_is_left_as_it_is_and_nfd_is_offered_in_nfc()
    {
        var editor = await EditorWithTokenAsync();

        var clean = await ReadAsync(await editor.PostAsync(CheckUrl, Json(new { text = "Cục Thống kê tỉnh Thái Nguyên" })));
        var nfd = await ReadAsync(await editor.PostAsync(CheckUrl, Json(new { text = "Cục Thống kê".Normalize(NormalizationForm.FormD) })));

        Assert.True(clean["isClean"]!.GetValue<bool>());
        Assert.False(clean["isLegacy"]!.GetValue<bool>());
        Assert.Equal("Cục Thống kê tỉnh Thái Nguyên", clean["converted"]!.GetValue<string>());
        Assert.Equal("nfd", nfd["kind"]!.GetValue<string>());
        Assert.False(nfd["isClean"]!.GetValue<bool>());
        Assert.Equal("Cục Thống kê", nfd["converted"]!.GetValue<string>());
    }
}

public sealed class SqliteUnicodeCheckTests() : UnicodeCheckTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to an endpoint that stores nothing.
