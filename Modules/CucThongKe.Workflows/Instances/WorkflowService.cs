using System.Security.Claims;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Who acts: the user's name, unit and roles (from the sign-in cookie or an API token).</summary>
/// <param name="MayEmergencyPublish">Whether one of the user's roles names the emergency-publish permission (no administrator bypass).</param>
public sealed record WorkflowActor(string UserName, string? UnitId, IReadOnlySet<string> Roles, bool MayEmergencyPublish = false)
{
    public static WorkflowActor From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? throw new WorkflowForbiddenException("Cần đăng nhập."),
        user.FindFirst(CmsClaims.Unit)?.Value,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.HasClaim(CmsClaims.Permission, WorkflowsPermissions.EmergencyPublish.Name));
}

/// <summary>An item's place in its workflow as its reader sees it: the item, the state, the record, and what the reader may do now.</summary>
/// <param name="ScheduledPublishUtc">In a published state whose publication waits for its release time: that time.</param>
public sealed record WorkflowStatus(
    ContentItem Item,
    WorkflowDefinition Definition,
    WorkflowInstance Instance,
    WorkflowState State,
    IReadOnlyList<WorkflowStep> Record,
    IReadOnlyList<WorkflowTransition> Available,
    DateTime? ScheduledPublishUtc = null)
{
    /// <summary>The state as people read it: a published state waiting for its release time says so, with the time.</summary>
    public string StateDisplayName => WorkflowService.StateLabel(State, ScheduledPublishUtc);
}

