using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>Who performed which gate of an item's current path to publication (its round), read from the record.</summary>
/// <remarks>
/// A round begins when the item leaves a draft or returned state (its submission) and lasts until it is back in one:
/// a return to the author, or a change to a published item, starts the next round with the next submission.
/// A change while in review sends the item back to the first gate within the same round, so the people who already
/// held a gate keep it: each may repeat their own gate, none may take another.
/// </remarks>
public sealed class WorkflowRound
{
    private readonly List<(string Gate, string User, string Label)> _gates = [];

    private WorkflowRound(string? author) => Author = author;

    /// <summary>The item's creator, who holds the author's gate in every round.</summary>
    public string? Author { get; }

    /// <summary>The round of the item as its record (ordered by sequence) shows it.</summary>
    public static WorkflowRound Of(WorkflowDefinition definition, WorkflowInstance instance, IEnumerable<WorkflowStep> record)
    {
        var round = new WorkflowRound(instance.Author);
        foreach (var step in record)
        {
            var from = step.FromState is null ? null : definition.FindState(step.FromState);
            var transition = definition.FindTransition(step.Transition);
            if (transition is not null && from?.Kind is WorkflowStateKind.Draft or WorkflowStateKind.Returned)
            {
                round._gates.Clear();
            }

            if (definition.FindState(step.ToState)?.Kind is WorkflowStateKind.Draft or WorkflowStateKind.Returned)
            {
                round._gates.Clear();
                continue;
            }

            if (transition is not null && step.UserName is not null && definition.GateOf(transition) is { } gate)
            {
                round._gates.Add((gate, step.UserName, transition.DisplayName));
            }
        }

        return round;
    }

    /// <summary>Why <paramref name="userName"/> may not perform <paramref name="transition"/>'s gate in this round, or null.</summary>
    public string? Refusal(WorkflowDefinition definition, WorkflowTransition transition, string userName)
    {
        if (definition.GateOf(transition) is not { } gate)
        {
            return null;
        }

        var authors = _gates.Where(g => g.Gate == WorkflowDefinition.AuthorGate).Select(g => g.User).Append(Author);
        if (gate != WorkflowDefinition.AuthorGate && authors.Contains(userName, StringComparer.Ordinal))
        {
            return $"Bạn là tác giả (người soạn hoặc gửi duyệt) của nội dung này; tác giả không được tự thực hiện '{transition.DisplayName}'. " +
                "Mỗi khâu của quy trình duyệt phải do một người khác thực hiện (tách bạch nhiệm vụ).";
        }

        var other = _gates.FirstOrDefault(g => g.User == userName && g.Gate != gate);
        return other.User is null
            ? null
            : $"Bạn đã thực hiện '{other.Label}' cho nội dung này; một người không được giữ hai khâu của quy trình duyệt (tách bạch nhiệm vụ), " +
              $"nên '{transition.DisplayName}' phải do người khác thực hiện.";
    }
}
