using System.Text.Json.Serialization;

namespace CucThongKe.Workflows.Definitions;

/// <summary>An approval workflow (quy trình duyệt): its states, the transitions between them and who may take each.</summary>
/// <remarks>Read from recipes and stored as data; the same shape is what the <c>WorkflowDefinitions</c> step reads and the exporter writes.</remarks>
public sealed class WorkflowDefinition
{
    /// <summary>The name content types use in <c>Settings.Workflow</c>, e.g. <c>quy-trinh-duyet-tin</c>.</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>The content types this workflow governs; each must name it in its <c>Settings.Workflow</c>.</summary>
    public List<string> ContentTypes { get; init; } = [];

    /// <summary>The state a new item starts in (a state of kind <see cref="WorkflowStateKind.Draft"/>).</summary>
    public required string InitialState { get; init; }

    /// <summary>Where an approved item goes when its content changes after approval (a state in review); by default the first review gate.</summary>
    public string? ChangedAfterApprovalState { get; init; }

    /// <summary>Separation of duties: one person performs at most one gate (author, each review, publication) of an item's path
    /// to publication, and the author none of the others. On unless a definition turns it off with a written <see cref="SeparationOfDutiesWaiver"/>.</summary>
    public bool SeparationOfDuties { get; init; } = true;

    /// <summary>Why this workflow lets one person hold several gates (required when <see cref="SeparationOfDuties"/> is off; recorded on each step it allows).</summary>
    public string? SeparationOfDutiesWaiver { get; init; }

    public List<WorkflowState> States { get; init; } = [];

    public List<WorkflowTransition> Transitions { get; init; } = [];

    public WorkflowState? FindState(string name) => States.FirstOrDefault(s => s.Name == name);

    public WorkflowTransition? FindTransition(string name) => Transitions.FirstOrDefault(t => t.Name == name);

    /// <summary>The state an approved item returns to when it is changed: the configured one, or the first review gate.</summary>
    [JsonIgnore]
    public WorkflowState ReviewAfterChange =>
        (ChangedAfterApprovalState is null ? null : FindState(ChangedAfterApprovalState)) ?? FirstReviewState;

    /// <summary>The first review gate: the state in review a submission from the initial state enters (else the first state in review).</summary>
    [JsonIgnore]
    public WorkflowState FirstReviewState =>
        Transitions.Where(t => t.From == InitialState).Select(t => FindState(t.To)).FirstOrDefault(s => s?.Kind == WorkflowStateKind.InReview)
        ?? States.First(s => s.Kind == WorkflowStateKind.InReview);

    /// <summary>The gate of the chain <paramref name="transition"/> performs, or null for a step that is no gate (a return, a rejection).</summary>
    /// <remarks>
    /// Derived from the states' kinds, not their names: leaving a draft or returned state for review is the author's submission;
    /// every decision taken in a state in review (sending on, approving, returning, rejecting) is that state's review gate;
    /// entering a published state is publication.
    /// </remarks>
    public string? GateOf(WorkflowTransition transition)
    {
        var (from, to) = (FindState(transition.From), FindState(transition.To));
        return (from?.Kind, to?.Kind) switch
        {
            (WorkflowStateKind.Draft or WorkflowStateKind.Returned, WorkflowStateKind.InReview or WorkflowStateKind.Approved or WorkflowStateKind.Published) => AuthorGate,
            (_, WorkflowStateKind.Published) => PublicationGate,
            (WorkflowStateKind.InReview, _) => "review:" + from!.Name,
            _ => null,
        };
    }

    /// <summary>The author's gate: writing the item and submitting it for review.</summary>
    public const string AuthorGate = "author";

    /// <summary>The publication gate.</summary>
    public const string PublicationGate = "publish";

    [JsonIgnore]
    public WorkflowState? PublishedState => States.FirstOrDefault(s => s.Kind == WorkflowStateKind.Published);
}

/// <summary>What a state means to the site; the engine's rules (approval, publishing, going back) follow from it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStateKind>))]
public enum WorkflowStateKind
{
    /// <summary>Being written by the author's unit.</summary>
    Draft,

    /// <summary>Waiting for a reviewer (unit head, secretary, board head).</summary>
    InReview,

    /// <summary>Approved by the board head: the approved version is fixed.</summary>
    Approved,

    /// <summary>On the public site (or scheduled for its release time).</summary>
    Published,

