using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>A published item open for discussion and a reader filling in its comment form.</summary>
public abstract class DiscussionTestBase(DatabaseProvider provider) : CitizenFormTestBase(provider)
{
    protected const string CommentText = "Đề nghị Cục công bố thêm chỉ số giá tiêu dùng theo từng huyện, thị xã trong tỉnh.";

    /// <summary>The moderators' accepts and rejects are posts too, but of the back office: only the readers' form is limited.
    /// Tests that send more than five comments raise the limit (the limit itself has its own test).</summary>
    protected virtual int CommentsPerTenMinutes => 5;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<DiscussionOptions>(o => o.CommentsPerTenMinutes = CommentsPerTenMinutes);
    }

    /// <summary>The comment form of <paramref name="id"/> filled in by a reader, with its tokens.</summary>
    protected async Task<Dictionary<string, string>> OpenFormAsync(HttpClient client, string id, bool waitLikeAHuman = true)
    {
        var form = await OpenFormAsync(client, Discussions.PublicUrl(id), ("Input.Text", CommentText), waitLikeAHuman);
        form["Input.Name"] = "Nguyễn Văn Đọc";
        form["Input.Email"] = "";
        form.Remove("Input.Phone");
        form.Remove("Input.UnitId");
        return form;
    }

    protected async Task<HttpClient> ModeratorAsync()
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    }

    protected static async Task<HttpResponseMessage> PostAdminAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/y-kien");
        return await client.PostAsync(url, Fields(form));
    }

    /// <summary>A published News item (imported, as a recipe would), opened for discussion by the board when <paramref name="open"/>.</summary>
    protected Task<(string Id, string Path)> PublishNewsAsync(string title, bool open) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var saved = await contents.CreateAsync(await NewsAsync(contents, title));
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử thảo luận"));
        if (open)
        {
            await s.GetRequiredService<Discussions>().OpenAsync(saved, TestSite.AdminUserName, default);
        }

        var published = (await contents.GetAsync(saved.ContentItemId))!;
        return (saved.ContentItemId, "/" + published.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
    });

    /// <summary>A News draft, opened for discussion (a discussion of an item not public shows nowhere).</summary>
    protected Task<string> DraftNewsAsync(string title) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var saved = await contents.CreateAsync(await NewsAsync(contents, title));
        await s.GetRequiredService<Discussions>().OpenAsync(saved, TestSite.AdminUserName, default);
        return saved.ContentItemId;
    });

    private static async Task<ContentItem> NewsAsync(ContentManager contents, string title)
    {
        var item = await contents.NewAsync("News");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Cục Thống kê tỉnh Thái Nguyên thông tin.</p>" };
        item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("tin-khac") } };
        return item;
    }
}

