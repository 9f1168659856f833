using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>Which version of an item to load.</summary>
public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>The content engine's door: reads items, saves versions and drafts, removes items; every change in one unit of work with its indexes and events.</summary>
/// <remarks>
/// Publishing and scheduling are <see cref="ContentPublisher"/>'s, transfers between units <see cref="ContentTransfers"/>'s;
/// the methods of the same names here hand over to them, so that a caller holding the content manager does not need three services.
/// </remarks>
public sealed class ContentManager(
    CmsDbContext db,
    ContentChangePipeline pipeline,
    ContentValidator validator,
    ContentPublisher publisher,
    ContentTransfers transfers,
    ContentQueries queries,
    ICurrentActor actor,
    TimeProvider clock)
{
    /// <inheritdoc cref="ContentTransfers.MinTransferReasonLength"/>
    public const int MinTransferReasonLength = ContentTransfers.MinTransferReasonLength;

    /// <summary>A new, unsaved item of <paramref name="contentType"/>.</summary>
    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        _ = await pipeline.RequireTypeAsync(contentType, cancellationToken);
        return new ContentItem { ContentItemId = NewId(), ContentType = contentType };
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentItemId == contentItemId && (options == VersionOptions.Published ? c.Published : c.Latest))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<ContentItem?> GetVersionAsync(long versionId, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == versionId, cancellationToken);

    /// <summary>Every version of the item, newest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == contentItemId).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);

    /// <inheritdoc cref="ContentQueries.GetByPathAsync"/>
    public Task<ContentItem?> GetByPathAsync(string path, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default) =>
        queries.GetByPathAsync(path, options, cancellationToken);

    /// <summary>Saves the first version of a new item as a draft.</summary>
    /// <remarks>The item belongs to the creator's unit (<see cref="ContentItem.UnitId"/>); a unit named in the input is ignored.</remarks>
    public Task<ContentItem> CreateAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion: null, isNew: true, cancellationToken);

    /// <summary>Saves the first version of a new item for <paramref name="unitId"/> rather than the actor's unit: for what comes
    /// from outside the back office (a citizen's message sent to a unit; a recipe's item, which names its unit).</summary>
    /// <param name="owner">Who answers for the item when the request has no signed-in person (a recipe's runner); null keeps the actor.
    /// Set before the item's handlers run, so that a workflow starts with its author.</param>
    public Task<ContentItem> CreateForUnitAsync(ContentItem item, string? unitId, string? owner, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion: null, isNew: true, cancellationToken, new NewItemOrigin(unitId, owner));

    /// <summary>Saves <paramref name="item"/>'s content as a new draft version of an existing item.</summary>
    /// <param name="expectedVersion">The version the editor started from; a later save by someone else is a conflict.</param>
    public Task<ContentItem> SaveDraftAsync(ContentItem item, int? expectedVersion, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion, isNew: false, cancellationToken);

    /// <inheritdoc cref="ContentTransfers.TransferAsync"/>
    public Task TransferAsync(string contentItemId, string toUnitId, string? reason, CancellationToken cancellationToken = default) =>
        transfers.TransferAsync(contentItemId, toUnitId, reason, cancellationToken);

    /// <inheritdoc cref="ContentTransfers.GetTransfersAsync"/>
    public Task<IReadOnlyList<AdminAuditEntry>> GetTransfersAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        transfers.GetTransfersAsync(contentItemId, cancellationToken);

    /// <inheritdoc cref="ContentPublisher.PublishAsync"/>
    public Task<ContentItem?> PublishAsync(string contentItemId, long? versionId, PublishRequest request, CancellationToken cancellationToken = default) =>
        publisher.PublishAsync(contentItemId, versionId, request, cancellationToken);

    /// <inheritdoc cref="ContentPublisher.ScheduleAsync"/>
    public Task<ScheduledPublication> ScheduleAsync(string contentItemId, long versionId, DateTime publishUtc, PublishRequest request, CancellationToken cancellationToken = default) =>
        publisher.ScheduleAsync(contentItemId, versionId, publishUtc, request, cancellationToken);

    /// <inheritdoc cref="ContentPublisher.PublishDueAsync"/>
    public Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken = default) => publisher.PublishDueAsync(nowUtc, cancellationToken);

    /// <inheritdoc cref="ContentPublisher.NextScheduledUtcAsync"/>
    public Task<DateTime?> NextScheduledUtcAsync(CancellationToken cancellationToken = default) => publisher.NextScheduledUtcAsync(cancellationToken);

    /// <inheritdoc cref="ContentPublisher.UnpublishAsync"/>
    public Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default) => publisher.UnpublishAsync(contentItemId, cancellationToken);

    /// <summary>Removes the item: no version is latest or published any more, schedules are cancelled; history stays.</summary>
    public Task RemoveAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(ct => RemoveCoreAsync(contentItemId, ct), cancellationToken);

    private async Task RemoveCoreAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published)).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new ContentNotFoundException(contentItemId);
        }

        var type = await pipeline.RequireTypeAsync(versions[0].ContentType, cancellationToken);
        foreach (var version in versions)
        {
            version.Latest = false;
            version.Published = false;
            version.Removed = true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ScheduledPublication>().Where(s => s.ContentItemId == contentItemId && s.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedUtc, now).SetProperty(x => x.Outcome, "Huỷ: nội dung đã bị xoá."), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var version in versions)
        {
            await pipeline.IndexAsync(version, type, null, cancellationToken);
        }

        pipeline.LogIndexingTask(contentItemId, IndexingTaskType.Delete);
        var context = new ContentContext(versions[0], type, actor.UserName);
        await pipeline.RaiseAsync(h => h.RemovedAsync(context, cancellationToken));
        pipeline.RaiseAfterCommit((h, token) => h.RemovedAsync(context, token));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ContentItem> SaveVersionAsync(ContentItem input, int? expectedVersion, bool isNew, CancellationToken cancellationToken, NewItemOrigin? origin = null)
    {
        var type = await pipeline.RequireTypeAsync(input.ContentType, cancellationToken);
        var candidate = new ContentItem
        {
            ContentItemId = string.IsNullOrEmpty(input.ContentItemId) ? NewId() : input.ContentItemId,
            ContentType = input.ContentType,
            Content = input.Content.DeepClone().AsObject(),
        };

        var errors = (await validator.PrepareAndValidateAsync(candidate, type)).ToList();
        var context = new ContentContext(candidate, type, actor.UserName);
        await pipeline.RaiseAsync(h => h.SavingAsync(context, errors, cancellationToken));
        if (errors.Any(e => !e.IsWarning))
        {
            throw new ContentValidationException([.. errors.Where(e => !e.IsWarning)]);
        }

        var saved = await pipeline.RunAsync(ct => StoreVersionAsync(candidate, type, expectedVersion, isNew, origin, ct), cancellationToken);
        saved.Warnings = [.. errors.Where(e => e.IsWarning)];
        return saved;
    }

    /// <summary>Stores a checked version: a new row (or the draft saved over, for a type without history), its indexes and events.</summary>
    private async Task<ContentItem> StoreVersionAsync(ContentItem candidate, ResolvedContentType type, int? expectedVersion, bool isNew, NewItemOrigin? origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == candidate.ContentItemId && c.Latest, cancellationToken);
        if (isNew && await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == candidate.ContentItemId, cancellationToken))
        {
            throw new ContentConflictException(candidate.ContentItemId, 0, await LastVersionAsync(candidate.ContentItemId, cancellationToken));
        }

        if (!isNew)
        {
            if (latest is null)
            {
                throw new ContentNotFoundException(candidate.ContentItemId);
            }

            if (latest.ContentType != candidate.ContentType)
            {
                throw new ContentValidationException([new("ContentType", "Không đổi được loại của nội dung đã có.")]);
            }

            if (expectedVersion is not null && expectedVersion != latest.Version)
            {
                throw new ContentConflictException(candidate.ContentItemId, expectedVersion.Value, latest.Version);
            }
        }

        ContentItem saved;
        if (latest is not null && !latest.Published && !type.Definition.Settings.Versionable)
        {
            // A type that keeps no history saves over its unpublished draft.
            latest.Content = candidate.Content;
            latest.DisplayText = candidate.DisplayText;
            latest.ModifiedUtc = now;
            latest.Author = actor.UserName;
            latest.AuthorUnitId = actor.UnitId;
            saved = latest;
        }
        else
        {
            saved = candidate;
            saved.Version = latest is null ? 1 : await LastVersionAsync(saved.ContentItemId, cancellationToken) + 1;
            saved.Latest = true;
            saved.CreatedUtc = latest?.CreatedUtc ?? now;
            saved.PublishedUtc = latest?.PublishedUtc;
            saved.Owner = latest?.Owner ?? origin?.Owner ?? actor.UserName;
            // The item stays in the unit it was created for, whoever writes the new version.
            saved.UnitId = latest is null ? origin?.UnitId ?? actor.UnitId : latest.UnitId;
            saved.ModifiedUtc = now;
            saved.Author = latest is null ? origin?.Owner ?? actor.UserName : actor.UserName;
            saved.AuthorUnitId = actor.UnitId;
            db.Add(saved);
            if (latest is not null)
            {
                latest.Latest = false;
            }
        }

        saved.UpdateTitleKeys();
        await SaveChangesOrConflictAsync(saved, expectedVersion ?? 0, cancellationToken);
        if (latest is not null && latest != saved)
        {
            await pipeline.IndexAsync(latest, type, null, cancellationToken);
        }

        await pipeline.IndexAsync(saved, type, IndexingTaskType.Update, cancellationToken);
        var savedContext = new ContentContext(saved, type, actor.UserName);
        if (latest is null)
        {
            await pipeline.RaiseAsync(h => h.CreatedAsync(savedContext, cancellationToken));
        }

        await pipeline.RaiseAsync(h => h.DraftSavedAsync(savedContext, cancellationToken));
        await pipeline.RaiseAsync(h => h.UpdatedAsync(savedContext, cancellationToken));
        pipeline.RaiseAfterCommit((h, token) => h.UpdatedAsync(savedContext, token));
        await SaveChangesOrConflictAsync(saved, expectedVersion ?? 0, cancellationToken);
        return saved;
    }

    private async Task SaveChangesOrConflictAsync(ContentItem saved, int expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another save took this version number first.
            throw new ContentConflictException(saved.ContentItemId, expectedVersion, saved.Version);
        }
    }

    private async Task<int> LastVersionAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0;
}

/// <summary>Whose a new item created outside the signed-in actor's name is: its unit and, when known, the person answering for it.</summary>
internal sealed record NewItemOrigin(string? UnitId, string? Owner);