    /// <summary>Sent back to the author with a comment.</summary>
    Returned,

    /// <summary>Refused for good.</summary>
    Rejected,

    /// <summary>Taken off the public site after publication (gỡ xuống): its state runs <see cref="WorkflowActionType.Unpublish"/>;
    /// the author's unit may rework it and submit it again.</summary>
    Unpublished,

    /// <summary>Kept for the record only (lưu trữ): off the public site, no further step expected.</summary>
    Archived,
}

/// <summary>The kinds of state as the back office names them.</summary>
public static class WorkflowStateKinds
{
    public static string Name(WorkflowStateKind kind) => kind switch
    {
        WorkflowStateKind.Draft => "Bản nháp",
        WorkflowStateKind.InReview => "Đang duyệt",
        WorkflowStateKind.Approved => "Đã duyệt",
        WorkflowStateKind.Published => "Đã đăng",
        WorkflowStateKind.Returned => "Trả lại",
        WorkflowStateKind.Rejected => "Không duyệt",
        WorkflowStateKind.Unpublished => "Đã gỡ xuống",
        WorkflowStateKind.Archived => "Lưu trữ",
        _ => kind.ToString(),
    };
}

/// <summary>One state of a workflow.</summary>
public sealed class WorkflowState
{
    public required string Name { get; init; }

    /// <summary>The Vietnamese name shown in the back office.</summary>
    public required string DisplayName { get; init; }

    public WorkflowStateKind Kind { get; init; }

    /// <summary>How long an item may wait in this state; null for no deadline.</summary>
    public WorkflowDeadline? Deadline { get; init; }

    /// <summary>What happens when an item enters the state.</summary>
    public List<WorkflowAction> Actions { get; init; } = [];

    /// <summary>A state where the item may become public.</summary>
    [JsonIgnore]
    public bool IsPublishing => Kind is WorkflowStateKind.Approved or WorkflowStateKind.Published;
}

/// <summary>A deadline for a state and who is told when it passes.</summary>
public sealed class WorkflowDeadline
{
    /// <summary>Hours after the item entered the state.</summary>
    public int? Hours { get; init; }

    /// <summary>Working days (Monday to Friday, Vietnam time) after the item entered the state.</summary>
    public int? WorkingDays { get; init; }

    /// <summary>The end of the day the item entered the state, Vietnam time ("trong ngày", Điều 9.3).</summary>
    public bool SameDay { get; init; }

    /// <summary>The roles told when the deadline passes.</summary>
    public List<string> EscalateTo { get; init; } = [];

    /// <summary>Only the escalation roles' members in the item's unit are told (the unit head of that unit, for one).</summary>
    public bool EscalateSameUnit { get; init; }

    /// <summary>Roles told only in the item's unit, beside <see cref="EscalateTo"/> (e.g. the unit head of the author's unit,
    /// while the board secretary is told of every unit's item): another unit's head is never told of this unit's drafts.</summary>
    public List<string> EscalateToUnit { get; init; } = [];
}

/// <summary>A move from one state to another, and who may make it.</summary>
public sealed class WorkflowTransition
{
    public required string Name { get; init; }

    /// <summary>The button's text, in Vietnamese.</summary>
    public required string DisplayName { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>The roles allowed; an administrator is not allowed unless named (nobody goes around the chain).</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>The actor must belong to the unit of the item's author (the unit head of that unit, Điều 9.5.c).</summary>
    public bool SameUnitAsAuthor { get; init; }

    public bool CommentRequired { get; init; }
}

/// <summary>What to do when an item enters a state.</summary>
public sealed class WorkflowAction
{
    public WorkflowActionType Type { get; init; }

    /// <summary>For <see cref="WorkflowActionType.Notify"/>: the roles told.</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>For <see cref="WorkflowActionType.Notify"/>: only the roles' members in the item's unit.</summary>
    public bool SameUnit { get; init; }

    /// <summary>For <see cref="WorkflowActionType.Notify"/>: the item's author is told.</summary>
    public bool Author { get; init; }
}

/// <summary>The kinds of action a state can run on entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowActionType>))]
public enum WorkflowActionType
{
    /// <summary>Publish the approved version, at once or at its publish-later time.</summary>
    Publish,

    /// <summary>Take the item off the public site.</summary>
    Unpublish,

    /// <summary>Tell roles or the author (in the back office).</summary>
    Notify,
}