/// <summary>
/// Readers' moderated discussion (Điều 2.3, 14.4): the board opens a published item, readers comment from its public page,
/// nothing they write is public before a moderator accepts it, rejections need a reason, and bad or hostile input is refused.
/// </summary>
public abstract class DiscussionTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    [Fact]
    public async Task A_comment_is_public_only_after_a_moderator_accepts_it_and_then_shows_under_the_item()
    {
        var (id, path) = await PublishNewsAsync("Chỉ số giá tiêu dùng tháng 11 năm 2026", open: true);
        var reader = Client();
        var itemBefore = await reader.GetStringAsync(path);
        var form = await OpenFormAsync(reader, id);
        form["Input.Email"] = "ban.doc@example.vn";

        var sent = await reader.PostAsync(Discussions.PublicUrl(id), Fields(form));

        AssertStatus(HttpStatusCode.Redirect, sent);
        Assert.Contains("sẽ hiển thị sau khi được kiểm duyệt", WebUtility.HtmlDecode(await reader.GetStringAsync(sent.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Contains("Gửi ý kiến của bạn", WebUtility.HtmlDecode(itemBefore), StringComparison.Ordinal);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().SingleAsync());
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal(CommentText, stored.Text);
        foreach (var url in new[] { path, Discussions.PublicUrl(id), "/", "/rss", "/sitemap.xml", "/tim-kiem?q=huy%E1%BB%87n+th%E1%BB%8B+x%C3%A3", "/api/search?q=huy%E1%BB%87n+th%E1%BB%8B+x%C3%A3" })
        {
            var body = WebUtility.HtmlDecode(await reader.GetStringAsync(url));
            Assert.DoesNotContain("theo từng huyện, thị xã", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Văn Đọc", body, StringComparison.Ordinal);
        }

        var moderator = await ModeratorAsync();
        var queue = WebUtility.HtmlDecode(await moderator.GetStringAsync("/admin/y-kien"));
        Assert.Contains("theo từng huyện, thị xã", queue, StringComparison.Ordinal);
        Assert.Contains("Chỉ số giá tiêu dùng tháng 11 năm 2026", queue, StringComparison.Ordinal);
        var accepted = await PostAdminAsync(moderator, $"/admin/y-kien?handler=Accept&id={stored.Id}", []);
        AssertStatus(HttpStatusCode.Redirect, accepted);

        // The item's page was cached before the acceptance: the accepted comment shows at once all the same.
        var itemAfter = WebUtility.HtmlDecode(await reader.GetStringAsync(path));
        var list = WebUtility.HtmlDecode(await reader.GetStringAsync(Discussions.PublicUrl(id)));
        Assert.Contains(CommentText, itemAfter, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Đọc", itemAfter, StringComparison.Ordinal);
        Assert.Contains(CommentText, list, StringComparison.Ordinal);
        Assert.DoesNotContain("ban.doc@example.vn", itemAfter + list, StringComparison.Ordinal);
        var recorded = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().SingleAsync());
        Assert.Equal(CommentStatus.Accepted, recorded.Status);
        Assert.Equal(TestSite.AdminUserName, recorded.ModeratedBy);
        Assert.NotNull(recorded.ModeratedUtc);
    }

    /// <remarks>The pages of items never opened are drawn without asking the database about their discussion (the items
    /// opened are kept in memory) and their related boxes come from one list per term: both must follow the opening at once.</remarks>
    [Fact]
    public async Task A_discussion_opened_after_other_pages_were_drawn_shows_at_once_and_neighbours_list_each_other_never_themselves()
    {
        const string First = "Hội thảo về số liệu dân số tỉnh Thái Nguyên";
        const string Second = "Tập huấn điều tra doanh nghiệp năm 2026";
        var (_, firstPath) = await PublishNewsAsync(First, open: false);
        var (secondId, secondPath) = await PublishNewsAsync(Second, open: false);
        var reader = Client();

        var firstPage = WebUtility.HtmlDecode(await reader.GetStringAsync(firstPath));
        var secondBefore = WebUtility.HtmlDecode(await reader.GetStringAsync(secondPath));

        Assert.DoesNotContain("Gửi ý kiến của bạn", firstPage + secondBefore, StringComparison.Ordinal);
        Assert.Contains(Second, UncachedPageTests.RelatedBox(firstPage), StringComparison.Ordinal);
        Assert.DoesNotContain(First, UncachedPageTests.RelatedBox(firstPage), StringComparison.Ordinal);
        Assert.Contains(First, UncachedPageTests.RelatedBox(secondBefore), StringComparison.Ordinal);
        Assert.DoesNotContain(Second, UncachedPageTests.RelatedBox(secondBefore), StringComparison.Ordinal);

        await Site.WithScopeAsync(async s =>
        {
            var item = (await s.GetRequiredService<ContentManager>().GetAsync(secondId))!;
            await s.GetRequiredService<Discussions>().OpenAsync(item, TestSite.AdminUserName, default);
        });

        Assert.Contains("Gửi ý kiến của bạn", WebUtility.HtmlDecode(await reader.GetStringAsync(secondPath)), StringComparison.Ordinal);
        Assert.DoesNotContain("Gửi ý kiến của bạn", WebUtility.HtmlDecode(await reader.GetStringAsync(firstPath)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_is_recorded_and_html_in_a_comment_is_only_ever_text()
    {
        var (id, path) = await PublishNewsAsync("Kết quả điều tra lao động việc làm quý III", open: true);
        var reader = Client();
        var hostile = await OpenFormAsync(reader, id);
        hostile["Input.Name"] = "<img src=x onerror=alert(1)>";
        hostile["Input.Text"] = "<script>alert('ý kiến')</script> Số liệu lao động rất hữu ích cho địa phương.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(hostile)));
        var rude = await OpenFormAsync(reader, id);
        rude["Input.Text"] = "Ý kiến sẽ bị từ chối vì không liên quan đến nội dung.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(rude)));
        var comments = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().OrderBy(c => c.Id).ToListAsync());
        var moderator = await ModeratorAsync();

        var before = await DatabaseSnapshot.TakeAsync(Site);
        var withoutReason = await PostAdminAsync(moderator, $"/admin/y-kien?handler=Reject&id={comments[1].Id}", new() { ["reason"] = " " });
        AssertStatus(HttpStatusCode.BadRequest, withoutReason);
        Assert.Contains("Xin vui lòng ghi lý do từ chối", WebUtility.HtmlDecode(await withoutReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        var unknown = await PostAdminAsync(moderator, "/admin/y-kien?handler=Accept&id=999999", []);
        AssertStatus(HttpStatusCode.NotFound, unknown);
        await before.AssertUnchangedAsync(Site);

        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(moderator, $"/admin/y-kien?handler=Reject&id={comments[1].Id}", new() { ["reason"] = "Không liên quan đến nội dung." }));
        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(moderator, $"/admin/y-kien?handler=Accept&id={comments[0].Id}", []));
        var twice = await PostAdminAsync(moderator, $"/admin/y-kien?handler=Accept&id={comments[1].Id}", []);

        AssertStatus(HttpStatusCode.BadRequest, twice);
        var rejected = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().SingleAsync(c => c.Id == comments[1].Id));
        Assert.Equal((CommentStatus.Rejected, "Không liên quan đến nội dung.", TestSite.AdminUserName), (rejected.Status, rejected.RejectReason, rejected.ModeratedBy));
        var rejectedTab = WebUtility.HtmlDecode(await moderator.GetStringAsync("/admin/y-kien?trang-thai=tu-choi"));
        Assert.Contains("Không liên quan đến nội dung.", rejectedTab, StringComparison.Ordinal);
        foreach (var url in new[] { path, Discussions.PublicUrl(id) })
        {
            var html = await reader.GetStringAsync(url);
            Assert.Contains("Số liệu lao động rất hữu ích cho địa phương.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("không liên quan đến nội dung", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Closing_keeps_accepted_comments_shown_and_takes_no_new_one_and_unpublishing_hides_them()
    {
        var (id, path) = await PublishNewsAsync("Dân số trung bình năm 2025", open: true);
        var reader = Client();
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(await OpenFormAsync(reader, id))));
        var comment = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().SingleAsync());
        var board = await ModeratorAsync();
        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(board, $"/admin/y-kien?handler=Accept&id={comment.Id}", []));
        var form = await OpenFormAsync(reader, id);

        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(board, $"/admin/thao-luan/{id}?handler=Close", []));
        var closed = await reader.PostAsync(Discussions.PublicUrl(id), Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, closed);
        Assert.Contains("đã hết thời gian nhận ý kiến", WebUtility.HtmlDecode(await closed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync(path));
        Assert.Contains(CommentText, page, StringComparison.Ordinal);
        Assert.Contains("Đã hết thời gian nhận ý kiến", page, StringComparison.Ordinal);
        var state = await Site.WithScopeAsync(s => s.GetRequiredService<Discussions>().StateAsync(id, default));
        Assert.Equal(TestSite.AdminUserName, state!.ClosedBy);

        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().UnpublishAsync(id));

        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync(Discussions.PublicUrl(id)));
        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync(path));
    }

    [Fact]
    public async Task A_reader_sends_five_comments_in_ten_minutes_at_most_but_reads_freely()
    {
        var (id, _) = await PublishNewsAsync("Số liệu xuất khẩu 11 tháng", open: true);
        var reader = Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            var form = await OpenFormAsync(reader, id);
            form["Input.Text"] = $"Ý kiến số {i} về số liệu xuất khẩu của tỉnh.";
            statuses.Add((await reader.PostAsync(Discussions.PublicUrl(id), Fields(form))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        AssertStatus(HttpStatusCode.OK, await reader.GetAsync(Discussions.PublicUrl(id)));
        Assert.Equal(5, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().CountAsync()));
    }
}

