using System.Security.Claims;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Notifications;
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
public sealed class WorkflowService(
    CmsDbContext db,
    WorkflowDefinitionStore definitions,
    ContentDefinitionManager contentDefinitions,
    IContentPublisher publisher,
    UnitOfWork unitOfWork,
    WorkflowRecorder recorder,
    WorkflowStateNotifications notifications,
    WorkflowNotifier notifier,
    TimeProvider clock)
{
    public const int MaxCommentLength = 4000;

    /// <summary>An emergency publication's reason must say something: at least this many characters.</summary>
    public const int MinEmergencyReasonLength = 20;

    /// <summary>The editorial board (Ban Biên tập), told of every emergency publication.</summary>
    public static readonly string[] BoardRoles = ["BoardHead", "BoardMember", "BoardSecretary"];

    /// <summary>The item's state, record and the transitions <paramref name="actor"/> may take now.</summary>
    public async Task<WorkflowStatus> GetStatusAsync(string contentItemId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var (item, definition) = await LoadAsync(contentItemId, cancellationToken);
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken)
            ?? await recorder.NewInstanceAsync(definition, item, cancellationToken);
        var state = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình '{definition.DisplayName}'.");
        var record = await recorder.RecordOfAsync(contentItemId, cancellationToken);
        var round = WorkflowRound.Of(definition, instance, record);
        var available = definition.Transitions.Where(t => t.From == instance.State && Refusal(definition, t, actor, instance, round) is null).ToList();
        var scheduled = state.Kind == WorkflowStateKind.Published ? await PendingPublicationUtcAsync(contentItemId, cancellationToken) : null;
        return new WorkflowStatus(item, definition, instance, state, record, available, scheduled);
    }

    /// <summary>"Đã lên lịch đăng lúc …" for a published state whose publication waits for <paramref name="scheduledUtc"/>; else the state's name.</summary>
    public static string StateLabel(WorkflowState state, DateTime? scheduledUtc) =>
        state.Kind == WorkflowStateKind.Published && scheduledUtc is not null
            ? $"Đã lên lịch đăng lúc {VietnamTime.Format(scheduledUtc)} (giờ Việt Nam)"
            : state.DisplayName;

    /// <summary>When the item's pending scheduled publication is due; null when none waits (published, or never scheduled).</summary>
    private Task<DateTime?> PendingPublicationUtcAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<ScheduledPublication>().Where(p => p.ContentItemId == contentItemId && p.CompletedUtc == null)
            .OrderByDescending(p => p.Id).Select(p => (DateTime?)p.PublishUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Takes <paramref name="transitionName"/> for the item, or throws and changes nothing.</summary>
    /// <param name="expectedVersion">The content version the actor looked at; another one is a conflict.</param>
    public async Task<WorkflowInstance> TransitionAsync(string contentItemId, string transitionName, string? comment, int? expectedVersion, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxCommentLength)
        {
            throw new WorkflowInputException($"Ý kiến dài quá {MaxCommentLength} ký tự.");
        }

        return await unitOfWork.RunAsync(async _ =>
        {
            var (item, definition) = await LoadAsync(contentItemId, cancellationToken);
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

            if (target.Kind is WorkflowStateKind.InReview or WorkflowStateKind.Approved or WorkflowStateKind.Published && IsConfidential(item))
            {
                throw new WorkflowForbiddenException("Tài liệu mật (Điều 9.2) không bao giờ được đăng, nên không được gửi duyệt đăng.");
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
            await RunActionsAsync(definition, target, instance, item, $"{transition.DisplayName} ({actor.UserName})", comment, actor.UserName, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return instance;
        }, cancellationToken);
    }

    /// <summary>Publishes the item's latest version at once, outside the chain: the emergency permission and a written reason are required;
    /// the step is recorded like any other and the board is told.</summary>
    public async Task<WorkflowInstance> EmergencyPublishAsync(string contentItemId, string? reason, int? expectedVersion, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.MayEmergencyPublish)
        {
            throw new WorkflowForbiddenException("Đăng khẩn cấp cần quyền riêng 'Đăng khẩn cấp'; không vai trò nào có sẵn quyền này.");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null || reason.Length < MinEmergencyReasonLength || reason.Length > MaxCommentLength)
        {
            throw new WorkflowInputException($"Đăng khẩn cấp cần ghi rõ lý do (từ {MinEmergencyReasonLength} đến {MaxCommentLength} ký tự).");
        }

        return await unitOfWork.RunAsync(async _ =>
        {
            var (item, definition) = await LoadAsync(contentItemId, cancellationToken);
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
            if (instance is null)
            {
                instance = await recorder.NewInstanceAsync(definition, item, cancellationToken);
                db.Add(instance);
            }

            var current = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình.");
            if (current.Kind is WorkflowStateKind.Published or WorkflowStateKind.Rejected)
            {
                throw new WorkflowConflictException($"Nội dung đang ở bước '{current.DisplayName}': không đăng khẩn cấp được.");
            }

            if (expectedVersion is not null && expectedVersion != item.Version)
            {
                throw new WorkflowConflictException($"Nội dung đã thay đổi: phiên bản hiện tại là {item.Version}, bạn đang xem phiên bản {expectedVersion}. Hãy tải lại.");
            }

            if (IsConfidential(item))
            {
                throw new WorkflowForbiddenException("Tài liệu mật (Điều 9.2) không bao giờ được đăng, kể cả đăng khẩn cấp.");
            }

            // Even outside the chain nobody publishes their own text alone: not the item's creator, nor the writer of the version published.
            if (actor.UserName == instance.Author || actor.UserName == item.Author)
            {
                throw new WorkflowForbiddenException("Bạn là tác giả của nội dung này (hoặc của phiên bản mới nhất); tác giả không được tự đăng khẩn cấp bài của mình (tách bạch nhiệm vụ).");
            }

            var published = definition.PublishedState ?? throw new WorkflowConflictException($"Quy trình '{definition.DisplayName}' không có trạng thái đã đăng.");
            var comment = "Đăng khẩn cấp. Lý do: " + reason;
            await recorder.RecordAsync(instance, item, WorkflowStep.Events.EmergencyPublish, published, actor.UserName, WorkflowsPermissions.EmergencyPublish.Name, actor.UnitId, comment, clock.GetUtcNow().UtcDateTime, cancellationToken);
            // The published version is the one the emergency vouches for: the approved-version guard holds it to exactly this one.
            instance.ApprovedVersionId = item.Id;
            await recorder.SaveOrConflictAsync(cancellationToken);
            var cause = $"đăng khẩn cấp ({actor.UserName})";
            await RunActionsAsync(definition, published, instance, item, cause, comment, actor.UserName, cancellationToken);
            await notifier.NotifyRolesAsync(BoardRoles, null, item.ContentItemId,
                $"'{item.DisplayText}' ({definition.DisplayName}) được {cause} ngoài quy trình duyệt. Lý do: {reason}", WorkflowStep.Events.EmergencyPublish, cancellationToken);
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

    /// <summary>A legal document marked confidential (tài liệu mật, Điều 9.2).</summary>
    public static bool IsConfidential(ContentItem item) =>
        item.Content["LegalDocument"]?["Confidential"] is JsonObject field && field["Value"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private async Task<(ContentItem Item, WorkflowDefinition Definition)> LoadAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Không tìm thấy nội dung '{contentItemId}'.");
        var type = await contentDefinitions.GetResolvedTypeAsync(item.ContentType, cancellationToken);
        if (type?.Definition.Settings.Workflow is not { Length: > 0 } name)
        {
            throw new WorkflowNotFoundException($"Loại nội dung '{item.ContentType}' không thuộc quy trình duyệt nào.");
        }

        var definition = await definitions.GetAsync(name, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Chưa có định nghĩa quy trình '{name}'.");
        return (item, definition);
    }

    private async Task RunActionsAsync(WorkflowDefinition definition, WorkflowState state, WorkflowInstance instance, ContentItem item, string cause, string? comment, string? actorName, CancellationToken cancellationToken)
    {
        DateTime? scheduledUtc = null;
        foreach (var action in state.Actions)
        {
            switch (action.Type)
            {
                case WorkflowActionType.Publish:
                    // Exactly the approved version, and the request says so (the guard reads it); a future publish-later time
                    // schedules it instead (nothing shows it before then). Part of this step's unit of work.
                    var request = new PublishRequest(PublishSource.Workflow, actorName, comment, instance.ApprovedVersionId);
                    if (await publisher.PublishAsync(item.ContentItemId, instance.ApprovedVersionId, request, cancellationToken) is null)
                    {
                        scheduledUtc = await PendingPublicationUtcAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Unpublish:
                    if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Published, cancellationToken))
                    {
                        await publisher.UnpublishAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Notify:
                    await notifications.NotifyAsync(definition, state, action, instance, item, cause, comment, scheduledUtc, cancellationToken);
                    break;
            }
        }
    }
}
