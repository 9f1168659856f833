using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Issue 13's routing bug: a citizen's question belongs to the unit chosen on the public form (or the triage unit), its
/// head and staff are told at once, the same-day deadline (Điều 9.3) is in their inbox and on the dashboard, overdue
/// questions reach the board, and only that unit acts on it; a recipe's draft belongs to its runner's unit.
/// </summary>
public abstract class QuestionRoutingTests(DatabaseProvider provider) : CitizenServicesTestBase(provider)
{
    private const string Text = "Xin cho biết tổng sản phẩm trên địa bàn tỉnh Thái Nguyên năm 2025 tăng bao nhiêu phần trăm?";

    [Fact]
    public async Task A_question_sent_to_a_unit_reaches_its_head_the_same_day_and_only_that_unit_takes_it_through_the_chain()
    {
        await AddPeopleAsync();

        var id = await AskAsync("phong-tong-hop", Text);

        var stored = await LatestAsync(id);
        Assert.Equal("phong-tong-hop", stored.UnitId);
        Assert.Null(stored.Owner);
        var status = await StatusAsync(id, UnitHead);
        Assert.Equal("Draft", status["state"]!["name"]!.GetValue<string>());
        // Sent Monday 09:00 in Vietnam: due at midnight, 17:00 UTC (Điều 9.3: reported to the unit head within the day).
        var due = new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(due, status["dueUtc"]!.GetValue<DateTime>());
        await Site.WithScopeAsync(async s =>
        {
            var notifier = s.GetRequiredService<WorkflowNotifier>();
            Assert.Single(await notifier.ListAsync(UnitHead, 20), n => n.ContentItemId == id);
            Assert.Single(await notifier.ListAsync(Contributor, 20), n => n.ContentItemId == id);
            Assert.DoesNotContain(await notifier.ListAsync(OtherUnitHead, 20), n => n.ContentItemId == id);
        });
        var head = await SignedInAsync(UnitHead);
        var inbox = WebUtility.HtmlDecode(await head.GetStringAsync("/admin/quy-trinh"));
        Assert.Contains($">{stored.DisplayText}</a>", inbox, StringComparison.Ordinal);
        Assert.Contains(VietnamTime.Format(due), inbox, StringComparison.Ordinal);
        Assert.Contains($"hạn {VietnamTime.Format(due)}", WebUtility.HtmlDecode(await head.GetStringAsync("/admin")), StringComparison.Ordinal);

        // Another unit's head neither sees nor acts on it.
        await AssertProblemAsync(HttpStatusCode.Forbidden, await (await ApiAsync(OtherUnitHead)).GetAsync($"/api/workflow/{id}"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await (await ApiAsync(OtherUnitHead)).GetAsync($"/api/content/{id}"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(OtherContributor, id, "submit"));

        // The unit writes the answer and reports it to its head; a contributor cannot take the head's step, another unit's head neither.
        var content = stored.Content.DeepClone().AsObject();
        content["Question"]!["Answer"] = new JsonObject { ["Html"] = "<p>Năm 2025, GRDP của tỉnh ước tăng 8,1% so với năm trước.</p>" };
        AssertStatus(HttpStatusCode.OK, await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content })));
        await AdvanceAsync(id, (Contributor, "submit"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Contributor, id, "send-to-board"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(OtherUnitHead, id, "send-to-board"));
        await AdvanceAsync(id, (UnitHead, "send-to-board"));
        Assert.Equal("BoardSecretary", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_question_for_no_known_unit_goes_to_the_triage_unit_and_when_overdue_reaches_the_board()
    {
        await AddPeopleAsync();

        var id = await AskAsync(CitizenUnits.Unknown, Text);

        Assert.Equal("van-phong", (await LatestAsync(id)).UnitId);
        Clock.Advance(TimeSpan.FromHours(16));
        var escalated = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync());
        Assert.Equal(1, escalated);
        await Site.WithScopeAsync(async s =>
        {
            var notifier = s.GetRequiredService<WorkflowNotifier>();
            Assert.Single(await notifier.ListAsync(Secretary, 20), n => n.ContentItemId == id && n.Reason == "deadline");
            Assert.Single(await notifier.ListAsync(BoardHead, 20), n => n.ContentItemId == id && n.Reason == "deadline");
            Assert.DoesNotContain(await notifier.ListAsync(UnitHead, 20), n => n.ContentItemId == id);
        });
    }

    [Fact]
    public async Task A_draft_a_recipe_imports_without_a_unit_belongs_to_its_runners_unit_and_its_runner_can_submit_it()
    {
        await AddPeopleAsync();

        await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            RecipeHarvester.ReadFile(TestRecipe("draft-without-unit.recipe.json")), RecipeRunOptions.CommandLine(UnitHead, legacyImport: false)));

        var draft = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>()
            .SingleAsync(c => c.Latest && c.DisplayText == "Tin nhập từ công thức, chờ gửi thủ trưởng"));
        Assert.Equal("phong-tong-hop", draft.UnitId);
        Assert.Equal(UnitHead, draft.Owner);
        await AdvanceAsync(draft.ContentItemId, (UnitHead, "submit"));
        Assert.Equal("UnitReview", (await StatusAsync(draft.ContentItemId))["state"]!["name"]!.GetValue<string>());
    }
}

public sealed class SqliteQuestionRoutingTests() : QuestionRoutingTests(DatabaseProvider.Sqlite);
