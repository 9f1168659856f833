using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Keeps each item's workflow in step with its content (inside the change's transaction): starts it, follows new versions and transfers, records legacy imports.</summary>
/// <remarks>
/// Called by <see cref="WorkflowContentHandler"/> while the content engine saves; it depends on nothing that publishes
/// content, so that the engine's handlers never lead back to the engine.
/// </remarks>
internal sealed class WorkflowTracker(
    CmsDbContext db,
    WorkflowDefinitionStore definitions,
    ContentDefinitionManager contentDefinitions,
    WorkflowRecorder recorder,
    WorkflowStateNotifications notifications,
    TimeProvider clock)
{
    /// <summary>The item's content changed (a new version was saved, or a draft saved over in place): the workflow follows it,
    /// and a change after a gate sends the item back so that every gate sees the version it passes on.</summary>
    /// <remarks>
    /// Per state kind: a draft, returned or rejected item just follows its new version (its author is still writing, or it is closed);
    /// an item waiting in review goes back to the first review gate (the unit check) with a recorded <c>content-changed</c> step,
    /// or stays there, recorded, when it already waits at it (its deadline kept); an approved item goes back to review
    /// (<see cref="WorkflowDefinition.ReviewAfterChange"/>) and loses its approval; a published item starts again at the first state.
    /// </remarks>
    public async Task ContentChangedAsync(ContentItem version, string? actorName, string? actorUnit, CancellationToken cancellationToken)
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
        await recorder.RecordAsync(instance, version, WorkflowStep.Events.ContentChanged, back, actorName, null, actorUnit, comment, now, cancellationToken);
        if (back.Name == state.Name)
        {
            // Still waiting at the same gate: a change does not buy the reviewer a new deadline.
            (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc) = (entered, due, escalated);
        }

        instance.ApprovedVersionId = null;
        await notifications.NotifyAllAsync(definition, back, instance, version, $"nội dung được sửa ({actorName})", cancellationToken);
    }

    /// <summary>A version was published outside a transition (a recorded legacy import): the record says so and the item's state follows.</summary>
    public async Task PublishedOutsideTransitionAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var type = await contentDefinitions.GetResolvedTypeAsync(version.ContentType, cancellationToken);
        if (type?.WorkflowName() is not { } name || await definitions.GetAsync(name, cancellationToken) is not { } definition)
        {
            return;
        }

        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == version.ContentItemId, cancellationToken);
        if (instance is null)
        {
            instance = await recorder.NewInstanceAsync(definition, version, cancellationToken);
            db.Add(instance);
        }

        if (definition.FindState(instance.State)?.Kind == WorkflowStateKind.Published || definition.PublishedState is not { } published)
        {
            return;
        }

        instance.ApprovedVersionId = version.Id;
        await recorder.RecordAsync(instance, version, WorkflowStep.Events.LegacyImport, published, version.PublishedBy, null, null,
            version.PublishNote, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Starts the workflow of a new item of a governed type; the first state's <c>Notify</c> actions tell their people at once
    /// (a citizen's question reaches its unit's head and staff the day it arrives, Điều 9.3).</summary>
    public async Task StartAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var type = await contentDefinitions.GetResolvedTypeAsync(version.ContentType, cancellationToken);
        if (type?.WorkflowName() is not { } name || await definitions.GetAsync(name, cancellationToken) is not { } definition)
        {
            return;
        }

        if (await db.Set<WorkflowInstance>().AnyAsync(i => i.ContentItemId == version.ContentItemId, cancellationToken))
        {
            return;
        }

        var instance = await recorder.NewInstanceAsync(definition, version, cancellationToken);
        db.Add(instance);
        await notifications.NotifyAllAsync(definition, definition.FindState(instance.State)!, instance, version, "nội dung mới", cancellationToken);
    }

    /// <summary>Follows an item moved to another unit: the instance's unit changes, and the move is a step of the record (state, deadline and version unchanged).</summary>
    public async Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken)
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
        await recorder.RecordAsync(instance, context.Item, WorkflowStep.Events.UnitTransfer, state, context.Actor, null, context.ActorUnitId,
            $"Chuyển từ đơn vị {context.FromUnitId ?? "(không có)"} sang {context.ToUnitId}. Lý do: {context.Reason}", clock.GetUtcNow().UtcDateTime, cancellationToken);
        (instance.StateEnteredUtc, instance.DueUtc, instance.EscalatedUtc, instance.ContentItemVersionId, instance.ContentVersion) = (entered, due, escalated, versionId, version);
    }

    /// <summary>Follows an item going to the trash, coming back, or deleted for good: a step of the record each, the state kept.</summary>
    /// <remarks>
    /// In the trash no deadline runs (the item waits for nobody); restored, it re-enters the state it left with a fresh deadline.
    /// Deleted, the instance goes (nothing waits any more) and the record stays, ending with the deletion.
    /// </remarks>
    public async Task RemovalAsync(ContentRemovalContext context, CancellationToken cancellationToken)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == context.Item.ContentItemId, cancellationToken);
        var state = instance is null ? null : (await definitions.GetAsync(instance.WorkflowName, cancellationToken))?.FindState(instance.State);
        if (instance is null || state is null)
        {
            return;
        }

        var (name, comment) = context.Kind switch
        {
            ContentRemovalKind.Trash => (WorkflowStep.Events.Trash, "Chuyển vào thùng rác." + (context.Reason is null ? "" : " Lý do: " + context.Reason)),
            ContentRemovalKind.Restore => (WorkflowStep.Events.Restore, $"Khôi phục từ thùng rác về bước '{state.DisplayName}'."),
            ContentRemovalKind.Delete => (WorkflowStep.Events.Delete, "Xoá vĩnh viễn bản nháp chưa từng đăng."),
            _ => (WorkflowStep.Events.Purge, "Xoá vĩnh viễn: đã ở thùng rác quá thời hạn."),
        };
        var (versionId, version) = (instance.ContentItemVersionId, instance.ContentVersion);
        await recorder.RecordAsync(instance, context.Item, name, state, context.Actor, null, context.ActorUnitId, comment, clock.GetUtcNow().UtcDateTime, cancellationToken);
        (instance.ContentItemVersionId, instance.ContentVersion) = (versionId, version);
        if (context.Kind == ContentRemovalKind.Trash)
        {
            instance.DueUtc = null;
        }
        else if (context.Kind is ContentRemovalKind.Delete or ContentRemovalKind.Purge)
        {
            db.Remove(instance);
        }
    }
}
