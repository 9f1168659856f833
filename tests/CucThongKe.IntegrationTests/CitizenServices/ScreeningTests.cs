using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.CitizenServices.Screening;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Screening (Điều 4.1, 7): the board keeps the list of prohibited words, phrases and domains; a reader's comment or a
/// citizen's question that hits it is held with the hit shown; content linking to a listed domain is not saved.
/// </summary>
public abstract class ScreeningTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    [Fact]
    public async Task The_list_is_kept_by_the_board_and_hits_are_held_with_the_hit_shown_and_listed_links_refused()
    {
        var board = await ModeratorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var bad = await PostAdminAsync(board, "/admin/sang-loc", new() { ["Terms"] = "cá độ", ["Domains"] = "không phải tên miền" });
        AssertStatus(HttpStatusCode.BadRequest, bad);
        Assert.Contains("không phải là tên miền", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(board, "/admin/sang-loc", new() { ["Terms"] = "cá độ\nthảo", ["Domains"] = "https://Trang-Xau.example/" }));
        Assert.Contains("trang-xau.example", WebUtility.HtmlDecode(await board.GetStringAsync("/admin/sang-loc")), StringComparison.Ordinal);

        var (id, _) = await PublishNewsAsync("Giải thể thao công nhân viên chức năm 2026", open: true);
        var reader = Client();
        var form = await OpenFormAsync(reader, id);
        form["Input.Text"] = "Đề nghị xử lý các trang cá độ bóng đá quảng cáo trên mạng.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(form)));
        var clean = await OpenFormAsync(reader, id);
        clean["Input.Text"] = "Giải thể thao năm nay rất sôi nổi, đề nghị đưa thêm ảnh.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(clean)));

        var queue = WebUtility.HtmlDecode(await board.GetStringAsync("/admin/y-kien"));
        Assert.Contains("Sàng lọc: ý kiến có từ, cụm từ bị cấm “cá độ”", queue, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(queue, "Sàng lọc: ý kiến có"));
        Assert.Equal(2, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().CountAsync(c => c.Status == CommentStatus.Pending)));

        var question = await Site.WithScopeAsync(async s =>
        {
            var unit = await s.GetRequiredService<CitizenUnits>().ResolveAsync("phong-kinh-te", default);
            await s.GetRequiredService<QuestionSubmission>().SubmitAsync("Lê Văn Hỏi", "hoi@example.vn", null, unit!, "Xin hỏi số vụ cá độ bóng đá bị phát hiện năm 2025?", default);
            return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Question").Select(c => c.ContentItemId).SingleAsync();
        });
        Assert.Contains("Nội dung có từ, cụm từ bị cấm “cá độ”", WebUtility.HtmlDecode(await board.GetStringAsync($"/admin/contents/{question}/edit")), StringComparison.Ordinal);

        var refusal = await Assert.ThrowsAsync<ContentValidationException>(() => Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Trang có liên kết bị cấm" };
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Xem <a href=\"https://khuyen-mai.trang-xau.example/x\">tại đây</a>.</p>" };
            await contents.CreateAsync(item);
        }));
        Assert.Contains("Liên kết tới “khuyen-mai.trang-xau.example” thuộc tên miền bị cấm (trang-xau.example)", refusal.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteScreeningTests() : ScreeningTests(DatabaseProvider.Sqlite);

/// <summary>
/// Screening's hold: a citizen's question whose text hits the list goes through the chain but is not published until a
/// moderator has recorded "đã xem xét, cho phép" for that hit; a new prohibited word needs a new clearance.
/// </summary>
public abstract class ScreeningHoldTests(DatabaseProvider provider) : CitizenServicesTestBase(provider)
{
    [Fact]
    public async Task A_question_that_hits_the_list_waits_at_publication_until_a_moderator_clears_that_hit()
    {
        await AddPeopleAsync();
        await Site.WithScopeAsync(s => s.GetRequiredService<ContentScreening>().SaveAsync("cá độ\nđánh bạc", null, default));
        var id = await AskAsync("phong-tong-hop", "Xin hỏi số vụ cá độ bóng đá bị phát hiện năm 2025?");
        var latest = await LatestAsync(id);
        var content = latest.Content.DeepClone().AsObject();
        content["Question"]!["Answer"] = new JsonObject { ["Html"] = "<p>Năm 2025, cơ quan chức năng phát hiện 12 vụ.</p>" };
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = latest.Version, content })));
        await AdvanceAsync(id, ToApproved);

        // The chain's publication step answers with the reason; nothing is published.
        var refused = await TransitionAsync(Publisher, id, "publish", comment: "Đăng.");
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains("từ, cụm từ bị cấm “cá độ”; cần người kiểm duyệt xem xét, cho phép", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await PublishedAsync(id));

        // One role too few: a unit head is no moderator; nothing changes.
        var clear = $"/admin/sang-loc/xem-xet/{id}";
        var edit = $"/admin/contents/{id}/edit";
        var head = await SignedInAsync(UnitHead);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.Forbidden, await head.PostAsync(clear, Form(await AntiforgeryTokenAsync(head, edit))));
        await before.AssertUnchangedAsync(Site);

        // The moderator sees the hold and its form on the edit page, and clears it (recorded and audited).
        var moderator = await SignedInAsync(BoardHead);
        var page = WebUtility.HtmlDecode(await moderator.GetStringAsync(edit));
        Assert.Contains("chưa được đăng cho tới khi người kiểm duyệt xem xét, cho phép", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"{clear}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{clear}\"", await head.GetStringAsync(edit), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, await moderator.PostAsync(clear, Form(await AntiforgeryTokenAsync(moderator, edit))));
        Assert.Contains($"Đã xem xét, cho phép (từ, cụm từ bị cấm “cá độ”): {BoardHead}", WebUtility.HtmlDecode(await moderator.GetStringAsync(edit)), StringComparison.Ordinal);
        var audit = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().SingleAsync(e => e.Action == ScreeningHolds.AuditAction));
        Assert.Equal((BoardHead, id), (audit.UserName, audit.Subject));

        // A second clearance of the same hit is refused (400), storing nothing.
        before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.BadRequest, await moderator.PostAsync(clear, Form(await AntiforgeryTokenAsync(moderator, edit))));
        await before.AssertUnchangedAsync(Site);

        // The clearance is for that hit: a guard asked about a version with another prohibited word refuses it again.
        var reasons = await Site.WithScopeAsync(async s =>
        {
            var item = await LatestAsync(id);
            var type = (await s.GetRequiredService<ContentDefinitionManager>().GetResolvedTypeAsync("Question"))!;
            var holds = s.GetRequiredService<ScreeningHolds>();
            var cleared = (await holds.HoldAsync(item, type, default))!.Cleared;
            item.Content["Question"]!["Question"] = new JsonObject { ["Text"] = "Xin hỏi số vụ cá độ, đánh bạc bị phát hiện năm 2025?" };
            var again = (await holds.HoldAsync(item, type, default))!.Cleared;
            item.Content["Question"]!["Question"] = new JsonObject { ["Text"] = "Xin hỏi số vụ vi phạm bị phát hiện năm 2025?" };
            return (cleared, again, await holds.HoldAsync(item, type, default));
        });
        Assert.Equal((true, false, (ScreeningHold?)null), reasons);

        // After clearance the chain publishes it.
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(Publisher, id, "publish", comment: "Đăng."));
        Assert.True(await PublishedAsync(id));
    }

    private Task<bool> PublishedAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AnyAsync(c => c.ContentItemId == id && c.Published));

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
}

public sealed class SqliteScreeningHoldTests() : ScreeningHoldTests(DatabaseProvider.Sqlite);
