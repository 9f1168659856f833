using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>An overdue item's escalation tells its own unit's head and the board, never another unit's head (who may not see the draft).</summary>
public abstract class OverdueNoticeUnitTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    [Fact]
    public async Task An_item_overdue_at_the_unit_check_is_escalated_to_its_unit_head_and_the_secretary_not_to_another_units_head()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Dự thảo báo cáo chưa công bố của phòng Tổng hợp");
        await AdvanceAsync(id, (Contributor, "submit"));
        Clock.Advance(TimeSpan.FromDays(7));

        var escalated = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync());

        Assert.Equal(1, escalated);
        await Site.WithScopeAsync(async s =>
        {
            var notifier = s.GetRequiredService<WorkflowNotifier>();
            Assert.Single(await notifier.ListAsync(UnitHead, 20), n => n.Reason == "deadline" && n.ContentItemId == id);
            Assert.Single(await notifier.ListAsync(Secretary, 20), n => n.Reason == "deadline" && n.ContentItemId == id);
            Assert.DoesNotContain(await notifier.ListAsync(OtherUnitHead, 20), n => n.ContentItemId == id);
        });
    }
}

public sealed class SqliteOverdueNoticeUnitTests() : OverdueNoticeUnitTests(DatabaseProvider.Sqlite);

// SQLite only: who is told is decided in the application; the overdue query runs on PostgreSQL in PostgresWorkflowSupportTests (a question escalated after its deadline).
