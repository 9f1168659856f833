using CucThongKe.Core.Setup;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Workflows.Definitions;

/// <summary>
/// Sites set up before a citizen's question reached its unit (issue 13) hold a <c>quy-trinh-hoi-dap</c> whose first state
/// tells nobody and has no deadline: this gives that state what the setup recipe now gives a new site (the unit's head and
/// staff notified at once, the same-day deadline of Điều 9.3 escalated to the board and the unit head), once, through the
/// store (validated and in the admin-audit log). A site whose first state already notifies or has a deadline keeps its own.
/// </summary>
internal sealed class QuestionDraftNoticeUpgrade(WorkflowDefinitionStore store, ILogger<QuestionDraftNoticeUpgrade> logger) : ISiteUpgrade
{
    public const string Workflow = "quy-trinh-hoi-dap";

    public string Name => "Workflows.QuestionDraftNotice";

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Workflow, cancellationToken) is not { } definition)
        {
            return;
        }

        var index = definition.States.FindIndex(s => s.Name == definition.InitialState);
        if (index < 0)
        {
            return;
        }

        var draft = definition.States[index];
        var notifies = draft.Actions.Any(a => a.Type == WorkflowActionType.Notify);
        if (notifies && draft.Deadline is not null)
        {
            return;
        }

        definition.States[index] = new WorkflowState
        {
            Name = draft.Name,
            DisplayName = draft.DisplayName,
            Kind = draft.Kind,
            Deadline = draft.Deadline ?? new WorkflowDeadline { SameDay = true, EscalateTo = ["BoardSecretary", "BoardHead"], EscalateToUnit = ["UnitHead"] },
            Actions = notifies ? draft.Actions : [.. draft.Actions, new WorkflowAction { Type = WorkflowActionType.Notify, Roles = ["UnitHead", "Contributor"], SameUnit = true }],
        };
        var errors = await store.SaveAsync(definition, cancellationToken);
        if (errors.Count > 0)
        {
            // A site without the regulation's roles: its administrator adds the notice by hand; start-up goes on.
            logger.LogWarning("Không bổ sung được thông báo, hạn xử lý cho bước đầu của {Workflow}: {Errors}", Workflow, string.Join("; ", errors.Select(e => e.Message)));
        }
    }
}
