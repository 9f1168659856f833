using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// A change after a gate does not slip through: a new version of an item waiting beyond the unit check goes back to it,
/// recorded with who changed it and from which version, so that every gate passes on exactly the version it saw.
/// </summary>
public abstract class ChangeAfterGateTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string BoardMember = "uyvien";

    [Fact]
    public async Task An_authors_change_through_the_API_after_the_unit_check_sends_the_item_back_to_the_unit_head_and_is_recorded()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Số liệu dân số sơ bộ");
        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"));

        AssertStatus(HttpStatusCode.OK, await EditAsync(Contributor, id, 1, "Số liệu dân số sơ bộ (tác giả sửa sau khi gửi)"));

        var status = await StatusAsync(id);
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        AssertChange(status, Contributor, "BoardSecretary", 2, "phiên bản 1 → 2");
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Secretary, id, "present"));
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 1));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "send-to-board", "Đã xem bản sửa.", expectedVersion: 2));
        await AdvanceAsync(id, (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));
        await AssertPublishedAsync(id, 2, "Số liệu dân số sơ bộ (tác giả sửa sau khi gửi)");
    }

    [Fact]
    public async Task A_board_members_edit_in_the_back_office_while_the_board_head_decides_goes_back_to_the_unit_check()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("security-people.recipe.json");
        var id = await CreateNewsAsync("Tin Ủy viên sửa khi chờ duyệt");
        await AdvanceAsync(id, ToBoardHead);
        var browser = await SignedInAsync(BoardMember);

        var save = await browser.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/admin/contents/{id}/edit"),
            ["version"] = "1",
            ["TitlePart.Title"] = "Tin Ủy viên sửa khi chờ duyệt (bản của Ủy viên)",
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
            ["HtmlBodyPart.Html"] = "<p>Nội dung Ủy viên viết lại.</p>",
        }));

        AssertStatus(HttpStatusCode.Redirect, save);
        var status = await StatusAsync(id);
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        AssertChange(status, BoardMember, "BoardHead", 2, "phiên bản 1 → 2");
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(BoardHead, id, "approve", expectedVersion: 2));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 2));
        await AdvanceAsync(id, (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));
        await AssertPublishedAsync(id, 2, "Tin Ủy viên sửa khi chờ duyệt (bản của Ủy viên)");
    }

    [Fact]
    public async Task The_secretarys_own_edit_through_the_API_goes_back_to_the_unit_check_too()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin thư ký sửa");
        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"));

        AssertStatus(HttpStatusCode.OK, await EditAsync(Secretary, id, 1, "Tin thư ký sửa (bản thư ký)"));

        var status = await StatusAsync(id);
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        AssertChange(status, Secretary, "BoardSecretary", 2, "phiên bản 1 → 2");
        Assert.Empty(status["transitions"]!.AsArray());
    }

    [Fact]
    public async Task A_change_while_the_unit_head_checks_keeps_it_there_recorded_with_its_deadline()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin sửa khi chờ trưởng phòng");
        await AdvanceAsync(id, (Contributor, "submit"));
        var due = (await StatusAsync(id))["dueUtc"]!.GetValue<DateTime>();
        Clock.Advance(TimeSpan.FromHours(3));

        AssertStatus(HttpStatusCode.OK, await EditAsync(Contributor, id, 1, "Tin sửa khi chờ trưởng phòng (bản 2)"));

        var status = await StatusAsync(id);
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        AssertChange(status, Contributor, "UnitReview", 2, "phiên bản 1 → 2");
        Assert.Equal(due, status["dueUtc"]!.GetValue<DateTime>());
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 1));

        // Someone else changed it while it waited: the unit head names the version decided on, "the latest" is not enough.
        var unnamed = await TransitionAsync(UnitHead, id, "send-to-board");
        await AssertProblemAsync(HttpStatusCode.Conflict, unnamed);
        Assert.Contains($"vừa được {Contributor} sửa (phiên bản 2)", (await ReadAsync(unnamed))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 2));
    }

    [Fact]
    public async Task A_change_after_approval_goes_back_to_the_unit_check_and_needs_every_gate_again()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin sửa sau khi duyệt");
        await AdvanceAsync(id, ToApproved);

        AssertStatus(HttpStatusCode.OK, await EditAsync(Contributor, id, 1, "Tin sửa sau khi duyệt (bản 2)"));

        var status = await StatusAsync(id);
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        Assert.Null(status["approvedVersionId"]);
        AssertChange(status, Contributor, "Approved", 2, "phải duyệt lại");
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Publisher, id, "publish"));
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(BoardHead, id, "approve"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 2));
        await AdvanceAsync(id, (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));
        await AssertPublishedAsync(id, 2, "Tin sửa sau khi duyệt (bản 2)");
    }

    private async Task<HttpResponseMessage> EditAsync(string userName, string id, int expectedVersion, string title) =>
        await (await ApiAsync(userName)).PutAsync($"/api/content/{id}", Json(new { expectedVersion, content = NewsContent(title) }));

    /// <summary>The last step is the recorded change: by whom, from which state, the new version, and a comment naming the versions.</summary>
    private static void AssertChange(JsonObject status, string userName, string from, int version, string says)
    {
        var step = status["record"]!.AsArray().Last()!;
        Assert.Equal("content-changed", step["transition"]!.GetValue<string>());
        Assert.Equal(userName, step["userName"]!.GetValue<string>());
        Assert.Equal(from, step["from"]!.GetValue<string>());
        Assert.Equal(version, step["contentVersion"]!.GetValue<int>());
        Assert.Contains(says, step["comment"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private Task AssertPublishedAsync(string id, int version, string title) => Site.WithScopeAsync(async s =>
    {
        var published = await s.GetRequiredService<ContentManager>().GetAsync(id);
        Assert.Equal(version, published!.Version);
        Assert.Equal(title, published.DisplayText);
    });
}

public sealed class SqliteChangeAfterGateTests() : ChangeAfterGateTests(DatabaseProvider.Sqlite);

// SQLite only: sending an item back after a change is the chain's rule in the application; the save and its transaction run on PostgreSQL in PostgresWorkflowChainTests and PostgresAfterCommitTests.
