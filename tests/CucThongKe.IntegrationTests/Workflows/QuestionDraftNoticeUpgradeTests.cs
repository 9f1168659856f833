using System.Text.Json.Nodes;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Setup;
using CucThongKe.Tests.Site;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>A site set up before questions reached their unit gets the notice and the same-day deadline in the first state of
/// its stored <c>quy-trinh-hoi-dap</c>, once, recorded; a site whose first state has its own keeps them.</summary>
public abstract class QuestionDraftNoticeUpgradeTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Fact]
    public async Task An_old_question_workflow_gets_the_notice_and_deadline_and_a_customised_one_is_kept()
    {
        // As an old site stored it: the first state without actions nor deadline.
        await RewriteDraftAsync(draft =>
        {
            draft.Remove("Actions");
            draft.Remove("Deadline");
        });

        await UpgradeAsync();

        var draft = (await DraftAsync())!;
        var notify = Assert.Single(draft.Actions);
        Assert.Equal((WorkflowActionType.Notify, true), (notify.Type, notify.SameUnit));
        Assert.Equal(["UnitHead", "Contributor"], notify.Roles);
        Assert.True(draft.Deadline!.SameDay);
        Assert.Equal(["BoardSecretary", "BoardHead"], draft.Deadline.EscalateTo);
        Assert.Equal(["UnitHead"], draft.Deadline.EscalateToUnit);
        Assert.Contains(await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().Select(e => e.Subject).ToListAsync()),
            subject => subject == QuestionDraftNoticeUpgrade.Workflow);

        // A site that chose whom to tell and when keeps its choice.
        await RewriteDraftAsync(draft =>
        {
            draft["Actions"] = new JsonArray(new JsonObject { ["Type"] = "Notify", ["Roles"] = new JsonArray("BoardSecretary") });
            draft["Deadline"] = new JsonObject { ["Hours"] = 4, ["EscalateTo"] = new JsonArray("BoardHead") };
        });
        var before = await DatabaseSnapshot.TakeAsync(Site);

        await UpgradeAsync();

        await before.AssertUnchangedAsync(Site);
        Assert.Equal(["BoardSecretary"], Assert.Single((await DraftAsync())!.Actions).Roles);
    }

    private Task UpgradeAsync() => Site.WithScopeAsync(s =>
        s.GetServices<ISiteUpgrade>().Single(u => u.Name == "Workflows.QuestionDraftNotice").UpgradeAsync(default));

    private Task<WorkflowState?> DraftAsync() => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<WorkflowDefinitionStore>().GetAsync(QuestionDraftNoticeUpgrade.Workflow))!.FindState("Draft"));

    private Task RewriteDraftAsync(Action<JsonObject> change) => Site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        var record = await db.Set<WorkflowDefinitionRecord>().SingleAsync(r => r.Name == QuestionDraftNoticeUpgrade.Workflow);
        var json = JsonNode.Parse(record.Json)!.AsObject();
        change(json["States"]!.AsArray().Single(st => st!["Name"]!.GetValue<string>() == "Draft")!.AsObject());
        record.Json = json.ToJsonString();
        await db.SaveChangesAsync();
    });
}

public sealed class SqliteQuestionDraftNoticeUpgradeTests() : QuestionDraftNoticeUpgradeTests(DatabaseProvider.Sqlite);