public sealed class SqliteDiscussionTests() : DiscussionTests(DatabaseProvider.Sqlite);

/// <summary>Every bad input on the comment form, a form sent twice, items that take no comment: more posts than one reader
/// may send, so the limit is raised.</summary>
public sealed class SqliteDiscussionBadInputTests() : DiscussionTestBase(DatabaseProvider.Sqlite)
{
    protected override int CommentsPerTenMinutes => 100;

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Name", "", "Xin vui lòng nhập họ và tên." },
        { "Input.Name", new string('a', 101), "Họ và tên không quá 100 ký tự." },
        { "Input.Email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ." },
        { "Input.Text", "", "Xin vui lòng nhập ý kiến." },
        { "Input.Text", "Ngắn quá", "Ý kiến dài từ 10 đến 3.000 ký tự." },
        { "Input.Text", new string('x', 3001), "Ý kiến dài từ 10 đến 3.000 ký tự." },
        { "Input.Consent", "false", "Cần đồng ý cho Cục xử lý họ tên" },
        { "Input.Website", "http://spam.example", "Không gửi được ý kiến." },
        { "Input.Token", "", "Biểu mẫu không hợp lệ." },
        { "Input.Token", "gia-mao", "Biểu mẫu đã hết hạn." },
    };

    [Fact]
    public async Task Bad_comments_get_a_400_saying_why_in_Vietnamese_and_nothing_is_stored()
    {
        var (id, _) = await PublishNewsAsync("Tình hình kinh tế - xã hội tháng 10", open: true);
        var reader = Client();
        var before = await DatabaseSnapshot.TakeAsync(Site);

        foreach (var (field, value, message) in BadInputs.Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            var form = await OpenFormAsync(reader, id);
            form[field] = value;

            var response = await reader.PostAsync(Discussions.PublicUrl(id), Fields(form));

            AssertStatus(HttpStatusCode.BadRequest, response);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var tooFast = await OpenFormAsync(reader, id, waitLikeAHuman: false);
        var fast = await reader.PostAsync(Discussions.PublicUrl(id), Fields(tooFast));
        AssertStatus(HttpStatusCode.BadRequest, fast);
        Assert.Contains("quá nhanh", WebUtility.HtmlDecode(await fast.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var forged = await OpenFormAsync(reader, id);
        forged.Remove("__RequestVerificationToken");
        AssertStatus(HttpStatusCode.BadRequest, await reader.PostAsync(Discussions.PublicUrl(id), Fields(forged)));
        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task A_form_posts_one_comment_and_an_item_not_public_or_not_open_takes_none()
    {
        var (open, _) = await PublishNewsAsync("Niên giám thống kê tỉnh năm 2025", open: true);
        var (notOpened, notOpenedPath) = await PublishNewsAsync("Thông cáo báo chí quý III", open: false);
        var draft = await DraftNewsAsync("Bản nháp chưa đăng");
        var reader = Client();
        var form = await OpenFormAsync(reader, open);
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(open), Fields(form)));
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var again = await reader.PostAsync(Discussions.PublicUrl(open), Fields(form));

        AssertStatus(HttpStatusCode.BadRequest, again);
        Assert.Contains("Biểu mẫu này đã được gửi", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        foreach (var id in new[] { notOpened, draft, "0123456789abcdef0123456789abcdef", "khong-phai-ma" })
        {
            AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync(Discussions.PublicUrl(id)));
            AssertStatus(HttpStatusCode.NotFound, await reader.PostAsync(Discussions.PublicUrl(id), Fields(form)));
        }

        Assert.DoesNotContain("Gửi ý kiến của bạn", WebUtility.HtmlDecode(await reader.GetStringAsync(notOpenedPath)), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }
}

/// <summary>A node told to keep no discussed item in memory (<see cref="DiscussionOptions.MaxItemsKept"/> 0, for a site
/// with very many discussions): every item page then asks the database, and shows the same.</summary>
public sealed class SqliteDiscussionNothingKeptTests() : DiscussionTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string>
    {
        ["Cms:CitizenServices:Discussion:MaxItemsKept"] = "0",
    };

    [Fact]
    public async Task With_no_item_kept_in_memory_the_opened_item_shows_its_form_and_the_other_does_not()
    {
        var (closedId, closedPath) = await PublishNewsAsync("Báo cáo tình hình kinh tế - xã hội tháng 11 năm 2026", open: false);
        var (_, openPath) = await PublishNewsAsync("Lấy ý kiến về dự thảo kế hoạch điều tra năm 2027", open: true);
        var reader = Client();

        Assert.Contains("Gửi ý kiến của bạn", WebUtility.HtmlDecode(await reader.GetStringAsync(openPath)), StringComparison.Ordinal);
        Assert.DoesNotContain("Gửi ý kiến của bạn", WebUtility.HtmlDecode(await reader.GetStringAsync(closedPath)), StringComparison.Ordinal);
        // Nothing is kept, so the node cannot tell that the closed item has no discussion: its pages ask the database.
        Assert.True(await Site.WithScopeAsync(s => s.GetRequiredService<DiscussedItems>().MayHaveStateAsync(s.GetRequiredService<CmsDbContext>(), closedId, default)));
    }
}
