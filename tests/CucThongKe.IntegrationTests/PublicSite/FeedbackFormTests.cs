using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>The feedback form (góp ý): validation, anti-spam, rate limit, the item it creates (never public) and the status page.</summary>
public abstract partial class FeedbackFormTests(DatabaseProvider provider, FormRefusalSites refusals) : CitizenFormTestBase(provider)
{
    private const string Form = "/gop-y";
    private const string Text = "Đề nghị Cục đăng thêm số liệu giá cả hằng tháng theo từng huyện trên Trang thông tin điện tử.";

    [Fact]
    public async Task Feedback_becomes_an_unpublished_item_for_the_unit_and_the_sender_can_follow_it_by_its_code()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.Redirect, response);
        var location = response.Headers.Location!.OriginalString;
        var code = CodePattern().Match(location).Value;
        Assert.Matches("^GY[0-9A-F]{10}$", code);
        var status = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains(code, status, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý", status, StringComparison.Ordinal);
        Assert.Contains("Phòng Thống kê Kinh tế", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Hỏi", status, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.False(stored.Published);
        Assert.EndsWith(code[2..].ToLowerInvariant(), stored.ContentItemId, StringComparison.Ordinal);
        Assert.Equal("Trần Thị Hỏi", stored.Content["Feedback"]!["SenderName"]!["Text"]!.GetValue<string>());
        Assert.Equal("hoi@example.vn", stored.Content["Feedback"]!["SenderEmail"]!["Text"]!.GetValue<string>());
        Assert.Equal(Text, stored.Content["Feedback"]!["Content"]!["Text"]!.GetValue<string>());
        Assert.Equal("Phòng Thống kê Kinh tế", stored.Content["Feedback"]!["AssignedUnit"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Feedback_never_appears_on_the_public_site_and_cannot_be_published()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync(Form, Fields(form)));
        var stored = await StoredAsync();

        var refusal = await Assert.ThrowsAsync<ContentPublishRefusedException>(() => Site.WithScopeAsync(s =>
            s.GetRequiredService<ContentManager>().PublishAsync(stored.ContentItemId, stored.Id, new PublishRequest(PublishSource.Direct, TestSite.AdminUserName))));

        Assert.Contains("không được đăng công khai", refusal.Message, StringComparison.Ordinal);
        Assert.False((await StoredAsync()).Published);
        foreach (var url in new[] { "/", "/rss", "/sitemap.xml", "/tim-kiem?q=s%E1%BB%91+li%E1%BB%87u+gi%C3%A1+c%E1%BA%A3", "/hoi-dap", "/gop-y" })
        {
            var body = WebUtility.HtmlDecode(await client.GetStringAsync(url));
            Assert.DoesNotContain("theo từng huyện", body, StringComparison.Ordinal);
            Assert.DoesNotContain(stored.ContentItemId, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_status_turns_to_replied_once_the_unit_writes_its_reply()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        var location = (await client.PostAsync(Form, Fields(form))).Headers.Location!.OriginalString;
        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var current = (await contents.GetAsync((await StoredAsync()).ContentItemId, VersionOptions.Latest))!;
            var next = current.CloneAsNewVersion();
            next.Content["Feedback"]!["Reply"] = new JsonObject { ["Html"] = "<p>Cục ghi nhận và sẽ bổ sung từ tháng 12.</p>" };
            await contents.SaveDraftAsync(next, current.Version);
        });

        var status = await client.GetStringAsync(location);

        Assert.Contains("Đã trả lời", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Cục ghi nhận", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sender_picks_a_category_of_the_list_and_a_foreign_category_or_the_same_form_twice_is_refused_with_nothing_stored()
    {
        var client = Client();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Form));
        Assert.Contains("<option value=\"trang-thong-tin\">Trang thông tin điện tử</option>", page, StringComparison.Ordinal);

        foreach (var foreign in new[] { "khong-co-chu-de", "phong-kinh-te", "Trang thông tin điện tử" })
        {
            var bad = await OpenFormAsync(client, waitLikeAHuman: true);
            bad["Input.CategoryId"] = foreign;
            var before = await DatabaseSnapshot.TakeAsync(Site);

            var refused = await client.PostAsync(Form, Fields(bad));

            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains("Chủ đề không có trong danh mục chủ đề góp ý.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            await before.AssertUnchangedAsync(Site);
        }

        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        form["Input.CategoryId"] = "trang-thong-tin";
        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync(Form, Fields(form)));
        var stored = await StoredAsync();
        Assert.Equal("trang-thong-tin", await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<FeedbackCase>()
            .Where(c => c.ContentItemId == stored.ContentItemId).Select(c => c.CategoryId).SingleAsync()));

        // The same form again (another text, another category): refused, nothing stored.
        var snapshot = await DatabaseSnapshot.TakeAsync(Site);
        form["Input.Content"] = "Đề nghị bổ sung số liệu về lao động, việc làm theo quý trên Trang thông tin điện tử.";
        form["Input.CategoryId"] = "khac";
        var again = await client.PostAsync(Form, Fields(form));
        AssertStatus(HttpStatusCode.BadRequest, again);
        Assert.Contains("Biểu mẫu này đã được gửi.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await snapshot.AssertUnchangedAsync(Site);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Name", "", "Xin vui lòng nhập họ và tên." },
        { "Input.Email", "", "Xin vui lòng nhập địa chỉ thư điện tử" },
        { "Input.Email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ." },
        { "Input.Phone", "abc", "Số điện thoại chỉ gồm chữ số" },
        { "Input.Content", "", "Xin vui lòng nhập nội dung góp ý." },
        { "Input.Content", "Quá ngắn", "Nội dung góp ý dài từ 20 đến 5.000 ký tự." },
        { "Input.Content", new string('x', 5001), "Nội dung góp ý dài từ 20 đến 5.000 ký tự." },
        { "Input.UnitId", "", "Xin vui lòng chọn đơn vị hoặc lĩnh vực." },
        { "Input.UnitId", "cuc-thong-ke", "Xin vui lòng chọn đơn vị hoặc lĩnh vực." },
        { "Input.Consent", "false", "Cần đồng ý cho Cục xử lý dữ liệu cá nhân để tiếp nhận và trả lời góp ý." },
        { "Input.Website", "http://spam.example", "Không gửi được góp ý." },
        { "Input.Token", "", "Biểu mẫu không hợp lệ." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_feedback_is_refused_with_a_400_saying_why_and_nothing_is_saved(string field, string value, string message)
    {
        // A site shared with the class's other refusals: none of them stored a feedback, so the count is still this post's.
        var site = refusals.ForOnePost(Provider);
        var client = ClientOf(site);
        var form = await OpenFormAsync(client, waitLikeAHuman: false);
        form[field] = value;

        var response = await client.PostAsync(Form, Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(site, "Feedback"));
    }

    [Fact]
    public async Task Feedback_sent_too_fast_or_without_the_antiforgery_token_is_refused()
    {
        var client = Client();
        var fast = await OpenFormAsync(client, waitLikeAHuman: false);
        var tooFast = await client.PostAsync(Form, Fields(fast));
        var forged = await OpenFormAsync(client, waitLikeAHuman: true);
        forged.Remove("__RequestVerificationToken");

        var withoutToken = await client.PostAsync(Form, Fields(forged));

        AssertStatus(HttpStatusCode.BadRequest, tooFast);
        Assert.Contains("quá nhanh", await tooFast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, withoutToken);
        Assert.Equal(0, await CountAsync("Feedback"));
    }

    [Fact]
    public async Task Malicious_html_is_stored_as_text_and_shown_encoded_to_the_staff()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        form["Input.Name"] = "<img src=x onerror=alert(1)>";
        form["Input.Content"] = "<script>alert('góp ý')</script> Đề nghị bổ sung số liệu giá cả theo huyện.";

        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync(Form, Fields(form)));
        var stored = await StoredAsync();
        var staff = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(staff, TestSite.AdminUserName, TestSite.AdminPassword));
        var edit = await staff.GetAsync($"/admin/contents/{stored.ContentItemId}/edit");
        var html = await edit.Content.ReadAsStringAsync();

        Assert.Equal(form["Input.Content"], stored.Content["Feedback"]!["Content"]!["Text"]!.GetValue<string>());
        AssertStatus(HttpStatusCode.OK, edit);
        Assert.Contains("bổ sung số liệu giá cả theo huyện", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_more_than_five_forms_in_ten_minutes_is_limited_but_reading_is_not()
    {
        var client = Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            // A form is good for one post: each feedback is written in a form of its own (views are free).
            var form = await OpenFormAsync(client, waitLikeAHuman: true);
            form["Input.Content"] = $"Góp ý số {i} về cách trình bày số liệu trên Trang thông tin điện tử.";
            statuses.Add((await client.PostAsync(Form, Fields(form))).StatusCode);
        }

        var view = await client.GetAsync(Form);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        AssertStatus(HttpStatusCode.OK, view);
        Assert.Equal(5, await CountAsync("Feedback"));
    }

    [Theory]
    [InlineData("/gop-y/tra-cuu?ma=GY0123456789", HttpStatusCode.NotFound, "Không tìm thấy góp ý có mã số GY0123456789.")]
    [InlineData("/gop-y/tra-cuu?ma=HD0123456789", HttpStatusCode.BadRequest, "Mã số không đúng dạng")]
    [InlineData("/gop-y/tra-cuu?ma=GY'%20OR%201=1", HttpStatusCode.BadRequest, "Mã số không đúng dạng")]
    [InlineData("/gop-y/tra-cuu", HttpStatusCode.OK, "Mã số góp ý")]
    public async Task The_status_page_answers_unknown_and_malformed_codes_clearly(string url, HttpStatusCode status, string message)
    {
        var response = await ClientOf(refusals.ForReading(Provider)).GetAsync(url);

        AssertStatus(status, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_s_code_finds_no_feedback_and_the_contact_page_and_footer_link_to_the_form()
    {
        var client = Client();
        var form = await OpenFormAsync(client, waitLikeAHuman: true);
        var code = CodePattern().Match((await client.PostAsync(Form, Fields(form))).Headers.Location!.OriginalString).Value;

        var asQuestion = await client.GetAsync("/hoi-dap/tra-cuu?ma=HD" + code[2..]);
        var contact = await client.GetStringAsync("/lien-he");

        AssertStatus(HttpStatusCode.NotFound, asQuestion);
        Assert.Contains("<a href=\"/gop-y\">Gửi góp ý</a>", contact, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/gop-y\">Góp ý</a></li>", contact, StringComparison.Ordinal);
    }

    private Task<Dictionary<string, string>> OpenFormAsync(HttpClient client, bool waitLikeAHuman) =>
        OpenFormAsync(client, Form, ("Input.Content", Text), waitLikeAHuman);

    private Task<ContentItem> StoredAsync() =>
        Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentType == "Feedback" && c.Latest));

    [GeneratedRegex("GY[0-9A-F]{10}")]
    private static partial Regex CodePattern();
}

public sealed class SqliteFeedbackFormTests(FormRefusalSites refusals) : FeedbackFormTests(DatabaseProvider.Sqlite, refusals), IClassFixture<FormRefusalSites>;

// SQLite only: the database does not matter to form validation, anti-spam and rate limits.
