using CucThongKe.Core.Setup;

namespace CucThongKe.Workflows.Definitions;

/// <summary>
/// Gives the news chain (<c>quy-trinh-duyet-tin</c>) of sites set up before issue 16 the steps the setup recipe now has: take a published
/// item down ("Gỡ xuống", with a reason), rework it, and archive it, each a recorded step like the others. A site whose chain already
/// has a taken-down or archived state, or was changed so that the steps do not fit, keeps its chain as it is.
/// </summary>
internal sealed class WithdrawalStepsUpgrade(WorkflowDefinitionStore definitions) : ISiteUpgrade
{
    public const string Workflow = "quy-trinh-duyet-tin";

    public string Name => "workflows-withdrawal-steps";

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        if (await definitions.GetAsync(Workflow, cancellationToken) is not { } definition
            || definition.States.Any(s => s.Kind is WorkflowStateKind.Unpublished or WorkflowStateKind.Archived)
            || definition.FindState("Published") is null || definition.FindState("Rejected") is null || definition.FindState(definition.InitialState) is null
            || definition.States.Any(s => s.Name is "Unpublished" or "Archived")
            || definition.Transitions.Any(t => t.Name is "unpublish" or "rework" or "archive" or "archive-unpublished" or "archive-rejected"))
        {
            return;
        }

        string[] takers = ["Publisher", "BoardHead"];
        definition.States.Add(new WorkflowState
        {
            Name = "Unpublished",
            DisplayName = "Đã gỡ xuống",
            Kind = WorkflowStateKind.Unpublished,
            Actions = [new() { Type = WorkflowActionType.Unpublish }, new() { Type = WorkflowActionType.Notify, Author = true }, new() { Type = WorkflowActionType.Notify, Roles = ["UnitHead"], SameUnit = true }],
        });
        definition.States.Add(new WorkflowState { Name = "Archived", DisplayName = "Đã lưu trữ", Kind = WorkflowStateKind.Archived, Actions = [new() { Type = WorkflowActionType.Unpublish }] });
        definition.Transitions.Add(new WorkflowTransition { Name = "unpublish", DisplayName = "Gỡ xuống", From = "Published", To = "Unpublished", Roles = [.. takers], CommentRequired = true });
        definition.Transitions.Add(new WorkflowTransition { Name = "rework", DisplayName = "Sửa lại để đăng lại", From = "Unpublished", To = definition.InitialState, Roles = ["Contributor", "UnitHead"], SameUnitAsAuthor = true });
        definition.Transitions.Add(new WorkflowTransition { Name = "archive", DisplayName = "Lưu trữ", From = "Published", To = "Archived", Roles = [.. takers] });
        definition.Transitions.Add(new WorkflowTransition { Name = "archive-unpublished", DisplayName = "Lưu trữ", From = "Unpublished", To = "Archived", Roles = [.. takers] });
        definition.Transitions.Add(new WorkflowTransition { Name = "archive-rejected", DisplayName = "Lưu trữ", From = "Rejected", To = "Archived", Roles = [.. takers] });
        // A chain the validator would now refuse (a role removed since, say) stays as it was: the upgrade never breaks a working chain.
        await definitions.SaveAsync(definition, cancellationToken);
    }
}
