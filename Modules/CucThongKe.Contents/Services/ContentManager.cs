using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CucThongKe.Contents.Services;

/// <summary>Which version of an item to load.</summary>
public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>Creates, versions, publishes and removes content items; every change in one transaction with its indexes and events.</summary>
public sealed class ContentManager(
    CmsDbContext db,
    ContentDefinitionManager definitions,
    ContentValidator validator,
    IEnumerable<IContentIndexProvider> indexProviders,
    IEnumerable<IContentHandler> handlers,
    IEnumerable<IPublishGuard> guards,
    ICurrentActor actor,
    ScheduleSignal scheduleSignal,
    IUnitDirectory unitDirectory,
    AdminAuditLog audit,
    TimeProvider clock)
{
    /// <summary>A transfer's reason must say something: at least this many characters.</summary>
    public const int MinTransferReasonLength = 10;

    /// <summary>A new, unsaved item of <paramref name="contentType"/>.</summary>
    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        _ = await RequireTypeAsync(contentType, cancellationToken);
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

    /// <summary>The item published at <paramref name="path"/> (or its latest version, for previews).</summary>
    public async Task<ContentItem?> GetByPathAsync(string path, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default)
    {
        var normalized = path.Trim('/').ToLowerInvariant();
        var versionId = await db.Set<AutorouteIndex>().AsNoTracking()
            .Where(r => r.Path == normalized && (options == VersionOptions.Published ? r.Published : r.Latest))
            .Select(r => (long?)r.ContentItemVersionId)
            .FirstOrDefaultAsync(cancellationToken);
        return versionId is null ? null : await GetVersionAsync(versionId.Value, cancellationToken);
    }

    /// <summary>Saves the first version of a new item as a draft.</summary>
    /// <remarks>The item belongs to the creator's unit (<see cref="ContentItem.UnitId"/>); a unit named in the input is ignored.</remarks>
    public Task<ContentItem> CreateAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion: null, isNew: true, cancellationToken);

    /// <summary>Saves the first version of a new item for <paramref name="unitId"/> rather than the actor's unit: for imports (recipes), which carry each item's unit.</summary>
    internal Task<ContentItem> CreateForUnitAsync(ContentItem item, string? unitId, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion: null, isNew: true, cancellationToken, unitId);

    /// <summary>
    /// Moves the item to <paramref name="toUnitId"/>: every version carries the new unit, search is told, a workflow follows
    /// it (content handlers), and the move is recorded with its reason in the admin-audit log, which the item's history shows.
    /// </summary>
    /// <remarks>The caller checks the permission (<see cref="Admin.ContentAccess.CanTransfer"/>).</remarks>
    public async Task TransferAsync(string contentItemId, string toUnitId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < MinTransferReasonLength)
        {
            throw new ContentValidationException([new("Reason", $"Cần ghi lý do chuyển đơn vị (ít nhất {MinTransferReasonLength} ký tự).")]);
        }

        if (reason.Length > 2000)
        {
            throw new ContentValidationException([new("Reason", "Lý do dài quá 2.000 ký tự.")]);
        }

        var units = await unitDirectory.ListActiveAsync(cancellationToken);
        var target = units.FirstOrDefault(u => u.Id == toUnitId)
            ?? throw new ContentValidationException([new("UnitId", "Hãy chọn một đơn vị có trong danh sách.")]);

        await using var transaction = await BeginAsync(cancellationToken);
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault(v => v.Latest) ?? throw new ContentNotFoundException(contentItemId);
        var from = latest.UnitId;
        if (from == target.Id)
        {
            throw new ContentValidationException([new("UnitId", "Nội dung đã thuộc đơn vị này.")]);
        }

        // The owning unit is the item's, not a version's: old versions move too, so that no version stays visible to the old unit.
        foreach (var version in versions)
        {
            version.UnitId = target.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        var type = await RequireTypeAsync(latest.ContentType, cancellationToken);
        await IndexAsync(latest, type, IndexingTaskType.Update, cancellationToken);
        await RaiseAsync(h => h.UnitTransferredAsync(new ContentUnitTransferContext(latest, type, actor.UserName, actor.UnitId, from, target.Id, reason), cancellationToken));
        var fromName = units.FirstOrDefault(u => u.Id == from)?.Name ?? from ?? "(không có)";
        await audit.RecordAsync(AdminAuditActions.ContentUnitTransfer, contentItemId,
            $"Chuyển “{latest.DisplayText}” từ {fromName} sang {target.Name}.", from, target.Id, reason, cancellationToken: cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>The item's recorded transfers between units, newest first.</summary>
    public async Task<IReadOnlyList<AdminAuditEntry>> GetTransfersAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<AdminAuditEntry>().AsNoTracking()
            .Where(e => e.Action == AdminAuditActions.ContentUnitTransfer && e.Subject == contentItemId)
            .OrderByDescending(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Saves <paramref name="item"/>'s content as a new draft version of an existing item.</summary>
    /// <param name="expectedVersion">The version the editor started from; a later save by someone else is a conflict.</param>
    public Task<ContentItem> SaveDraftAsync(ContentItem item, int? expectedVersion, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(item, expectedVersion, isNew: false, cancellationToken);

    /// <summary>Publishes one version (the latest when <paramref name="versionId"/> is null); a version with a future publish-later time is scheduled instead.</summary>
    /// <returns>The published version, or null when it was scheduled.</returns>
    public async Task<ContentItem?> PublishAsync(string contentItemId, long? versionId, PublishRequest request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var target = await db.Set<ContentItem>()
            .FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && !c.Removed && (versionId == null ? c.Latest : c.Id == versionId), cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        var type = await RequireTypeAsync(target.ContentType, cancellationToken);
        await CheckGuardsAsync(target, type, request, cancellationToken);

        var scheduled = target.As<PublishLaterPart>()?.ScheduledPublishUtc;
        if (scheduled is not null && scheduled > clock.GetUtcNow().UtcDateTime)
        {
            await ScheduleCoreAsync(target, scheduled.Value, request, cancellationToken);
            await CommitAsync(transaction, cancellationToken);
            return null;
        }

        await PublishCoreAsync(target, type, request, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return target;
    }

    /// <summary>Schedules one version to be published at <paramref name="publishUtc"/>; nothing shows it before then.</summary>
    public async Task<ScheduledPublication> ScheduleAsync(string contentItemId, long versionId, DateTime publishUtc, PublishRequest request, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var target = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == versionId && c.ContentItemId == contentItemId && !c.Removed, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        var type = await RequireTypeAsync(target.ContentType, cancellationToken);
        await CheckGuardsAsync(target, type, request, cancellationToken);
        var schedule = await ScheduleCoreAsync(target, DateTime.SpecifyKind(publishUtc.ToUniversalTime(), DateTimeKind.Utc), request, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return schedule;
    }

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
            await using var transaction = await BeginAsync(cancellationToken);
            var target = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == schedule.ContentItemVersionId, cancellationToken);
            schedule.CompletedUtc = nowUtc;
            if (target is null || target.Removed)
            {
                schedule.Outcome = "Nội dung đã bị xoá.";
            }
            else
            {
                var type = await RequireTypeAsync(target.ContentType, cancellationToken);
                var request = new PublishRequest(schedule.Source, schedule.RequestedBy, schedule.Note);
                var refusal = await FirstRefusalAsync(target, type, request, cancellationToken);
                if (refusal is null)
                {
                    await PublishCoreAsync(target, type, request, cancellationToken);
                    schedule.Outcome = "Đã đăng.";
                    published++;
                }
                else
                {
                    schedule.Outcome = "Không đăng: " + refusal;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await CommitAsync(transaction, cancellationToken);
        }

        return published;
    }

    /// <summary>The earliest pending schedule, so the background service can sleep until exactly then.</summary>
    public Task<DateTime?> NextScheduledUtcAsync(CancellationToken cancellationToken = default) =>
        db.Set<ScheduledPublication>().Where(s => s.CompletedUtc == null).OrderBy(s => s.PublishUtc).Select(s => (DateTime?)s.PublishUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Takes the item off the public site; its versions stay.</summary>
    public async Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var published = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        var type = await RequireTypeAsync(published.ContentType, cancellationToken);
        published.Published = false;
        await db.SaveChangesAsync(cancellationToken);
        await IndexAsync(published, type, IndexingTaskType.Update, cancellationToken);
        await RaiseAsync(h => h.UnpublishedAsync(new ContentContext(published, type, actor.UserName), cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Removes the item: no version is latest or published any more, schedules are cancelled; history stays.</summary>
    public async Task RemoveAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published)).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new ContentNotFoundException(contentItemId);
        }

        var type = await RequireTypeAsync(versions[0].ContentType, cancellationToken);
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
            await IndexAsync(version, type, null, cancellationToken);
        }

        db.Add(new IndexingTask { ContentItemId = contentItemId, Type = IndexingTaskType.Delete, CreatedUtc = now });
        await RaiseAsync(h => h.RemovedAsync(new ContentContext(versions[0], type, actor.UserName), cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
    }

    private async Task<ContentItem> SaveVersionAsync(ContentItem input, int? expectedVersion, bool isNew, CancellationToken cancellationToken, string? importUnitId = null)
    {
        var type = await RequireTypeAsync(input.ContentType, cancellationToken);
        var candidate = new ContentItem
        {
            ContentItemId = string.IsNullOrEmpty(input.ContentItemId) ? NewId() : input.ContentItemId,
            ContentType = input.ContentType,
            Content = input.Content.DeepClone().AsObject(),
        };

        var errors = (await validator.PrepareAndValidateAsync(candidate, type)).ToList();
        var context = new ContentContext(candidate, type, actor.UserName);
        await RaiseAsync(h => h.SavingAsync(context, errors, cancellationToken));
        if (errors.Any(e => !e.IsWarning))
        {
            throw new ContentValidationException([.. errors.Where(e => !e.IsWarning)]);
        }

        await using var transaction = await BeginAsync(cancellationToken);
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
            saved.Owner = latest?.Owner ?? actor.UserName;
            // The item stays in the unit it was created for, whoever writes the new version.
            saved.UnitId = latest is null ? importUnitId ?? actor.UnitId : latest.UnitId;
            saved.ModifiedUtc = now;
            saved.Author = actor.UserName;
            saved.AuthorUnitId = actor.UnitId;
            db.Add(saved);
            if (latest is not null)
            {
                latest.Latest = false;
            }
        }

        await SaveChangesOrConflictAsync(saved, expectedVersion ?? 0, cancellationToken);
        if (latest is not null && latest != saved)
        {
            await IndexAsync(latest, type, null, cancellationToken);
        }

        await IndexAsync(saved, type, IndexingTaskType.Update, cancellationToken);
        var savedContext = new ContentContext(saved, type, actor.UserName);
        if (latest is null)
        {
            await RaiseAsync(h => h.CreatedAsync(savedContext, cancellationToken));
        }

        await RaiseAsync(h => h.DraftSavedAsync(savedContext, cancellationToken));
        await RaiseAsync(h => h.UpdatedAsync(savedContext, cancellationToken));
        await SaveChangesOrConflictAsync(saved, expectedVersion ?? 0, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        saved.Warnings = [.. errors.Where(e => e.IsWarning)];
        return saved;
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
            await IndexAsync(previous, type, null, cancellationToken);
        }

        await IndexAsync(target, type, IndexingTaskType.Update, cancellationToken);
        await RaiseAsync(h => h.PublishedAsync(new ContentContext(target, type, request.Actor), cancellationToken));
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
        scheduleSignal.Raise();
        return schedule;
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

    /// <summary>Brings every index table up to date for one version, and logs the change for search nodes.</summary>
    private async Task IndexAsync(ContentItem version, ResolvedContentType type, IndexingTaskType? task, CancellationToken cancellationToken)
    {
        foreach (var provider in indexProviders)
        {
            await provider.UpdateAsync(version, type, cancellationToken);
        }

        if (task is not null)
        {
            db.Add(new IndexingTask { ContentItemId = version.ContentItemId, Type = task.Value, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }
    }

    private async Task SaveChangesOrConflictAsync(ContentItem saved, int expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another save took this version number first.
            throw new ContentConflictException(saved.ContentItemId, expectedVersion, saved.Version);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    private async Task<int> LastVersionAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0;

    private async Task<ResolvedContentType> RequireTypeAsync(string contentType, CancellationToken cancellationToken) =>
        await definitions.GetResolvedTypeAsync(contentType, cancellationToken)
        ?? throw new ContentValidationException([new("ContentType", $"Không có loại nội dung '{contentType}'.")]);

    private async Task RaiseAsync(Func<IContentHandler, Task> action)
    {
        foreach (var handler in handlers)
        {
            await action(handler);
        }
    }

    /// <summary>Joins the caller's transaction (a recipe's) or starts one; null means the caller owns it.</summary>
    private async Task<IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitAsync(IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
