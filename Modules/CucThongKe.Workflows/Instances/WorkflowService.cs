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

/// <summary>One line of a user's inbox: an item waiting for them.</summary>
public sealed record InboxEntry(WorkflowInstance Instance, WorkflowState State, string WorkflowDisplayName, string ContentType, string? Title, bool Overdue);

/// <summary>Runs the approval chain: checks every transition (role, unit, comment, state, version), records it, and publishes exactly the approved version.</summary>
public sealed class WorkflowService(
    CmsDbContext db,
    WorkflowDefinitionStore definitions,
    ContentDefinitionManager contentDefinitions,
    ContentManager contents,
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
            ?? await NewInstanceAsync(definition, item, cancellationToken);
        var state = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình '{definition.DisplayName}'.");
        var record = await RecordOfAsync(contentItemId, cancellationToken);
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (item, definition) = await LoadAsync(contentItemId, cancellationToken);
        var transition = definition.FindTransition(transitionName)
            ?? throw new WorkflowNotFoundException($"Quy trình '{definition.DisplayName}' không có bước '{transitionName}'.");
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
        if (instance is null)
        {
            instance = await NewInstanceAsync(definition, item, cancellationToken);
            db.Add(instance);
        }

        var current = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình.");
        var target = definition.FindState(transition.To)!;
        var record = await RecordOfAsync(contentItemId, cancellationToken);
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
        await RecordAsync(instance, item, transition.Name, target, actor.UserName, transition.Roles.FirstOrDefault(actor.Roles.Contains), actor.UnitId, comment, now, cancellationToken);
        if (target.Kind == WorkflowStateKind.Approved)
        {
            instance.ApprovedVersionId = item.Id;
        }
        else if (target.Kind != WorkflowStateKind.Published)
        {
            instance.ApprovedVersionId = null;
        }

        await SaveOrConflictAsync(cancellationToken);
        await RunActionsAsync(definition, target, instance, item, $"{transition.DisplayName} ({actor.UserName})", comment, actor.UserName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return instance;
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (item, definition) = await LoadAsync(contentItemId, cancellationToken);
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
        if (instance is null)
        {
            instance = await NewInstanceAsync(definition, item, cancellationToken);
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
        await RecordAsync(instance, item, WorkflowStep.Events.EmergencyPublish, published, actor.UserName, WorkflowsPermissions.EmergencyPublish.Name, actor.UnitId, comment, clock.GetUtcNow().UtcDateTime, cancellationToken);
        // The published version is the one the emergency vouches for: the approved-version guard holds it to exactly this one.
        instance.ApprovedVersionId = item.Id;
        await SaveOrConflictAsync(cancellationToken);
        var cause = $"đăng khẩn cấp ({actor.UserName})";
        await RunActionsAsync(definition, published, instance, item, cause, comment, actor.UserName, cancellationToken);
        await notifier.NotifyRolesAsync(BoardRoles, null, item.ContentItemId,
            $"'{item.DisplayText}' ({definition.DisplayName}) được {cause} ngoài quy trình duyệt. Lý do: {reason}", WorkflowStep.Events.EmergencyPublish, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return instance;
    }

    /// <summary>What waits for <paramref name="actor"/>: items in states where one of their roles (and, where the rule says so, their unit) may act; overdue first, then oldest.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var entries = new List<InboxEntry>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var definition in await definitions.ListAsync(cancellationToken))
        {
            var states = definition.Transitions.Where(t => t.Roles.Any(actor.Roles.Contains)).Select(t => t.From).Distinct().ToList();
            if (states.Count == 0)
            {
                continue;
            }

            var rows = await (
                from i in db.Set<WorkflowInstance>().AsNoTracking()
                join c in db.Set<ContentItem>() on i.ContentItemId equals c.ContentItemId
                where i.WorkflowName == definition.Name && states.Contains(i.State) && c.Latest
                select new { Instance = i, c.ContentType, c.DisplayText }).ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Instance.ContentItemId).ToList();
            var records = (await db.Set<WorkflowStep>().AsNoTracking().Where(s => ids.Contains(s.ContentItemId)).ToListAsync(cancellationToken))
                .ToLookup(s => s.ContentItemId);
            foreach (var row in rows)
            {
                // An item whose only step left for this person is one separation of duties refuses them does not wait for them.
                var round = WorkflowRound.Of(definition, row.Instance, records[row.Instance.ContentItemId].OrderBy(s => s.Sequence));
                var waiting = definition.Transitions.Any(t => t.From == row.Instance.State && Refusal(definition, t, actor, row.Instance, round) is null);
                if (waiting && definition.FindState(row.Instance.State) is { } state &&
                    // A draft or a returned item waits for its author, not for everyone of the unit who may also send it.
                    (state.Kind is not (WorkflowStateKind.Draft or WorkflowStateKind.Returned) || row.Instance.Author == actor.UserName))
                {
                    entries.Add(new InboxEntry(row.Instance, state, definition.DisplayName, row.ContentType, row.DisplayText, row.Instance.DueUtc <= now));
                }
            }
        }

        return [.. entries.OrderByDescending(e => e.Overdue).ThenBy(e => e.Instance.DueUtc ?? DateTime.MaxValue).ThenBy(e => e.Instance.StateEnteredUtc)];
    }

    /// <summary>Tells the escalation roles about every item whose state's deadline has passed (once per state entry).</summary>
    /// <returns>How many items were escalated.</returns>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Set<WorkflowInstance>().Where(i => i.DueUtc != null && i.DueUtc <= now && i.EscalatedUtc == null)
            .OrderBy(i => i.DueUtc).Take(200).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var instance in overdue)
        {
            var definition = await definitions.GetAsync(instance.WorkflowName, cancellationToken);
            var deadline = definition?.FindState(instance.State)?.Deadline;
            instance.EscalatedUtc = now;
            instance.Revision++;
            if (deadline is not null)
            {
                var title = await db.Set<ContentItem>().Where(c => c.ContentItemId == instance.ContentItemId && c.Latest).Select(c => c.DisplayText).FirstOrDefaultAsync(cancellationToken);
                var state = definition!.FindState(instance.State)!;
                var message = $"Quá hạn: '{title}' chờ ở bước '{state.DisplayName}' từ {VietnamTime.Format(instance.StateEnteredUtc)}, hạn {VietnamTime.Format(instance.DueUtc)} (giờ Việt Nam).";
                await notifier.NotifyRolesAsync(deadline.EscalateTo, deadline.EscalateSameUnit ? instance.UnitId : null, instance.ContentItemId, message, "deadline", cancellationToken);
                if (deadline.EscalateToUnit.Count > 0 && instance.UnitId is not null)
                {
                    await notifier.NotifyRolesAsync(deadline.EscalateToUnit, instance.UnitId, instance.ContentItemId, message, "deadline", cancellationToken);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone moved the item (or another node escalated it) meanwhile: nothing is due for this state entry any more.
                db.ChangeTracker.Clear();
            }
        }

        return escalated;
    }

    /// <summary>The item's content changed (a new version was saved, or a draft saved over in place): the workflow follows it,
    /// and a change after a gate sends the item back so that every gate sees the version it passes on.</summary>
    /// <remarks>
    /// Per state kind: a draft, returned or rejected item just follows its new version (its author is still writing, or it is closed);
    /// an item waiting in review goes back to the first review gate (the unit check) with a recorded <c>content-changed</c> step,
    /// or stays there, recorded, when it already waits at it (its deadline kept); an approved item goes back to review
    /// (<see cref="WorkflowDefinition.ReviewAfterChange"/>) and loses its approval; a published item starts again at the first state.
    /// </remarks>
    internal async Task ContentChangedAsync(ContentItem version, string? actorName, string? actorUnit, CancellationToken cancellationToken)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == version.ContentItemId, cancellationToken);
        if (instance is null || version.Version < instance.ContentVersion)
        {
            return;
        }

        var definition = await definitions.GetAsync(instance.WorkflowName, cancellationToken);
        var state = definition?.FindState(instance.State);
        if (definition is null || state is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        WorkflowState? back = state.Kind switch
        {
            WorkflowStateKind.InReview => definition.FirstReviewState,
            WorkflowStateKind.Approved => definition.ReviewAfterChange,
            WorkflowStateKind.Published => definition.FindState(definition.InitialState),
            _ => null,
        };
        if (back is null)
        {
            instance.ContentItemVersionId = version.Id;
            instance.ContentVersion = version.Version;
            instance.Revision++;
            return;
        }

        var versions = version.Version == instance.ContentVersion ? $"phiên bản {version.Version}, lưu đè" : $"phiên bản {instance.ContentVersion} → {version.Version}";
        var comment = state.Kind switch
        {
            WorkflowStateKind.InReview when back.Name == state.Name => $"Nội dung được sửa ({versions}) khi đang chờ '{state.DisplayName}'.",
            WorkflowStateKind.InReview => $"Nội dung được sửa ({versions}) sau khi đã qua khâu '{back.DisplayName}': phải kiểm tra lại từ khâu này.",
            WorkflowStateKind.Approved => $"Nội dung thay đổi sau khi được duyệt ({versions}): phải duyệt lại.",
            _ => $"Nội dung đã đăng được sửa ({versions}): bản mới phải qua quy trình duyệt.",
        };
        var (entered, due, escalated) = (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc);
        await RecordAsync(instance, version, WorkflowStep.Events.ContentChanged, back, actorName, null, actorUnit, comment, now, cancellationToken);
        if (back.Name == state.Name)
        {
            // Still waiting at the same gate: a change does not buy the reviewer a new deadline.
            (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc) = (entered, due, escalated);
        }

        instance.ApprovedVersionId = null;
        await RunActionsAsync(definition, back, instance, version, $"nội dung được sửa ({actorName})", null, actorName, cancellationToken, publishActions: false);
    }

    /// <summary>A version was published outside a transition (a recorded legacy import): the record says so and the item's state follows.</summary>
    internal async Task PublishedOutsideTransitionAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var type = await contentDefinitions.GetResolvedTypeAsync(version.ContentType, cancellationToken);
        if (type?.Definition.Settings.Workflow is not { Length: > 0 } name || await definitions.GetAsync(name, cancellationToken) is not { } definition)
        {
            return;
        }

        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == version.ContentItemId, cancellationToken);
        if (instance is null)
        {
            instance = await NewInstanceAsync(definition, version, cancellationToken);
            db.Add(instance);
        }

        if (definition.FindState(instance.State)?.Kind == WorkflowStateKind.Published || definition.PublishedState is not { } published)
        {
            return;
        }

        instance.ApprovedVersionId = version.Id;
        await RecordAsync(instance, version, WorkflowStep.Events.LegacyImport, published, version.PublishedBy, null, null,
            version.PublishNote, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Starts the workflow of a new item of a governed type.</summary>
    internal async Task StartAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var type = await contentDefinitions.GetResolvedTypeAsync(version.ContentType, cancellationToken);
        if (type?.Definition.Settings.Workflow is not { Length: > 0 } name || await definitions.GetAsync(name, cancellationToken) is not { } definition)
        {
            return;
        }

        if (await db.Set<WorkflowInstance>().AnyAsync(i => i.ContentItemId == version.ContentItemId, cancellationToken))
        {
            return;
        }

        db.Add(await NewInstanceAsync(definition, version, cancellationToken));
    }

    /// <summary>Follows an item moved to another unit: the instance's unit changes, and the move is a step of the record (state, deadline and version unchanged).</summary>
    internal async Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == context.Item.ContentItemId, cancellationToken);
        if (instance is null)
        {
            // Not started yet: it will start with the item's unit.
            return;
        }

        instance.UnitId = context.ToUnitId;
        var state = (await definitions.GetAsync(instance.WorkflowName, cancellationToken))?.FindState(instance.State);
        if (state is null)
        {
            instance.Revision++;
            return;
        }

        var (entered, due, escalated, versionId, version) = (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc, instance.ContentItemVersionId, instance.ContentVersion);
        await RecordAsync(instance, context.Item, WorkflowStep.Events.UnitTransfer, state, context.Actor, null, context.ActorUnitId,
            $"Chuyển từ đơn vị {context.FromUnitId ?? "(không có)"} sang {context.ToUnitId}. Lý do: {context.Reason}", clock.GetUtcNow().UtcDateTime, cancellationToken);
        (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc, instance.ContentItemVersionId, instance.ContentVersion) = (entered, due, escalated, versionId, version);
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

    private async Task<List<WorkflowStep>> RecordOfAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.Set<WorkflowStep>().AsNoTracking().Where(s => s.ContentItemId == contentItemId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);

    /// <summary>A legal document marked confidential (tài liệu mật, Điều 9.2).</summary>
    public static bool IsConfidential(ContentItem item) =>
        item.Content["LegalDocument"]?["Confidential"] is JsonObject field && field["Value"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private async Task<(ContentItem Item, WorkflowDefinition Definition)> LoadAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken)
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

    private async Task<WorkflowInstance> NewInstanceAsync(WorkflowDefinition definition, ContentItem item, CancellationToken cancellationToken)
    {
        // The item's author is its first version's; its unit is the item's own (ContentItem.UnitId), not a later writer's.
        var firstOwner = await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == item.ContentItemId).OrderBy(c => c.Version)
            .Select(c => c.Owner).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var initial = definition.FindState(definition.InitialState)!;
        return new WorkflowInstance
        {
            ContentItemId = item.ContentItemId,
            WorkflowName = definition.Name,
            State = initial.Name,
            UnitId = item.UnitId,
            Author = firstOwner ?? item.Owner ?? item.Author,
            ContentItemVersionId = item.Id,
            ContentVersion = item.Version,
            StateEnteredUtc = now,
            DueUtc = DeadlineCalculator.DueUtc(initial.Deadline, now),
        };
    }

    private async Task RecordAsync(WorkflowInstance instance, ContentItem item, string transition, WorkflowState target, string? userName, string? role, string? unitId, string? comment, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.Set<WorkflowStep>().Where(s => s.ContentItemId == instance.ContentItemId).MaxAsync(s => (int?)s.Sequence, cancellationToken) ?? 0;
        var pending = db.ChangeTracker.Entries<WorkflowStep>().Where(e => e.State == EntityState.Added && e.Entity.ContentItemId == instance.ContentItemId).Select(e => e.Entity.Sequence).DefaultIfEmpty(0).Max();
        db.Add(new WorkflowStep
        {
            ContentItemId = instance.ContentItemId,
            Sequence = Math.Max(last, pending) + 1,
            WorkflowName = instance.WorkflowName,
            ContentItemVersionId = item.Id,
            ContentVersion = item.Version,
            Transition = transition,
            FromState = instance.State,
            ToState = target.Name,
            UserName = userName,
            Role = role,
            UnitId = unitId,
            CreatedUtc = now,
            Comment = comment,
        });
        instance.State = target.Name;
        instance.ContentItemVersionId = item.Id;
        instance.ContentVersion = item.Version;
        instance.StateEnteredUtc = now;
        instance.DueUtc = DeadlineCalculator.DueUtc(target.Deadline, now);
        instance.EscalatedUtc = null;
        instance.Revision++;
    }

    private async Task RunActionsAsync(WorkflowDefinition definition, WorkflowState state, WorkflowInstance instance, ContentItem item, string cause, string? comment, string? actorName, CancellationToken cancellationToken, bool publishActions = true)
    {
        DateTime? scheduledUtc = null;
        foreach (var action in state.Actions)
        {
            switch (action.Type)
            {
                case WorkflowActionType.Publish when publishActions:
                    // Exactly the approved version; a future publish-later time schedules it instead (nothing shows it before then).
                    if (await contents.PublishAsync(item.ContentItemId, instance.ApprovedVersionId, new PublishRequest(PublishSource.Workflow, actorName, comment), cancellationToken) is null)
                    {
                        scheduledUtc = await PendingPublicationUtcAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Unpublish when publishActions:
                    if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Published, cancellationToken))
                    {
                        await contents.UnpublishAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Notify:
                    var message = $"'{item.DisplayText}' ({definition.DisplayName}) chuyển sang bước '{StateLabel(state, scheduledUtc)}': {cause}." + (comment is null ? "" : $" Ý kiến: {comment}");
                    await notifier.NotifyRolesAsync(action.Roles, action.SameUnit ? instance.UnitId : null, item.ContentItemId, message, state.Name, cancellationToken);
                    if (action.Author && instance.Author is { } author)
                    {
                        notifier.NotifyUser(author, item.ContentItemId, message, state.Name);
                    }

                    break;
            }
        }
    }

    private async Task SaveOrConflictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            throw new WorkflowConflictException("Người khác vừa xử lý nội dung này trước bạn. Hãy tải lại để xem bước hiện tại.");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
