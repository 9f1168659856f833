using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Search;
using CucThongKe.Tests.Workflows;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// An item belongs to one unit, fixed at creation and changed only by a recorded transfer: a board member's edit does
/// not move it to the board member's unit, and every way in (pages, API, lists, search, the workflow) scopes by it.
/// </summary>
public abstract class UnitOwnershipTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    /// <summary>A contributor and a unit head of Phòng Thanh tra, the unit of the board's secretary (<see cref="WorkflowTestBase.Secretary"/>).</summary>
    private const string SecretarysUnitContributor = "ctv.thanhtra";
    private const string SecretarysUnitHead = "tp.thanhtra";
    private const string OwningUnit = "phong-tong-hop";
    private const string SecretarysUnit = "phong-thanh-tra";
    private const string TransferReason = "Phòng Thanh tra phụ trách nội dung này theo phân công mới.";

    /// <summary>The reproduced hole: the contributor's item, then a new version by the board's secretary (another unit).</summary>
    private async Task<string> ItemEditedByTheBoardAsync(string title)
    {
        await AddPeopleAsync();
        await RunRecipeAsync("unit-ownership-people.recipe.json");
        var id = await CreateNewsAsync(title);
        var put = await (await ApiAsync(Secretary)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent(title + " (Ban Biên tập sửa)") }));
        AssertStatus(HttpStatusCode.OK, put);
        var body = await ReadAsync(put);
        Assert.Equal(SecretarysUnit, body["authorUnitId"]!.GetValue<string>());
        Assert.Equal(OwningUnit, body["unitId"]!.GetValue<string>());
        return id;
    }

    [Fact]
    public async Task A_board_members_edit_leaves_the_item_with_its_unit_through_the_API()
    {
        var id = await ItemEditedByTheBoardAsync("Tin của phòng Tổng hợp do Thư ký sửa");

        var ownerGet = await (await ApiAsync(Contributor)).GetAsync($"/api/content/{id}");
        var ownerPut = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 2, content = NewsContent("Tin của phòng Tổng hợp, tác giả sửa tiếp") }));
        var stranger = await ApiAsync(SecretarysUnitContributor);
        var strangerHead = await ApiAsync(SecretarysUnitHead);
        var before = await DatabaseSnapshot.TakeAsync(Site, "ApiTokens");
        var strangerGet = await stranger.GetAsync($"/api/content/{id}");
        var strangerPut = await stranger.PutAsync($"/api/content/{id}", Json(new { expectedVersion = 3, content = NewsContent("Chiếm quyền sửa") }));
        var headPut = await strangerHead.PutAsync($"/api/content/{id}", Json(new { expectedVersion = 3, content = NewsContent("Chiếm quyền sửa") }));
        var workflow = await stranger.GetAsync($"/api/workflow/{id}");
        var submit = await TransitionAsync(SecretarysUnitContributor, id, "submit");
        var otherUnitList = await stranger.GetStringAsync("/api/content?type=News");
        var askedForOwningUnit = await stranger.GetAsync($"/api/content?unit={OwningUnit}");
        var askedForOwnUnit = await strangerHead.GetStringAsync($"/api/content?unit={SecretarysUnit}");

        AssertStatus(HttpStatusCode.OK, ownerGet);
        AssertStatus(HttpStatusCode.OK, ownerPut);
        await AssertProblemAsync(HttpStatusCode.Forbidden, strangerGet);
        await AssertProblemAsync(HttpStatusCode.Forbidden, strangerPut);
        await AssertProblemAsync(HttpStatusCode.Forbidden, headPut);
        await AssertProblemAsync(HttpStatusCode.Forbidden, workflow);
        await AssertProblemAsync(HttpStatusCode.Forbidden, submit);
        await AssertProblemAsync(HttpStatusCode.Forbidden, askedForOwningUnit);
        Assert.DoesNotContain(id, otherUnitList, StringComparison.Ordinal);
        Assert.DoesNotContain(id, askedForOwnUnit, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site, "ApiTokens");
        Assert.Contains(id, await (await ApiAsync(Contributor)).GetStringAsync($"/api/content?unit={OwningUnit}"), StringComparison.Ordinal);
        // The chain follows the item's unit: its own unit head sends it on, the secretary's unit head cannot.
        await AdvanceAsync(id, (Contributor, "submit"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(SecretarysUnitHead, id, "send-to-board"));
        await AdvanceAsync(id, (UnitHead, "send-to-board"));
    }

    [Fact]
    public async Task A_board_members_edit_leaves_the_item_with_its_unit_in_the_back_office()
    {
        var title = "Tin phòng Tổng hợp về điều tra doanh nghiệp";
        var id = await ItemEditedByTheBoardAsync(title);
        await SearchTests.WaitForIndexToCatchUpAsync(Site);
        var owner = await SignedInAsync(Contributor);
        var stranger = await SignedInAsync(SecretarysUnitContributor);
        var strangerHead = await SignedInAsync(SecretarysUnitHead);
        var strangerToken = await AntiforgeryTokenAsync(stranger, "/admin/tai-khoan/ma-truy-cap");

        var before = await DatabaseSnapshot.TakeAsync(Site, "ApiTokens");
        foreach (var client in new[] { stranger, strangerHead })
        {
            foreach (var url in new[] { $"/admin/contents/{id}/edit", $"/admin/contents/{id}/versions", $"/admin/contents/{id}/preview", $"/admin/quy-trinh/noi-dung/{id}" })
            {
                AssertStatus(HttpStatusCode.Forbidden, await client.GetAsync(url));
            }

            var list = await client.GetStringAsync("/admin/contents");
            var filtered = await client.GetStringAsync($"/admin/contents?unit={OwningUnit}");
            var found = await client.GetStringAsync("/admin/tim-kiem?q=" + Uri.EscapeDataString("điều tra doanh nghiệp"));
            Assert.DoesNotContain(id, list, StringComparison.Ordinal);
            Assert.DoesNotContain(id, filtered, StringComparison.Ordinal);
            Assert.DoesNotContain(id, found, StringComparison.Ordinal);
        }

        var edit = await stranger.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = strangerToken,
            ["TitlePart.Title"] = "Chiếm quyền sửa",
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
            ["version"] = "2",
            ["intent"] = "save",
        }));
        var transition = await stranger.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = strangerToken,
            ["transition"] = "submit",
        }));
        AssertStatus(HttpStatusCode.Forbidden, edit);
        AssertStatus(HttpStatusCode.Forbidden, transition);
        await before.AssertUnchangedAsync(Site, "ApiTokens");

        foreach (var url in new[] { $"/admin/contents/{id}/edit", $"/admin/contents/{id}/versions", $"/admin/contents/{id}/preview", $"/admin/quy-trinh/noi-dung/{id}" })
        {
            AssertStatus(HttpStatusCode.OK, await owner.GetAsync(url));
        }

        Assert.Contains(id, await owner.GetStringAsync("/admin/contents"), StringComparison.Ordinal);
        Assert.Contains(id, await owner.GetStringAsync($"/admin/contents?unit={OwningUnit}"), StringComparison.Ordinal);
        Assert.Contains(id, await owner.GetStringAsync("/admin/tim-kiem?q=" + Uri.EscapeDataString("điều tra doanh nghiệp")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_head_transfers_an_item_with_a_reason_and_the_transfer_is_recorded_and_followed_everywhere()
    {
        var id = await ItemEditedByTheBoardAsync("Tin chuyển sang phòng Thanh tra");
        await AdvanceAsync(id, (Contributor, "submit"));
        var boardHead = await SignedInAsync(BoardHead);

        var response = await PostTransferAsync(boardHead, id, SecretarysUnit, TransferReason);

        AssertStatus(HttpStatusCode.Redirect, response);
        var versions = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentItemId == id).Select(c => c.UnitId).ToListAsync());
        Assert.All(versions, unit => Assert.Equal(SecretarysUnit, unit));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await (await ApiAsync(Contributor)).GetAsync($"/api/content/{id}"));
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(SecretarysUnitContributor)).GetAsync($"/api/content/{id}"));
        var status = await StatusAsync(id);
        Assert.Equal(SecretarysUnit, status["unitId"]!.GetValue<string>());
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        var step = status["record"]!.AsArray().Last()!;
        Assert.Equal("unit-transfer", step["transition"]!.GetValue<string>());
        Assert.Equal(BoardHead, step["userName"]!.GetValue<string>());
        Assert.Contains(TransferReason, step["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        // The new unit's head now reviews it; the old one no longer may.
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(UnitHead, id, "send-to-board"));
        await AdvanceAsync(id, (SecretarysUnitHead, "send-to-board"));

        var history = WebUtility.HtmlDecode(await boardHead.GetStringAsync($"/admin/contents/{id}/versions"));
        Assert.Contains(TransferReason, history, StringComparison.Ordinal);
        var workflowPage = WebUtility.HtmlDecode(await boardHead.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}"));
        Assert.Contains("Chuyển đơn vị", workflowPage, StringComparison.Ordinal);
        Assert.Contains(TransferReason, workflowPage, StringComparison.Ordinal);
        var entry = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().SingleAsync(e => e.Action == AdminAuditActions.ContentUnitTransfer));
        Assert.Equal((id, BoardHead, OwningUnit, SecretarysUnit, TransferReason), (entry.Subject, entry.UserName, entry.Before, entry.After, entry.Reason));
        AssertStatus(HttpStatusCode.OK, await (await SignedInAsync(SecretarysUnitContributor)).GetAsync($"/admin/contents/{id}/edit"));
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync(Contributor)).GetAsync($"/admin/contents/{id}/edit"));
    }

    [Fact]
    public async Task A_transfer_needs_the_permission_a_reason_and_a_real_unit_and_a_refused_one_changes_nothing()
    {
        var id = await ItemEditedByTheBoardAsync("Tin không được chuyển đơn vị");
        var contributor = await SignedInAsync(Contributor);
        var secretary = await SignedInAsync(Secretary);
        var boardHead = await SignedInAsync(BoardHead);
        await boardHead.GetStringAsync($"/admin/contents/{id}/versions");
        var before = await DatabaseSnapshot.TakeAsync(Site, "ApiTokens");

        var byContributor = await PostTransferAsync(contributor, id, SecretarysUnit, TransferReason);
        var bySecretary = await PostTransferAsync(secretary, id, SecretarysUnit, TransferReason);
        var withoutReason = await PostTransferAsync(boardHead, id, SecretarysUnit, "Gấp.");
        var unknownUnit = await PostTransferAsync(boardHead, id, "phong-khong-co", TransferReason);

        AssertStatus(HttpStatusCode.Forbidden, byContributor);
        AssertStatus(HttpStatusCode.Forbidden, bySecretary);
        AssertStatus(HttpStatusCode.BadRequest, withoutReason);
        AssertStatus(HttpStatusCode.BadRequest, unknownUnit);
        Assert.Contains("Cần ghi lý do chuyển đơn vị", WebUtility.HtmlDecode(await withoutReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Hãy chọn một đơn vị có trong danh sách", WebUtility.HtmlDecode(await unknownUnit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site, "ApiTokens");
    }

    [Fact]
    public async Task A_unit_named_in_a_request_is_ignored_the_item_belongs_to_its_creators_unit()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("unit-ownership-people.recipe.json");
        var api = await ApiAsync(Contributor);

        var forgedCreate = await api.PostAsync("/api/content", Json(new { contentType = "News", unitId = SecretarysUnit, content = NewsContent("Tin giả đơn vị") }));
        var id = await CreateNewsAsync("Tin của phòng Tổng hợp, giữ đơn vị");
        var forgedPut = await api.PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, unitId = SecretarysUnit, content = NewsContent("Tin đổi đơn vị") }));
        var browser = await SignedInAsync(Contributor);
        var created = await browser.PostAsync("/admin/contents/create/News", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/admin/contents/create/News"),
            ["TitlePart.Title"] = "Tin tạo trong trang quản trị",
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
            ["UnitId"] = SecretarysUnit,
            ["unitId"] = SecretarysUnit,
        }));

        Assert.False(forgedCreate.IsSuccessStatusCode && (await ReadAsync(forgedCreate))["unitId"]!.GetValue<string>() != OwningUnit);
        Assert.False(forgedPut.IsSuccessStatusCode && (await ReadAsync(forgedPut))["unitId"]!.GetValue<string>() != OwningUnit);
        AssertStatus(HttpStatusCode.Redirect, created);
        var units = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Select(c => c.UnitId).Distinct().ToListAsync());
        Assert.Equal(new string?[] { OwningUnit }, units);
        var instances = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().Select(i => i.UnitId).Distinct().ToListAsync());
        Assert.Equal(new string?[] { OwningUnit }, instances);
    }

    private static async Task<HttpResponseMessage> PostTransferAsync(HttpClient client, string id, string unitId, string reason) =>
        await client.PostAsync($"/admin/contents/{id}/versions?handler=Transfer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/tai-khoan/ma-truy-cap"),
            ["unitId"] = unitId,
            ["reason"] = reason,
        }));
}

public sealed class SqliteUnitOwnershipTests() : UnitOwnershipTests(DatabaseProvider.Sqlite);

// SQLite only: an item's unit and its transfer are rules in the application; unit-scoped queries run on PostgreSQL in PostgresContentEditingTests and PostgresWorkflowSupportTests.
