using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Telemetry;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Keeps an item's workflow instance and appends to its record: shared by the transitions and by the following of content changes.</summary>
public sealed class WorkflowRecorder(CmsDbContext db, WorkflowDefinitionStore definitions, ContentDefinitionManager contentDefinitions, TimeProvider clock, WorkingCalendar calendar, UnitOfWork unitOfWork, CmsMetrics metrics)
{
    /// <summary>The item's latest version and the definition of the workflow that governs its type, or <see cref="WorkflowNotFoundException"/>.</summary>
    public async Task<(ContentItem Item, WorkflowDefinition Definition)> LoadAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Không tìm thấy nội dung '{contentItemId}'.");
        var type = await contentDefinitions.GetResolvedTypeAsync(item.ContentType, cancellationToken);
        if (type?.WorkflowName() is not { } name)
        {
            throw new WorkflowNotFoundException($"Loại nội dung '{item.ContentType}' không thuộc quy trình duyệt nào.");
        }

        var definition = await definitions.GetAsync(name, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Chưa có định nghĩa quy trình '{name}'.");
        return (item, definition);
    }

    /// <summary>The item's record, oldest step first.</summary>
    public async Task<List<WorkflowStep>> RecordOfAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.Set<WorkflowStep>().AsNoTracking().Where(s => s.ContentItemId == contentItemId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);

    /// <summary>A new (unsaved) instance at the definition's first state.</summary>
    public async Task<WorkflowInstance> NewInstanceAsync(WorkflowDefinition definition, ContentItem item, CancellationToken cancellationToken)
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
            DueUtc = DeadlineCalculator.DueUtc(initial.Deadline, now, calendar),
        };
    }

    /// <summary>Appends a step to the record and moves the instance to <paramref name="target"/> (unsaved).</summary>
    public async Task RecordAsync(WorkflowInstance instance, ContentItem item, string transition, WorkflowState target, string? userName, string? role, string? unitId, string? comment, DateTime now, CancellationToken cancellationToken)
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
        instance.DueUtc = DeadlineCalculator.DueUtc(target.Deadline, now, calendar);
        instance.EscalatedUtc = null;
        instance.Revision++;
        // Counted once the step commits (a refused or conflicting step is not one).
        var (workflow, step) = (instance.WorkflowName, transition);
        if (unitOfWork.IsActive)
        {
            unitOfWork.AfterCommit(() => metrics.WorkflowStep(workflow, step));
        }
        else
        {
            metrics.WorkflowStep(workflow, step);
        }
    }

    /// <summary>Saves; another person's step taken meanwhile (the instance's token, the record's unique sequence) is a conflict.</summary>
    public async Task SaveOrConflictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new WorkflowConflictException("Người khác vừa xử lý nội dung này trước bạn. Hãy tải lại để xem bước hiện tại.");
        }
    }
}

/// <summary>The notifications a state sends when an item enters it (its <c>Notify</c> actions): rows of the step's own transaction, mailed after it.</summary>
public sealed class WorkflowStateNotifications(WorkflowNotifier notifier)
{
    /// <summary>Runs every <c>Notify</c> action of <paramref name="state"/> (a state entered without publishing: a change sending the item back).</summary>
    public async Task NotifyAllAsync(WorkflowDefinition definition, WorkflowState state, WorkflowInstance instance, ContentItem item, string cause, CancellationToken cancellationToken)
    {
        foreach (var action in state.Actions.Where(a => a.Type == WorkflowActionType.Notify))
        {
            await NotifyAsync(definition, state, action, instance, item, cause, null, null, cancellationToken);
        }
    }

    /// <summary>Runs one <c>Notify</c> action; <paramref name="scheduledUtc"/> is the release time when the state's publication was scheduled.</summary>
    public async Task NotifyAsync(WorkflowDefinition definition, WorkflowState state, WorkflowAction action, WorkflowInstance instance, ContentItem item, string cause, string? comment, DateTime? scheduledUtc, CancellationToken cancellationToken)
    {
        var message = $"'{item.DisplayText}' ({definition.DisplayName}) chuyển sang bước '{WorkflowService.StateLabel(state, scheduledUtc)}': {cause}." + (comment is null ? "" : $" Ý kiến: {comment}");
        await notifier.NotifyRolesAsync(action.Roles, action.SameUnit ? instance.UnitId : null, item.ContentItemId, message, state.Name, cancellationToken);
        if (action.Author && instance.Author is { } author)
        {
            notifier.NotifyUser(author, item.ContentItemId, message, state.Name);
        }
    }
}
