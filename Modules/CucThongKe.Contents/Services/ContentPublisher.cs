using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>What a module that publishes content needs, and no more (the approval chain publishes through it).</summary>
/// <remarks>
/// Narrow on purpose: the module that publishes also follows content changes (its content handler), so it must not depend
/// on the whole <see cref="ContentManager"/>, whose handlers include its own. Called inside the caller's unit of work
/// (<see cref="UnitOfWork"/>), the publication is part of the caller's change.
/// </remarks>
public interface IContentPublisher
{
    /// <summary>Publishes one version (the latest when <paramref name="versionId"/> is null); a version with a future publish-later time is scheduled instead.</summary>
    /// <returns>The published version, or null when it was scheduled.</returns>
    Task<ContentItem?> PublishAsync(string contentItemId, long? versionId, PublishRequest request, CancellationToken cancellationToken = default);

    /// <summary>Takes the item off the public site; its versions stay.</summary>
    Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Why <paramref name="version"/> could never be published, even by the process that governs its type once it has
    /// approved it (a publish guard's reason, in Vietnamese), or null when it could: lets that process refuse early
    /// (e.g. to send into review what will never be published) without knowing the rules.
    /// </summary>
    Task<string?> NeverPublishableReasonAsync(ContentItem version, CancellationToken cancellationToken = default);
}