/// <summary>Runs the approval chain: checks every transition (role, unit, comment, state, version), records it, and publishes exactly the approved version.</summary>
/// <remarks>
/// Each step is one unit of work (<see cref="UnitOfWork"/>) that the publication of its state's actions joins; following content
/// changes is <see cref="WorkflowTracker"/>'s, the inbox <see cref="WorkflowInbox"/>'s, deadlines <see cref="WorkflowEscalation"/>'s,
/// publication outside the chain <see cref="EmergencyPublication"/>'s.
/// </remarks>
public sealed class WorkflowService(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    WorkflowRecorder recorder,
    WorkflowStateActions actions,
    IContentPublisher publisher,
    TimeProvider clock)
{
    public const int MaxCommentLength = 4000;

    /// <summary>The editorial board (Ban Biên tập), told of every emergency publication (<see cref="EmergencyPublication"/>) and audited change.</summary>
    public static readonly string[] BoardRoles = ["BoardHead", "BoardMember", "BoardSecretary"];

    /// <summary>The item's state, record and the transitions <paramref name="actor"/> may take now.</summary>
    public async Task<WorkflowStatus> GetStatusAsync(string contentItemId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var (item, definition) = await recorder.LoadAsync(contentItemId, cancellationToken);
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken)
            ?? await recorder.NewInstanceAsync(definition, item, cancellationToken);
        var state = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình '{definition.DisplayName}'.");
        var record = await recorder.RecordOfAsync(contentItemId, cancellationToken);
        var round = WorkflowRound.Of(definition, instance, record);
        var available = definition.Transitions.Where(t => t.From == instance.State && Refusal(definition, t, actor, instance, round) is null).ToList();
        var scheduled = state.Kind == WorkflowStateKind.Published ? await actions.PendingPublicationUtcAsync(contentItemId, cancellationToken) : null;
        return new WorkflowStatus(item, definition, instance, state, record, available, scheduled);
    }

    /// <summary>"Đã lên lịch đăng lúc …" for a published state whose publication waits for <paramref name="scheduledUtc"/>; else the state's name.</summary>
    public static string StateLabel(WorkflowState state, DateTime? scheduledUtc) =>
        state.Kind == WorkflowStateKind.Published && scheduledUtc is not null
            ? $"Đã lên lịch đăng lúc {VietnamTime.Format(scheduledUtc)} (giờ Việt Nam)"
            : state.DisplayName;

    /// <summary>Takes <paramref name="transitionName"/> for the item, or throws and changes nothing.</summary>
    /// <param name="expectedVersion">The content version the actor looked at; another one is a conflict.</param>
    public Task<WorkflowInstance> TransitionAsync(string contentItemId, string transitionName, string? comment, int? expectedVersion, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        TransitionAtAsync(contentItemId, transitionName, comment, expectedVersion, actor, null, cancellationToken);

    /// <summary>Takes the transition with every check of <see cref="TransitionAsync"/>,
    /// recorded at a past time (a recipe's history, <see cref="Record.WorkflowHistoryRecipeStep"/>): not before the item's
    /// latest step or its creation, not after now. <paramref name="past"/>'s note (who wrote the history) is added to the comment after the checks.</summary>
    internal async Task<WorkflowInstance> TransitionAtAsync(string contentItemId, string transitionName, string? comment, int? expectedVersion, WorkflowActor actor, (DateTime AtUtc, string Note)? past, CancellationToken cancellationToken)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            throw new WorkflowInputException($"Ý kiến dài quá {MaxCommentLength} ký tự.");
        }

        return await unitOfWork.RunAsync(async _ =>
        {
            var (item, definition) = await recorder.LoadAsync(contentItemId, cancellationToken);
            var transition = definition.FindTransition(transitionName)
                ?? throw new WorkflowNotFoundException($"Quy trình '{definition.DisplayName}' không có bước '{transitionName}'.");
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
            if (instance is null)
            {
                instance = await recorder.NewInstanceAsync(definition, item, cancellationToken);
                db.Add(instance);
            }

            var current = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình.");
            var target = definition.FindState(transition.To)!;
            var record = await recorder.RecordOfAsync(contentItemId, cancellationToken);
            var round = WorkflowRound.Of(definition, instance, record);
            if (Refusal(definition, transition, actor, instance, round) is { } refusal)
            {
                throw new WorkflowForbiddenException(refusal);
            }

            if (transition.From != instance.State)
            {
                throw new WorkflowConflictException(
                    $"Nội dung đang ở bước '{current.DisplayName}'; chỉ '{transition.DisplayName}' được từ bước '{definition.FindState(transition.From)?.DisplayName ?? transition.From}'.");
            }

            if (transition.CommentRequired && comment is null)
            {
                throw new WorkflowInputException($"Bước '{transition.DisplayName}' cần ghi ý kiến.");
            }

            if (expectedVersion is not null && expectedVersion != item.Version)
            {
                throw new WorkflowConflictException(
                    $"Nội dung đã thay đổi: phiên bản hiện tại là {item.Version}, bạn đang xem phiên bản {expectedVersion}. Hãy tải lại trước khi thực hiện '{transition.DisplayName}'.");
            }

            // After someone else changed the item while it waited, "the latest version" is not one the actor has necessarily seen:
            // the step must name the version it was decided on (the back office always does).
            if (expectedVersion is null && record.LastOrDefault() is { Transition: WorkflowStep.Events.ContentChanged } change && change.UserName != actor.UserName)
            {
                throw new WorkflowConflictException(
                    $"Nội dung vừa được {change.UserName ?? "hệ thống"} sửa (phiên bản {item.Version}) khi đang chờ xử lý. Hãy xem phiên bản này rồi thực hiện '{transition.DisplayName}' kèm phiên bản đã xem (expectedVersion).");
            }

            // What no path will ever publish (a confidential document, say: the publish guards know why) does not go into review.
            if (target.Kind is WorkflowStateKind.InReview or WorkflowStateKind.Approved or WorkflowStateKind.Published
                && await publisher.NeverPublishableReasonAsync(item, cancellationToken) is { } never)
            {
                throw new WorkflowForbiddenException($"{never.TrimEnd('.')}, nên không được gửi duyệt đăng.");
            }

            if (target.Kind == WorkflowStateKind.Published && instance.ApprovedVersionId != item.Id)
            {
                throw new WorkflowConflictException("Chỉ được đăng đúng phiên bản Trưởng Ban đã duyệt; nội dung này chưa được duyệt hoặc đã thay đổi sau khi duyệt.");
            }

            if (!definition.SeparationOfDuties && round.Refusal(definition, transition, actor.UserName) is not null)
            {
                // Allowed only because the definition waives the rule: the record says so, with the definition's reason.
                var waived = $"[Quy trình cho phép một người giữ nhiều khâu: {definition.SeparationOfDutiesWaiver}]";
                comment = comment is null ? waived : $"{comment} {waived}";
                comment = comment.Length > MaxCommentLength ? comment[..MaxCommentLength] : comment;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (past is { } history)
            {
                if (history.AtUtc > now || history.AtUtc < item.CreatedUtc || (record.Count > 0 && history.AtUtc < record[^1].CreatedUtc))
                {
                    throw new WorkflowInputException(
                        $"Thời điểm {VietnamTime.Format(history.AtUtc)} của bước '{transition.DisplayName}' phải sau khi nội dung được tạo và sau bước trước của nó, và không được ở tương lai.");
                }

                now = history.AtUtc;
                comment = comment is null ? history.Note : $"{comment} {history.Note}";
                comment = comment.Length > MaxCommentLength ? comment[..MaxCommentLength] : comment;
            }

            await recorder.RecordAsync(instance, item, transition.Name, target, actor.UserName, transition.Roles.FirstOrDefault(actor.Roles.Contains), actor.UnitId, comment, now, cancellationToken);
            if (target.Kind == WorkflowStateKind.Approved)
            {
                instance.ApprovedVersionId = item.Id;
            }
            else if (target.Kind != WorkflowStateKind.Published)
            {
                instance.ApprovedVersionId = null;
            }

            await recorder.SaveOrConflictAsync(cancellationToken);
            await actions.RunAsync(definition, target, instance, item, $"{transition.DisplayName} ({actor.UserName})", comment, actor.UserName, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return instance;
        }, cancellationToken);
    }

    /// <summary>Why <paramref name="actor"/> may not take <paramref name="transition"/> on this item, or null when they may (the state aside):
    /// the roles, the author's unit, and separation of duties over the item's current <paramref name="round"/>.</summary>
    public static string? Refusal(WorkflowDefinition definition, WorkflowTransition transition, WorkflowActor actor, WorkflowInstance instance, WorkflowRound round)
    {
        if (!transition.Roles.Any(actor.Roles.Contains))
        {
            return $"Bạn không có vai trò được phép thực hiện '{transition.DisplayName}' (cần: {string.Join(", ", transition.Roles)}).";
        }

        if (transition.SameUnitAsAuthor && (actor.UnitId is null || actor.UnitId != instance.UnitId))
        {
            return $"Chỉ người thuộc đơn vị của tác giả mới được thực hiện '{transition.DisplayName}'.";
        }

        return definition.SeparationOfDuties ? round.Refusal(definition, transition, actor.UserName) : null;
    }
}
