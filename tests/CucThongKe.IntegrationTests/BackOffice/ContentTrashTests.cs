using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.TaxonomyAdmin;
using CucThongKe.Contents.Api;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>
/// Issue 16's content management, the rest: the trash (a recorded step, restorable as it was, purged after its period),
/// deletion of drafts never published (refused with 409 otherwise), the list's row actions shown only when they will work,
/// the review page with the content inline; pages cached before a taxonomy merge are dropped at its commit; an API token of a
/// deactivated account is refused by the token handler itself.
/// </summary>
// SQLite only: nothing here depends on the database's provider.
public sealed class ContentTrashTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/contents");
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static Task<HttpResponseMessage> TrashAsync(HttpClient client, string id, int version, string? reason = null) =>
        PostAsync(client, $"/admin/contents/{id}/edit?handler=Trash", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason ?? "" });

    private static Task<HttpResponseMessage> RowAsync(HttpClient client, string action, string id, int version, string? comment = null) =>
        PostAsync(client, "/admin/contents?handler=Row", new() { ["row"] = $"{action}|{id}:{version}", ["comment"] = comment ?? "" });

    private Task<List<WorkflowStep>> RecordAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<WorkflowStep>().Where(x => x.ContentItemId == id).OrderBy(x => x.Sequence).ToListAsync());

    private Task<int> VersionRowsAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().CountAsync(c => c.ContentItemId == id));

    /// <summary>The Director (reads every unit's items, writes none): a role too few for the trash.</summary>
    private async Task<HttpClient> DirectorAsync()
    {
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CmsUser>>();
            var director = new CmsUser { UserName = "cuctruong", Email = "cuctruong@example.vn", UnitId = "lanh-dao-cuc", DisplayName = "Nguyễn Thị Hương" };
            Assert.True((await users.CreateAsync(director, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(director, "Director")).Succeeded);
        });
        return await SignedInAsync("cuctruong");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_returned_item_goes_to_the_trash_as_a_recorded_step_comes_back_to_its_step_and_is_purged_after_the_period()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin về Tết Nguyên đán bị bỏ");
        await AdvanceAsync(id, (Contributor, "submit"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "unit-return", "Viết lại phần mở đầu."));
        var contributor = await SignedInAsync(Contributor);

        AssertStatus(HttpStatusCode.Redirect, await TrashAsync(contributor, id, 1, "Sự kiện đã bị huỷ, không đăng nữa."));

        // Out of the list, the editor and the workflow pages; in the trash page with its reason and purge date.
        // (By its address: the list's notice names the title once, after the redirect.)
        Assert.DoesNotContain($"/admin/contents/{id}/edit", await contributor.GetStringAsync("/admin/contents"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, await contributor.GetAsync($"/admin/contents/{id}/edit"));
        var trash = WebUtility.HtmlDecode(await contributor.GetStringAsync("/admin/contents/thung-rac"));
        Assert.Contains("Tin về Tết Nguyên đán bị bỏ", trash, StringComparison.Ordinal);
        Assert.Contains("Sự kiện đã bị huỷ, không đăng nữa.", trash, StringComparison.Ordinal);
        Assert.Contains("sau 30 ngày", trash, StringComparison.Ordinal);
        var trashed = (await RecordAsync(id))[^1];
        Assert.Equal("trash|Returned|Returned|ctv.tonghop", $"{trashed.Transition}|{trashed.FromState}|{trashed.ToState}|{trashed.UserName}");
        Assert.Contains("Sự kiện đã bị huỷ", trashed.Comment, StringComparison.Ordinal);

        // Another unit's people do not see it and cannot restore it (403, as the edit page refuses them); it stays in the trash.
        var otherUnit = await SignedInAsync(OtherContributor);
        Assert.DoesNotContain("Tin về Tết Nguyên đán bị bỏ", await otherUnit.GetStringAsync("/admin/contents/thung-rac"), StringComparison.Ordinal);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(otherUnit, $"/admin/contents/thung-rac?handler=Restore&id={id}", []));
        await before.AssertUnchangedAsync(Site);

        // Restored: the same version, back in the step it left, recorded; the editor opens again.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(contributor, $"/admin/contents/thung-rac?handler=Restore&id={id}", []));
        AssertStatus(HttpStatusCode.OK, await contributor.GetAsync($"/admin/contents/{id}/edit"));
        var status = await StatusAsync(id);
        Assert.Equal("Returned", status["state"]!["name"]!.GetValue<string>());
        Assert.Equal(1, status["contentVersion"]!.GetValue<int>());
        Assert.Equal("restore|Returned|Returned", string.Join('|', status["record"]!.AsArray()[^1]!["transition"], status["record"]!.AsArray()[^1]!["from"], status["record"]!.AsArray()[^1]!["to"]));

        // In the trash again, then past the period: the purge deletes every version and records it; the record stays.
        AssertStatus(HttpStatusCode.Redirect, await TrashAsync(contributor, id, 1));
        Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await Site.WithScopeAsync(s => s.GetRequiredService<ContentTrash>().PurgeDueAsync()));
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Site.WithScopeAsync(s => s.GetRequiredService<ContentTrash>().PurgeDueAsync()));
        Assert.Equal(0, await VersionRowsAsync(id));
        Assert.Equal(["trash", "restore", "trash", "purge"], (await RecordAsync(id)).Select(s => s.Transition).TakeLast(4));
        var audit = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().Where(e => e.Subject == id).OrderBy(e => e.Id).Select(e => e.Action + "|" + e.UserName).ToListAsync());
        Assert.Equal(["content-trash|ctv.tonghop", "content-restore|ctv.tonghop", "content-trash|ctv.tonghop", "content-purge|he-thong:thung-rac"], audit);
        // A month later the sign-in has expired: signed in again.
        var emptied = await (await SignedInAsync(Contributor)).GetStringAsync("/admin/contents/thung-rac");
        Assert.DoesNotContain(id, emptied, StringComparison.Ordinal);
        Assert.Contains("Thùng rác trống.", emptied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trash_and_deletion_refuse_what_is_in_review_published_or_was_ever_published_another_units_item_and_bad_input_and_change_nothing()
    {
        await AddPeopleAsync();
        var inReview = await CreateNewsAsync("Tin đang chờ thủ trưởng");
        await AdvanceAsync(inReview, (Contributor, "submit"));
        var published = await CreateNewsAsync("Tin đã đăng về chỉ số giá");
        await AdvanceAsync(published, [.. ToApproved, (Publisher, "publish")]);
        var takenDown = await CreateNewsAsync("Tin đã gỡ xuống");
        await AdvanceAsync(takenDown, [.. ToApproved, (Publisher, "publish")]);
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(Publisher, takenDown, "unpublish", "Số liệu được điều chỉnh."));
        var draft = await CreateNewsAsync("Bản nháp của phòng");
        var theirs = await CreateNewsAsync("Bản nháp của Chi cục Đại Từ", OtherContributor);
        var contributor = await SignedInAsync(Contributor);
        var board = await SignedInAsync(BoardHead);
        var director = await DirectorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var refusals = new (HttpResponseMessage Response, HttpStatusCode Status, string Message)[]
        {
            (await TrashAsync(contributor, inReview, 1), HttpStatusCode.Conflict, "đang chờ người duyệt"),
            (await TrashAsync(board, published, 1), HttpStatusCode.Conflict, "hãy gỡ xuống trước"),
            (await RowAsync(board, "xoa", published, 1), HttpStatusCode.Conflict, "Không xoá được nội dung đã từng đăng"),
            // Taken down, it may go to the trash, but never be deleted: it was published once.
            (await RowAsync(contributor, "xoa", takenDown, 1), HttpStatusCode.Conflict, "chỉ xoá được bản nháp chưa bao giờ đăng"),
            (await PostAsync(contributor, $"/admin/contents/{takenDown}/edit?handler=Delete", new() { ["version"] = "1" }), HttpStatusCode.Conflict, "Không xoá được nội dung đã từng đăng"),
            // A stale version, too long a reason, a forged row value.
            (await TrashAsync(contributor, draft, 2), HttpStatusCode.Conflict, "đã được người khác sửa"),
            (await TrashAsync(contributor, draft, 1, new string('ý', 2001)), HttpStatusCode.BadRequest, "Lý do dài quá 2.000 ký tự."),
            (await RowAsync(contributor, "thung-rac", "../../etc", 1), HttpStatusCode.BadRequest, "Hãy chọn từ 1 đến"),
            // Another unit's item: the editor page refuses the contributor; the row does not even name it.
            (await TrashAsync(contributor, theirs, 1), HttpStatusCode.Forbidden, ""),
            (await RowAsync(contributor, "xoa", theirs, 1), HttpStatusCode.NotFound, "Không tìm thấy nội dung này"),
        };
        foreach (var (response, status, message) in refusals)
        {
            AssertStatus(status, response);
            Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        // The Director reads every unit's items but writes none: no trash page, no removal (a role too few).
        AssertStatus(HttpStatusCode.Forbidden, await director.GetAsync("/admin/contents/thung-rac"));
        AssertStatus(HttpStatusCode.Forbidden, await RowAsync(director, "thung-rac", draft, 1));
        await before.AssertUnchangedAsync(Site);

        // The back office's menu leads to the trash exactly those the page lets in: a writer of their unit's items, the board
        // (every unit's), not the Director.
        const string TrashEntry = "<a href=\"/admin/contents/thung-rac\"";
        Assert.Contains(TrashEntry, await contributor.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains(TrashEntry, await board.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.DoesNotContain(TrashEntry, await director.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_never_published_is_deleted_from_its_row_the_rows_offer_only_what_will_work_and_the_review_page_shows_the_content()
    {
        await AddPeopleAsync();
        var draft = await CreateNewsAsync("Bản nháp viết nhầm");
        var submitted = await CreateNewsAsync("Tin đã gửi thủ trưởng");
        await AdvanceAsync(submitted, (Contributor, "submit"));
        var published = await CreateNewsAsync("Tin đang đăng trên trang");
        await AdvanceAsync(published, [.. ToApproved, (Publisher, "publish")]);
        var contributor = await SignedInAsync(Contributor);
        var director = await DirectorAsync();

        // The author's rows: the draft may be submitted, trashed and deleted; the item in review offers none of these.
        var list = await TextAsync(await contributor.GetAsync("/admin/contents"));
        Assert.Contains($"value=\"gui-duyet|{draft}:1\"", list, StringComparison.Ordinal);
        Assert.Contains($"value=\"thung-rac|{draft}:1\"", list, StringComparison.Ordinal);
        Assert.Contains($"value=\"xoa|{draft}:1\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"|{submitted}:", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"go-xuong|", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/contents/{submitted}/preview\"", list, StringComparison.Ordinal);
        // The publisher's: the published item may be taken down or archived, not trashed; its public page is linked.
        var publisherList = await TextAsync(await (await SignedInAsync(Publisher)).GetAsync("/admin/contents"));
        Assert.Contains($"value=\"go-xuong|{published}:1\"", publisherList, StringComparison.Ordinal);
        Assert.Contains($"value=\"luu-tru|{published}:1\"", publisherList, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"thung-rac|{published}:1\"", publisherList, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Xem trang công khai của “Tin đang đăng trên trang”\"", publisherList, StringComparison.Ordinal);

        var deleted = await RowAsync(contributor, "xoa", draft, 1);
        AssertStatus(HttpStatusCode.OK, deleted);
        Assert.Contains("đã thực hiện 1, không thực hiện được 0", await TextAsync(deleted), StringComparison.Ordinal);
        Assert.Equal(0, await VersionRowsAsync(draft));
        Assert.Equal("delete|ctv.tonghop", string.Join('|', (await RecordAsync(draft))[^1].Transition, (await RecordAsync(draft))[^1].UserName));
        Assert.False(await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().AnyAsync(i => i.ContentItemId == draft)));
        Assert.True(await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().AnyAsync(e => e.Action == ContentTrash.DeleteAuditAction && e.Subject == draft)));

        // The unit head's review page: the content framed as its public page, the record, and an edit link (the head edits the unit's items).
        var review = await TextAsync(await (await SignedInAsync(UnitHead)).GetAsync($"/admin/quy-trinh/noi-dung/{submitted}"));
        Assert.Contains($"<iframe class=\"review-preview\" src=\"/admin/contents/{submitted}/preview?version=1\"", review, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/contents/{submitted}/edit\"", review, StringComparison.Ordinal);
        Assert.Contains("Nhật ký duyệt", review, StringComparison.Ordinal);
        var preview = await (await SignedInAsync(UnitHead)).GetAsync($"/admin/contents/{submitted}/preview?version=1");
        AssertStatus(HttpStatusCode.OK, preview);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        // The Director reads it but edits nothing: no edit link.
        var directorReview = await TextAsync(await director.GetAsync($"/admin/quy-trinh/noi-dung/{submitted}"));
        Assert.Contains("review-preview", directorReview, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/admin/contents/{submitted}/edit\"", directorReview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taxonomy_merge_drops_cached_pages_and_a_deactivated_accounts_token_is_refused_by_the_handler()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Hội nghị tổng kết công tác thống kê");
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        var path = "/" + (await ReadAsync(await (await ApiAsync(Contributor)).GetAsync($"/api/content/{id}")))["content"]!["AutoroutePart"]!["Path"]!.GetValue<string>();
        var reader = Client();
        Assert.Contains("Hoạt động của Cục", await reader.GetStringAsync(path), StringComparison.Ordinal);
        var cached = await reader.GetAsync(path);
        Assert.NotNull(cached.Headers.Age);

        await Site.WithScopeAsync(s => s.GetRequiredService<TaxonomyAdministration>().MergeAsync("chuyen-muc-tin", "hoat-dong-cua-cuc", "tin-khac", "dangtin"));

        var after = await reader.GetAsync(path);
        Assert.Null(after.Headers.Age);
        var html = WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync());
        Assert.Contains("Chuyên mục: <a href=\"/tin-tuc/chuyen-muc/tin-khac\">Tin khác</a>", html, StringComparison.Ordinal);

        // A token the deactivation did not revoke (another node's, a restored backup's): the handler refuses it by itself.
        var api = await ApiAsync(Contributor);
        AssertStatus(HttpStatusCode.OK, await api.GetAsync("/api/content?type=News"));
        Assert.False(await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ApiToken>().AllAsync(t => t.RevokedUtc != null)));
        await SetDeactivatedAsync(Contributor, DateTime.UtcNow);
        AssertStatus(HttpStatusCode.Unauthorized, await api.GetAsync("/api/content?type=News"));
        await SetDeactivatedAsync(Contributor, null);
        AssertStatus(HttpStatusCode.OK, await api.GetAsync("/api/content?type=News"));
    }

    private Task<int> SetDeactivatedAsync(string userName, DateTime? when) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<CmsUser>().Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.DeactivatedUtc, when)));
}
