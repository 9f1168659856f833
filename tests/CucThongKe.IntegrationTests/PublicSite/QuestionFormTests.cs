using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>The Q&amp;A form: validation, anti-spam, rate limit, the draft it creates and the status page.</summary>
public abstract partial class QuestionFormTests(DatabaseProvider provider, FormRefusalSites refusals) : CitizenFormTestBase(provider)
{
    private const string Form = "/hoi-dap/gui-cau-hoi";

    [Fact]
    public async Task A_question_becomes_a_draft_for_the_unit_and_the_asker_can_follow_it_by_its_code()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.Redirect, response);
        var location = response.Headers.Location!.OriginalString;
        var code = CodePattern().Match(location).Value;
        Assert.Matches("^HD[0-9A-F]{10}$", code);
        var status = await client.GetStringAsync(location);
        Assert.Contains(code, status, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý", status, StringComparison.Ordinal);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().SingleAsync(c => c.ContentType == "Question"));
        Assert.False(stored.Published);
        Assert.EndsWith(code[2..].ToLowerInvariant(), stored.ContentItemId, StringComparison.Ordinal);
        Assert.Equal("Trần Thị Hỏi", stored.Content["Question"]!["AskerName"]!["Text"]!.GetValue<string>());
        Assert.Equal("hoi@example.vn", stored.Content["Question"]!["AskerEmail"]!["Text"]!.GetValue<string>());
        Assert.Equal("Phòng Thống kê Kinh tế", stored.Content["Question"]!["AssignedUnit"]!["Text"]!.GetValue<string>());
        Assert.DoesNotContain("Chỉ số giá tiêu dùng tháng này", await client.GetStringAsync("/hoi-dap"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_form_posted_twice_is_taken_once_and_the_spent_tokens_are_kept_only_while_they_could_pass()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync(Form, Fields(form)));
        var before = await DatabaseSnapshot.TakeAsync(Site);

        // A reload of the answer, a double click or a robot replaying the form: the same token, even with another question.
        form["Input.Question"] = "Xin cho biết tốc độ tăng GRDP của tỉnh Thái Nguyên năm 2025 là bao nhiêu?";
        var again = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, again);
        Assert.Contains("Biểu mẫu này đã được gửi.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        Assert.Equal(1, await CountQuestionsAsync());

        // A new form is a new token; the row of a token past its lifetime is deleted by the next spend (the table stays small).
        Advance(TimeSpan.FromHours(3));
        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync(Form, Fields(await OpenFormAsync(client, waitLikeAHuman: true))));
        Assert.Equal(1, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<UsedFormToken>().CountAsync()));
        Assert.Equal(2, await CountQuestionsAsync());
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Name", "", "Xin vui lòng nhập họ và tên." },
        { "Input.Name", new string('A', 101), "Họ và tên không quá 100 ký tự." },
        { "Input.Email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ." },
        { "Input.Phone", "<script>alert(1)</script>", "Số điện thoại chỉ gồm chữ số" },
        { "Input.Question", "Ngắn quá", "Câu hỏi dài từ 20 đến 5.000 ký tự." },
        { "Input.Question", new string('x', 5001), "Câu hỏi dài từ 20 đến 5.000 ký tự." },
        { "Input.UnitId", "don-vi-khong-co", "Xin vui lòng chọn đơn vị hoặc lĩnh vực." },
        { "Input.UnitId", "lanh-dao-cuc", "Xin vui lòng chọn đơn vị hoặc lĩnh vực." },
        { "Input.Consent", "false", "Cần đồng ý cho Cục xử lý dữ liệu cá nhân" },
        { "Input.Website", "http://spam.example", "Không gửi được câu hỏi." },
        { "Input.Token", "gia-mao", "Biểu mẫu đã hết hạn." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_question_is_refused_with_a_400_saying_why_and_nothing_is_saved(string field, string value, string message)
    {
        // No wait: each message is shown whether or not the form also came too fast. A site shared with the class's other
        // refusals: none of them stored a question, so the count is still this post's.
        var site = refusals.ForOnePost(Provider);
        var client = ClientOf(site);
        var form = await OpenFormAsync(client, waitLikeAHuman: false);
        form[field] = value;

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(site, "Question"));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_type_is_refused()
    {
        var site = refusals.ForOnePost(Provider);
        var client = ClientOf(site);
        var form = await OpenFormAsync(client, waitLikeAHuman: false);

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains("quá nhanh", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(site, "Question"));
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_refused()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        form.Remove("__RequestVerificationToken");

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Equal(0, await CountQuestionsAsync());
    }

    [Fact]
    public async Task Posting_more_than_five_questions_in_ten_minutes_is_limited_but_reading_is_not()
    {
        var client = Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            // A form is good for one post: each question is written in a form of its own (views are free).
            var form = await OpenFormAsync(client, waitLikeAHuman: true);
            form["Input.Question"] = $"Câu hỏi số {i} về số liệu dân số của tỉnh Thái Nguyên?";
            statuses.Add((await client.PostAsync(Form, Fields(form))).StatusCode);
        }

        var view = await client.GetAsync(Form);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        AssertStatus(HttpStatusCode.OK, view);
        Assert.Equal(5, await CountQuestionsAsync());
    }

    [Theory]
    [InlineData("/hoi-dap/tra-cuu?ma=HD0123456789", HttpStatusCode.NotFound)]
    [InlineData("/hoi-dap/tra-cuu?ma=XX'%20OR%201=1", HttpStatusCode.BadRequest)]
    [InlineData("/hoi-dap/tra-cuu", HttpStatusCode.OK)]
    public async Task The_status_page_answers_unknown_and_malformed_codes_clearly(string url, HttpStatusCode status)
    {
        var response = await ClientOf(refusals.ForReading(Provider)).GetAsync(url);

        AssertStatus(status, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<Dictionary<string, string>> OpenFormAsync(HttpClient client, bool waitLikeAHuman) =>
        OpenFormAsync(client, Form, ("Input.Question", "Chỉ số giá tiêu dùng tháng này của tỉnh tăng bao nhiêu so với cùng kỳ?"), waitLikeAHuman);

    private Task<int> CountQuestionsAsync() => CountAsync("Question");

    [GeneratedRegex("HD[0-9A-F]{10}")]
    private static partial Regex CodePattern();
}

public sealed class SqliteQuestionFormTests(FormRefusalSites refusals) : QuestionFormTests(DatabaseProvider.Sqlite, refusals), IClassFixture<FormRefusalSites>;

// SQLite only: the database does not matter to form validation, anti-spam and rate limits.
