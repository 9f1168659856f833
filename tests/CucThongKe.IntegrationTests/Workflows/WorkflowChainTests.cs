using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>The regulation's chain through the JSON API, with five people in five roles; every way around it refused. Run on SQLite and PostgreSQL.</summary>
public abstract class WorkflowChainTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private static readonly string[] CongVan = ["cong-van"];

    [Fact]
    public async Task Five_people_in_five_roles_take_a_news_item_from_draft_to_the_public_site_and_every_step_is_recorded()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Hội nghị tổng kết công tác thống kê năm 2026");
        var created = await ReadAsync(await (await ApiAsync(Contributor)).GetAsync($"/api/content/{id}"));
        var path = created["content"]!["AutoroutePart"]!["Path"]!.GetValue<string>();
        var versionId = created["versionId"]!.GetValue<long>();

        var draft = await StatusAsync(id, Contributor);
        Assert.Equal("Draft", draft["state"]!["name"]!.GetValue<string>());
        Assert.Equal(["submit"], draft["transitions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Empty((await StatusAsync(id, Publisher))["transitions"]!.AsArray());

        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"), (Secretary, "present"), (BoardHead, "approve"));
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync("/" + path));
        var publish = await TransitionAsync(Publisher, id, "publish", expectedVersion: 1);

        AssertStatus(HttpStatusCode.OK, publish);
        var status = await ReadAsync(publish);
        Assert.Equal("Published", status["state"]!["name"]!.GetValue<string>());
        Assert.True(status["published"]!.GetValue<bool>());
        var record = status["record"]!.AsArray();
        Assert.Equal(
            ["submit|Draft|UnitReview|ctv.tonghop|Contributor|phong-tong-hop",
             "send-to-board|UnitReview|BoardSecretary|tp.tonghop|UnitHead|phong-tong-hop",
             "present|BoardSecretary|BoardHead|thuky|BoardSecretary|phong-thanh-tra",
             "approve|BoardHead|Approved|truongban|BoardHead|lanh-dao-cuc",
             "publish|Approved|Published|dangtin|Publisher|phong-thanh-tra"],
            record.Select(s => $"{s!["transition"]}|{s["from"]}|{s["to"]}|{s["userName"]}|{s["role"]}|{s["unitId"]}"));
        Assert.All(record, s => Assert.Equal(versionId, s!["contentItemVersionId"]!.GetValue<long>()));
        Assert.All(record, s => Assert.Equal("30/11/2026 09:00", s!["createdVietnamTime"]!.GetValue<string>()));
        var page = await Client().GetAsync("/" + path);
        AssertStatus(HttpStatusCode.OK, page);
        Assert.Contains("Hội nghị tổng kết công tác thống kê năm 2026", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Site.WithScopeAsync(async s =>
        {
            var published = await s.GetRequiredService<ContentManager>().GetAsync(id);
            Assert.Equal(versionId, published!.Id);
            Assert.Equal(PublishSource.GoverningProcess, published.PublishSource);
            Assert.Equal(Publisher, published.PublishedBy);
            var notes = await s.GetRequiredService<WorkflowNotifier>().ListAsync(Contributor, 10);
            Assert.Contains(notes, n => n.ContentItemId == id && n.Message.Contains("Đã đăng", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_contributor_cannot_publish_and_nothing_changes()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin của cộng tác viên");
        await AdvanceAsync(id, ToApproved);
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Contributor, id, "publish"));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task A_unit_head_of_another_unit_cannot_send_the_item_to_the_board()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin của Phòng Tổng hợp");
        await AdvanceAsync(id, (Contributor, "submit"));
        var before = await FootprintAsync(id);

        var response = await TransitionAsync(OtherUnitHead, id, "send-to-board");

        await AssertProblemAsync(HttpStatusCode.Forbidden, response);
        Assert.Contains("đơn vị", (await ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task Nobody_skips_the_secretary()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin cần Thư ký tổng hợp");
        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"));
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(BoardHead, id, "approve"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(UnitHead, id, "present"));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task The_board_secretary_cannot_approve()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin chờ Trưởng Ban");
        await AdvanceAsync(id, ToBoardHead);
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Secretary, id, "approve"));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task A_change_after_approval_sends_the_item_back_to_review_and_only_the_version_approved_again_is_published()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Số liệu sơ bộ tháng 11");
        await AdvanceAsync(id, ToApproved);

        var edit = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Số liệu sơ bộ tháng 11 (đã sửa)") }));
        AssertStatus(HttpStatusCode.OK, edit);
        var afterEdit = await StatusAsync(id);
        // Back to the unit check (the setup recipe's ChangedAfterApprovalState): every gate sees the new version.
        Assert.Equal("UnitReview", afterEdit["state"]!["name"]!.GetValue<string>());
        Assert.Null(afterEdit["approvedVersionId"]);
        Assert.Equal("content-changed", afterEdit["record"]!.AsArray().Last()!["transition"]!.GetValue<string>());
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Publisher, id, "publish"));
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Publisher, id, "publish", expectedVersion: 2));
        Assert.Equal(before, await FootprintAsync(id));

        // The engine's own path refuses too: the workflow source publishes only the approved version.
        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var latest = await contents.GetAsync(id, VersionOptions.Latest);
            await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
                contents.PublishAsync(id, latest!.Id, new PublishRequest(PublishSource.GoverningProcess, Publisher)));
        });
        Assert.Equal(before, await FootprintAsync(id));

        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(BoardHead, id, "approve", expectedVersion: 1));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "send-to-board", expectedVersion: 2));
        await AdvanceAsync(id, (Secretary, "present"), (BoardHead, "approve"), (Publisher, "publish"));
        await Site.WithScopeAsync(async s =>
        {
            var published = await s.GetRequiredService<ContentManager>().GetAsync(id);
            Assert.Equal(2, published!.Version);
            Assert.Equal("Số liệu sơ bộ tháng 11 (đã sửa)", published.DisplayText);
        });
    }

    [Fact]
    public async Task A_scheduled_publication_is_refused_when_the_content_changed_after_approval()
    {
        await AddPeopleAsync();
        var release = Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var id = await CreateScheduledNewsAsync("Thông cáo báo chí quý IV", release);
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        var scheduled = await StatusAsync(id);
        Assert.Equal("Published", scheduled["state"]!["name"]!.GetValue<string>());
        Assert.False(scheduled["published"]!.GetValue<bool>());

        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new
        {
            expectedVersion = 1,
            content = new
            {
                TitlePart = new { Title = "Thông cáo báo chí quý IV (sửa sau khi duyệt)" },
                News = new { Category = new { TermIds = Activities } },
                PublishLaterPart = new { ScheduledPublishUtc = release },
            },
        })));
        var published = await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishDueAsync(release.AddHours(1)));

        Assert.Equal(0, published);
        Assert.Equal("Draft", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
        await Site.WithScopeAsync(async s => Assert.Null(await s.GetRequiredService<ContentManager>().GetAsync(id)));
    }

    [Fact]
    public async Task A_publisher_cannot_publish_a_version_other_than_the_approved_one()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin đã duyệt bản 1");
        await AdvanceAsync(id, ToApproved);
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Publisher, id, "publish", expectedVersion: 2));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task An_administrator_cannot_publish_a_governed_item_directly_or_through_a_step_of_the_chain()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin quản trị muốn đăng");
        await AdvanceAsync(id, ToApproved);
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(TestSite.AdminUserName, id, "publish"));
        foreach (var step in new[] { "approve", "present", "send-to-board" })
        {
            var refused = await TransitionAsync(TestSite.AdminUserName, id, step);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden, $"{step}: {refused.StatusCode}");
        }

        await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var latest = await contents.GetAsync(id, VersionOptions.Latest);
            await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
                contents.PublishAsync(id, latest!.Id, new PublishRequest(PublishSource.Direct, TestSite.AdminUserName)));
        });
        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task A_recipe_importing_a_published_governed_item_without_the_flag_is_refused_and_leaves_no_workflow_trace()
    {
        var before = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<WorkflowInstance>().CountAsync());

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync("governed-without-import-flag.recipe.json"));

        Assert.Contains("LegacyImport", error.Message, StringComparison.Ordinal);
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            Assert.Equal(before, await db.Set<WorkflowInstance>().CountAsync());
            Assert.Equal(0, await db.Set<WorkflowStep>().CountAsync());
            Assert.False(await db.Set<ContentItem>().AnyAsync(c => c.DisplayText == "Tin đăng lén"));
        });
    }

    [Fact]
    public async Task A_legacy_import_with_the_flag_is_recorded_in_the_workflow()
    {
        await RunRecipeAsync("demo-import.recipe.json");

        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var imported = await db.Set<WorkflowStep>().Where(x => x.Transition == WorkflowStep.Events.LegacyImport).ToListAsync();
            Assert.NotEmpty(imported);
            Assert.All(imported, x => Assert.Equal("Published", x.ToState));
        });
    }

    [Fact]
    public async Task A_confidential_legal_document_is_never_sent_forward_nor_imported_as_published()
    {
        await AddPeopleAsync();
        var create = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new
        {
            contentType = "LegalDocument",
            content = new
            {
                TitlePart = new { Title = "Công văn mật về phương án điều tra" },
                LegalDocument = new
                {
                    Number = new { Text = "15/CTK-M" },
                    DocumentType = new { TermIds = CongVan },
                    IssuingBody = new { Text = "Cục Thống kê tỉnh Thái Nguyên" },
                    IssueDate = new { Value = "2026-11-20" },
                    Confidential = new { Value = true },
                },
            },
        }));
        AssertStatus(HttpStatusCode.Created, create);
        var id = (await ReadAsync(create))["contentItemId"]!.GetValue<string>();
        var before = await FootprintAsync(id);

        var response = await TransitionAsync(Contributor, id, "submit");

        await AssertProblemAsync(HttpStatusCode.Forbidden, response);
        Assert.Contains("mật", (await ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
        var import = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync("confidential-import.recipe.json"));
        Assert.Contains("mật", import.Message, StringComparison.Ordinal);
        await Site.WithScopeAsync(async s => Assert.False(await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AnyAsync(c => c.DisplayText == "Công văn mật về số liệu")));
    }

    [Fact]
    public async Task Two_people_acting_at_once_one_wins_the_other_gets_a_conflict_and_the_record_shows_one_step()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin được xử lý cùng lúc");
        await AdvanceAsync(id, ToBoardHead);
        var head = await ApiAsync(BoardHead);
        var head2 = await ApiAsync(BoardHead);

        var responses = await Task.WhenAll(
            head.PostAsync($"/api/workflow/{id}/transitions/approve", Json(new { comment = "Duyệt." })),
            head2.PostAsync($"/api/workflow/{id}/transitions/reject", Json(new { comment = "Không duyệt." })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var record = (await StatusAsync(id))["record"]!.AsArray();
        Assert.Equal(4, record.Count);
        Assert.Single(record, s => s!["from"]!.GetValue<string>() == "BoardHead");
    }

    [Fact]
    public async Task A_return_needs_a_comment_goes_back_to_the_author_who_resubmits()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin cần sửa lại");
        await AdvanceAsync(id, (Contributor, "submit"));
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.BadRequest, await TransitionAsync(UnitHead, id, "unit-return"));
        Assert.Equal(before, await FootprintAsync(id));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(UnitHead, id, "unit-return", comment: "Bổ sung số liệu quý III."));
        var returned = await StatusAsync(id, Contributor);

        Assert.Equal("Returned", returned["state"]!["name"]!.GetValue<string>());
        Assert.Equal("Bổ sung số liệu quý III.", returned["record"]!.AsArray().Last()!["comment"]!.GetValue<string>());
        Assert.Equal(["resubmit"], returned["transitions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        await Site.WithScopeAsync(async s => Assert.Contains(await s.GetRequiredService<WorkflowNotifier>().ListAsync(Contributor, 10),
            n => n.Message.Contains("Bổ sung số liệu quý III.", StringComparison.Ordinal)));
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Tin cần sửa lại (đã bổ sung)") })));
        await AdvanceAsync(id, (Contributor, "resubmit"));
        Assert.Equal("UnitReview", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_record_cannot_be_changed_or_deleted_through_the_application()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin có nhật ký");
        await AdvanceAsync(id, (Contributor, "submit"));

        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var step = await db.Set<WorkflowStep>().SingleAsync(x => x.ContentItemId == id);
            step.Comment = "Sửa lén";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Remove(await db.Set<WorkflowStep>().SingleAsync(x => x.ContentItemId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        var record = (await StatusAsync(id))["record"]!.AsArray();
        Assert.Equal("Đồng ý.", Assert.Single(record)!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin đang được sửa");
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Tin đang được sửa, bản 2") })));
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Contributor, id, "submit", expectedVersion: 1));
        await AssertProblemAsync(HttpStatusCode.Conflict, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Bản cũ ghi đè") })));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task The_inbox_shows_each_person_what_waits_for_them_by_role_and_unit()
    {
        await AddPeopleAsync();
        var ours = await CreateNewsAsync("Tin của Phòng Tổng hợp chờ duyệt");
        var theirs = await CreateNewsAsync("Tin của Chi cục Đại Từ chờ duyệt", OtherContributor);
        await AdvanceAsync(ours, (Contributor, "submit"));
        await AdvanceAsync(theirs, (OtherContributor, "submit"));

        await Site.WithScopeAsync(async s =>
        {
            var workflows = s.GetRequiredService<WorkflowInbox>();
            var unitHead = await workflows.InboxAsync(new WorkflowActor(UnitHead, "phong-tong-hop", new HashSet<string> { "UnitHead" }));
            var secretary = await workflows.InboxAsync(new WorkflowActor(Secretary, "phong-thanh-tra", new HashSet<string> { "BoardSecretary" }));
            Assert.Equal([ours], unitHead.Where(e => e.State.Name == "UnitReview").Select(e => e.Instance.ContentItemId));
            Assert.Empty(secretary);
        });
    }
}

public sealed class SqliteWorkflowChainTests() : WorkflowChainTests(DatabaseProvider.Sqlite);

public sealed class PostgresWorkflowChainTests() : WorkflowChainTests(DatabaseProvider.Postgres);