/// <summary>Publishes, schedules and unpublishes versions: every path checked by the publish guards, each change in one unit of work with its indexes and events.</summary>
public sealed class ContentPublisher(
    CmsDbContext db,
    ContentChangePipeline pipeline,
    IEnumerable<IPublishGuard> guards,
    ICurrentActor actor,
    ScheduleSignal scheduleSignal,
    UnitOfWork unitOfWork,
    TimeProvider clock) : IContentPublisher
{
    /// <inheritdoc/>
    public Task<ContentItem?> PublishAsync(string contentItemId, long? versionId, PublishRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(async ct =>
        {
            var target = await db.Set<ContentItem>()
                .FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && !c.Removed && (versionId == null ? c.Latest : c.Id == versionId), ct)
                ?? throw new ContentNotFoundException(contentItemId);
            var type = await pipeline.RequireTypeAsync(target.ContentType, ct);
            await CheckGuardsAsync(target, type, request, ct);

            var scheduled = target.As<PublishLaterPart>()?.ScheduledPublishUtc;
            if (scheduled is not null && scheduled > clock.GetUtcNow().UtcDateTime)
            {
                await ScheduleCoreAsync(target, scheduled.Value, request, ct);
                return null;
            }

            await PublishCoreAsync(target, type, request, ct);
            return target;
        }, cancellationToken);

    /// <summary>Schedules one version to be published at <paramref name="publishUtc"/>; nothing shows it before then.</summary>
    public Task<ScheduledPublication> ScheduleAsync(string contentItemId, long versionId, DateTime publishUtc, PublishRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(async ct =>
        {
            var target = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == versionId && c.ContentItemId == contentItemId && !c.Removed, ct)
                ?? throw new ContentNotFoundException(contentItemId);
            var type = await pipeline.RequireTypeAsync(target.ContentType, ct);
            await CheckGuardsAsync(target, type, request, ct);
            return await ScheduleCoreAsync(target, DateTime.SpecifyKind(publishUtc.ToUniversalTime(), DateTimeKind.Utc), request, ct);
        }, cancellationToken);

    /// <summary>Publishes the schedules due at <paramref name="nowUtc"/>; the background service calls it at each due time.</summary>
    /// <returns>How many versions were published.</returns>
    public async Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var due = await db.Set<ScheduledPublication>()
            .Where(s => s.CompletedUtc == null && s.PublishUtc <= nowUtc)
            .OrderBy(s => s.PublishUtc)
            .Take(100)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var schedule in due)
        {
            // One unit per schedule: a refusal or a failure of one does not hold back the others.
            published += await pipeline.RunAsync(ct => PublishScheduledAsync(schedule, nowUtc, ct), cancellationToken) ? 1 : 0;
        }

        return published;
    }

    /// <summary>The earliest pending schedule, so the background service can sleep until exactly then.</summary>
    public Task<DateTime?> NextScheduledUtcAsync(CancellationToken cancellationToken = default) =>
        db.Set<ScheduledPublication>().Where(s => s.CompletedUtc == null).OrderBy(s => s.PublishUtc).Select(s => (DateTime?)s.PublishUtc).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc/>
    public Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(async ct =>
        {
            var published = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published, ct)
                ?? throw new ContentNotFoundException(contentItemId);
            var type = await pipeline.RequireTypeAsync(published.ContentType, ct);
            published.Published = false;
            await db.SaveChangesAsync(ct);
            await pipeline.IndexAsync(published, type, IndexingTaskType.Update, ct);
            var context = new ContentContext(published, type, actor.UserName);
            await pipeline.RaiseAsync(h => h.UnpublishedAsync(context, ct));
            pipeline.RaiseAfterCommit((h, token) => h.UnpublishedAsync(context, token));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    private async Task<bool> PublishScheduledAsync(ScheduledPublication schedule, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var target = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == schedule.ContentItemVersionId, cancellationToken);
        schedule.CompletedUtc = nowUtc;
        var published = false;
        if (target is null || target.Removed)
        {
            schedule.Outcome = "Nội dung đã bị xoá.";
        }
        else
        {
            var type = await pipeline.RequireTypeAsync(target.ContentType, cancellationToken);
            var request = new PublishRequest(schedule.Source, schedule.RequestedBy, schedule.Note);
            var refusal = await FirstRefusalAsync(target, type, request, cancellationToken);
            if (refusal is null)
            {
                await PublishCoreAsync(target, type, request, cancellationToken);
                schedule.Outcome = "Đã đăng.";
                published = true;
            }
            else
            {
                schedule.Outcome = "Không đăng: " + refusal;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return published;
    }

    private async Task PublishCoreAsync(ContentItem target, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == target.ContentItemId && c.Published && c.Id != target.Id, cancellationToken);
        if (previous is not null)
        {
            previous.Published = false;
        }

        if (!target.Published)
        {
            target.Published = true;
            target.PublishedUtc ??= previous?.PublishedUtc ?? now;
            target.PublishSource = request.Source;
            target.PublishedBy = request.Actor;
            target.PublishNote = request.Note;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            await pipeline.IndexAsync(previous, type, null, cancellationToken);
        }

        await pipeline.IndexAsync(target, type, IndexingTaskType.Update, cancellationToken);
        var context = new ContentContext(target, type, request.Actor);
        await pipeline.RaiseAsync(h => h.PublishedAsync(context, cancellationToken));
        pipeline.RaiseAfterCommit((h, token) => h.PublishedAsync(context, token));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ScheduledPublication> ScheduleCoreAsync(ContentItem target, DateTime publishUtc, PublishRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A new schedule replaces any pending one for the item: one release time at a time.
        await db.Set<ScheduledPublication>().Where(s => s.ContentItemId == target.ContentItemId && s.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedUtc, now).SetProperty(x => x.Outcome, "Thay bằng lịch đăng mới."), cancellationToken);
        var schedule = new ScheduledPublication
        {
            ContentItemId = target.ContentItemId,
            ContentItemVersionId = target.Id,
            PublishUtc = publishUtc,
            Source = request.Source,
            RequestedBy = request.Actor,
            Note = request.Note,
            CreatedUtc = now,
        };
        db.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        // Woken after the commit: a scheduler woken before it would not see the schedule yet.
        unitOfWork.AfterCommit(scheduleSignal.Raise);
        return schedule;
    }

    /// <inheritdoc/>
    public async Task<string?> NeverPublishableReasonAsync(ContentItem version, CancellationToken cancellationToken = default)
    {
        var type = await pipeline.RequireTypeAsync(version.ContentType, cancellationToken);
        return await FirstRefusalAsync(version, type, new PublishRequest(PublishSource.GoverningProcess, actor.UserName) { Prospective = true }, cancellationToken);
    }

    private async Task CheckGuardsAsync(ContentItem target, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        if (await FirstRefusalAsync(target, type, request, cancellationToken) is { } refusal)
        {
            throw new ContentPublishRefusedException(refusal);
        }
    }

    private async Task<string?> FirstRefusalAsync(ContentItem target, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        foreach (var guard in guards)
        {
            if (await guard.CheckAsync(target, type, request, cancellationToken) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
