using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Services;

/// <summary>The <c>Cms:Contents:Trash</c> section: how long an item stays in the trash before the purge deletes it.</summary>
public sealed class ContentTrashOptions
{
    public const string SectionName = "Cms:Contents:Trash";

    /// <summary>Days an item stays in the trash (restorable) before the purge deletes it for good.</summary>
    public int PurgeAfterDays { get; set; } = 30;

    /// <summary>How often (minutes) the purge looks for items past their period.</summary>
    public int PurgeEveryMinutes { get; set; } = 60;
}

/// <summary>One line of the trash list.</summary>
public sealed record TrashListPage(IReadOnlyList<TrashedItem> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The trash (thùng rác) and deletion: an item that is not published goes to the trash (out of every list, restorable as it
/// was), comes back, or is purged after <see cref="ContentTrashOptions.PurgeAfterDays"/>; a draft never published may be deleted
/// at once. Each act is one unit of work with its indexes, its handlers (a workflow records a step) and an admin-audit entry.
/// </summary>
/// <remarks>
/// The caller checks who may act (<see cref="Admin.ContentAccess.CanEdit"/>); this checks what may happen to the item now, and
/// asks every <see cref="IContentRemovalGuard"/>. Citizens' messages (items with no owner: they come from the public forms) are
/// never trashed or deleted here: their desks keep them, and their personal data has its own retention (Điều 7.6).
/// </remarks>
public sealed class ContentTrash(
    CmsDbContext db,
    ContentChangePipeline pipeline,
    IEnumerable<IContentRemovalGuard> guards,
    ICurrentActor actor,
    AdminAuditLog audit,
    IOptions<ContentTrashOptions> options,
    TimeProvider clock)
{
    public const string TrashAuditAction = "content-trash";
    public const string RestoreAuditAction = "content-restore";
    public const string DeleteAuditAction = "content-delete";
    public const string PurgeAuditAction = "content-purge";

    /// <summary>The purge's name in the admin-audit log and the record.</summary>
    public const string PurgeActor = "he-thong:thung-rac";

    public const int MaxReasonLength = 2000;

    public const int PageSize = 50;

    private const int PurgeBatch = 100;

    /// <summary>The trash's period, in days (at least one).</summary>
    public int PurgeAfterDays => Math.Max(1, options.Value.PurgeAfterDays);

    /// <summary>Why each of <paramref name="items"/> (latest versions) may not undergo <paramref name="kind"/> now, by id: the
    /// engine's own rules, then the guards'. The content list asks it once per page to show only the actions that will work.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RefusalsAsync(IReadOnlyList<ContentItem> items, ContentRemovalKind kind, CancellationToken cancellationToken = default)
    {
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        if (items.Count == 0)
        {
            return refusals;
        }

        var ids = items.Select(i => i.ContentItemId).ToList();
        var published = (await db.Set<ContentItem>().AsNoTracking().Where(c => ids.Contains(c.ContentItemId) && c.Published)
            .Select(c => c.ContentItemId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Owner is null)
            {
                refusals[item.ContentItemId] = "Thư, câu hỏi của người dân được giữ và xử lý ở trang tiếp nhận, không xoá ở đây.";
            }
            else if (published.Contains(item.ContentItemId))
            {
                refusals[item.ContentItemId] = kind == ContentRemovalKind.Delete
                    ? "Không xoá được nội dung đã từng đăng; chỉ xoá được bản nháp chưa bao giờ đăng."
                    : "Nội dung đang được đăng: hãy gỡ xuống trước khi chuyển vào thùng rác.";
            }
            else if (kind == ContentRemovalKind.Delete && item.PublishedUtc is not null)
            {
                refusals[item.ContentItemId] = "Không xoá được nội dung đã từng đăng; chỉ xoá được bản nháp chưa bao giờ đăng. Có thể chuyển nó vào thùng rác.";
            }
        }

        var rest = items.Where(i => !refusals.ContainsKey(i.ContentItemId)).ToList();
        foreach (var guard in guards)
        {
            if (rest.Count == 0)
            {
                break;
            }

            foreach (var (id, reason) in await guard.RefusalsAsync(rest, kind, cancellationToken))
            {
                refusals.TryAdd(id, reason);
            }

            rest = [.. rest.Where(i => !refusals.ContainsKey(i.ContentItemId))];
        }

        return refusals;
    }

    /// <summary>Moves the item to the trash, or throws and changes nothing.</summary>
    /// <param name="expectedVersion">The version the person saw; another one is a conflict.</param>
    public Task TrashAsync(string contentItemId, int? expectedVersion, string? reason, CancellationToken cancellationToken = default)
    {
        reason = CheckReason(reason);
        return pipeline.RunAsync(async ct =>
        {
            var latest = await LatestOrRefuseAsync(contentItemId, expectedVersion, ContentRemovalKind.Trash, ct);
            var type = await pipeline.RequireTypeAsync(latest.ContentType, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            latest.Latest = false;
            latest.Removed = true;
            await CancelSchedulesAsync(contentItemId, "Huỷ: nội dung đã chuyển vào thùng rác.", now, ct);
            db.Add(new TrashedItem
            {
                ContentItemId = contentItemId,
                ContentType = latest.ContentType,
                DisplayText = latest.DisplayText,
                UnitId = latest.UnitId,
                VersionId = latest.Id,
                TrashedUtc = now,
                TrashedBy = actor.UserName,
                Reason = reason,
            });
            await db.SaveChangesAsync(ct);
            await pipeline.IndexAsync(latest, type, IndexingTaskType.Delete, ct);
            var context = new ContentRemovalContext(latest, type, ContentRemovalKind.Trash, actor.UserName, actor.UnitId, reason);
            await pipeline.RaiseAsync(h => h.RemovalAsync(context, ct));
            var removed = new ContentContext(latest, type, actor.UserName);
            pipeline.RaiseAfterCommit((h, token) => h.RemovedAsync(removed, token));
            await audit.RecordAsync(TrashAuditAction, contentItemId, $"Chuyển “{latest.DisplayText}” (phiên bản {latest.Version}) vào thùng rác.",
                before: null, after: null, reason, cancellationToken: ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Takes the item out of the trash: the version that was latest is latest again, as it was; throws when it is not in the trash.</summary>
    public Task<ContentItem> RestoreAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(async ct =>
        {
            var trashed = await db.Set<TrashedItem>().FirstOrDefaultAsync(t => t.ContentItemId == contentItemId, ct)
                ?? throw new ContentNotFoundException(contentItemId);
            var version = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == trashed.VersionId, ct)
                ?? throw new ContentNotFoundException(contentItemId);
            var type = await pipeline.RequireTypeAsync(version.ContentType, ct);
            version.Latest = true;
            version.Removed = false;
            db.Remove(trashed);
            await db.SaveChangesAsync(ct);
            await pipeline.IndexAsync(version, type, IndexingTaskType.Update, ct);
            var context = new ContentRemovalContext(version, type, ContentRemovalKind.Restore, actor.UserName, actor.UnitId, null);
            await pipeline.RaiseAsync(h => h.RemovalAsync(context, ct));
            var updated = new ContentContext(version, type, actor.UserName);
            pipeline.RaiseAfterCommit((h, token) => h.UpdatedAsync(updated, token));
            await audit.RecordAsync(RestoreAuditAction, contentItemId, $"Khôi phục “{version.DisplayText}” (phiên bản {version.Version}) từ thùng rác.",
                before: null, after: null, cancellationToken: ct);
            await db.SaveChangesAsync(ct);
            return version;
        }, cancellationToken);

    /// <summary>Deletes a draft that was never published, every version, for good; throws (409) for anything else and changes nothing.</summary>
    public Task DeleteAsync(string contentItemId, int? expectedVersion, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(async ct =>
        {
            var latest = await LatestOrRefuseAsync(contentItemId, expectedVersion, ContentRemovalKind.Delete, ct);
            if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == contentItemId && (c.PublishedUtc != null || c.PublishSource != null), ct))
            {
                throw new ContentRemovalRefusedException("Không xoá được nội dung đã từng đăng; chỉ xoá được bản nháp chưa bao giờ đăng. Có thể chuyển nó vào thùng rác.");
            }

            await DeleteForGoodAsync(latest, ContentRemovalKind.Delete, actor.UserName, actor.UnitId, ct);
            await audit.RecordAsync(DeleteAuditAction, contentItemId, $"Xoá vĩnh viễn bản nháp chưa từng đăng “{latest.DisplayText}” ({latest.Version} phiên bản).",
                before: null, after: null, cancellationToken: ct);
        }, cancellationToken);

    /// <summary>Deletes for good what has been in the trash longer than the period, a batch at a time; returns how many.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-PurgeAfterDays);
        var due = await db.Set<TrashedItem>().AsNoTracking().Where(t => t.TrashedUtc < cutoff).OrderBy(t => t.TrashedUtc)
            .Select(t => t.ContentItemId).Take(PurgeBatch).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await pipeline.RunAsync(async ct =>
            {
                var trashed = await db.Set<TrashedItem>().FirstOrDefaultAsync(t => t.ContentItemId == id && t.TrashedUtc < cutoff, ct);
                var version = trashed is null ? null : await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == trashed.VersionId, ct);
                if (trashed is null || version is null)
                {
                    // Restored meanwhile (or already gone).
                    return;
                }

                db.Remove(trashed);
                await DeleteForGoodAsync(version, ContentRemovalKind.Purge, PurgeActor, null, ct);
                await audit.RecordAsync(PurgeAuditAction, id,
                    $"Xoá vĩnh viễn “{trashed.DisplayText}”: đã ở thùng rác quá {PurgeAfterDays} ngày (từ {VietnamTime.Format(trashed.TrashedUtc)}, do {trashed.TrashedBy}).",
                    before: null, after: null, trashed.Reason, PurgeActor, ct);
            }, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>A page of the trash, newest first; <paramref name="onlyUnit"/> keeps one unit's items (null: every unit's).</summary>
    public async Task<TrashListPage> ListAsync(string? onlyUnit, int page, CancellationToken cancellationToken = default)
    {
        var rows = db.Set<TrashedItem>().AsNoTracking();
        if (onlyUnit is not null)
        {
            rows = rows.Where(t => t.UnitId == onlyUnit);
        }

        var total = await rows.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(t => t.TrashedUtc).ThenBy(t => t.ContentItemId).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new TrashListPage(list, total, page, (total + PageSize - 1) / PageSize);
    }

    /// <summary>The item's row in the trash, or null when it is not there.</summary>
    public Task<TrashedItem?> FindAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<TrashedItem>().AsNoTracking().FirstOrDefaultAsync(t => t.ContentItemId == contentItemId, cancellationToken);

    private static string? CheckReason(string? reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return reason?.Length > MaxReasonLength
            ? throw new ContentValidationException([new("Reason", "Lý do dài quá 2.000 ký tự.")])
            : reason;
    }

    private async Task<ContentItem> LatestOrRefuseAsync(string contentItemId, int? expectedVersion, ContentRemovalKind kind, CancellationToken cancellationToken)
    {
        var latest = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        if (expectedVersion is not null && expectedVersion != latest.Version)
        {
            throw new ContentConflictException(contentItemId, expectedVersion.Value, latest.Version);
        }

        if ((await RefusalsAsync([latest], kind, cancellationToken)).TryGetValue(contentItemId, out var refusal))
        {
            throw new ContentRemovalRefusedException(refusal);
        }

        return latest;
    }

    /// <summary>Deletes every version of the item (their index rows go with them), after its handlers have recorded the deletion.</summary>
    private async Task DeleteForGoodAsync(ContentItem latest, ContentRemovalKind kind, string? actorName, string? actorUnit, CancellationToken cancellationToken)
    {
        var type = await pipeline.RequireTypeAsync(latest.ContentType, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await CancelSchedulesAsync(latest.ContentItemId, "Huỷ: nội dung đã bị xoá.", now, cancellationToken);
        var context = new ContentRemovalContext(latest, type, kind, actorName, actorUnit, null);
        await pipeline.RaiseAsync(h => h.RemovalAsync(context, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<ContentItem>().Where(c => c.ContentItemId == latest.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        pipeline.LogIndexingTask(latest.ContentItemId, IndexingTaskType.Delete);
        var removed = new ContentContext(latest, type, actorName);
        pipeline.RaiseAfterCommit((h, token) => h.RemovedAsync(removed, token));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<int> CancelSchedulesAsync(string contentItemId, string outcome, DateTime now, CancellationToken cancellationToken) =>
        db.Set<ScheduledPublication>().Where(s => s.ContentItemId == contentItemId && s.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedUtc, now).SetProperty(x => x.Outcome, outcome), cancellationToken);
}

/// <summary>Runs the trash's purge every <see cref="ContentTrashOptions.PurgeEveryMinutes"/>, on the holder of the <see cref="Lease"/> lease only.</summary>
internal sealed class ContentTrashPurgeService(IServiceScopeFactory scopes, IOptionsMonitor<ContentTrashOptions> options, BackgroundLeases leases, TimeProvider clock, ILogger<ContentTrashPurgeService> logger)
    : LeasedPeriodicService<ContentTrash>(scopes, leases, clock, logger)
{
    public const string Lease = "content-trash-purge";

    protected override string LeaseName => Lease;

    protected override TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.PurgeEveryMinutes));

    protected override async Task RunRoundAsync(ContentTrash work, CancellationToken cancellationToken)
    {
        var purged = await work.PurgeDueAsync(cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} item(s) from the trash", purged);
        }
    }
}
