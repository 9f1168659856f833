using System.Collections.Concurrent;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Services;

/// <summary>A line of a listing: read from columns and index tables only, never from the JSON.</summary>
public sealed record ContentSummary(long VersionId, string ContentItemId, string ContentType, string? DisplayText, DateTime? PublishedUtc, DateTime ModifiedUtc, string? Path);

/// <summary>The listings the public site and the back office show.</summary>
public sealed class ContentQueries(CmsDbContext db)
{
    /// <summary>The query of <see cref="GetByPathAsync"/> for published versions, compiled once per context type (each
    /// provider has its own; a query compiled for one failed on the other): every page rendered for the first time (a
    /// crawler's visit) runs it, and EF Core's work to find a query's cached plan (its parameters extracted, its
    /// expression compared) was about a tenth of such a page's CPU time (bench/README.md).</summary>
    private static readonly ConcurrentDictionary<Type, Func<CmsDbContext, string, CancellationToken, Task<ContentItem?>>> PublishedAtPath = new();

    private static Func<CmsDbContext, string, CancellationToken, Task<ContentItem?>> CompilePublishedAtPath(Type contextType) =>
        EF.CompileAsyncQuery((CmsDbContext db, string path, CancellationToken cancellationToken) => (
            from r in db.Set<AutorouteIndex>()
            where r.Path == path && r.Published
            join c in db.Set<ContentItem>() on r.ContentItemVersionId equals c.Id
            select c)
            .AsNoTracking()
            .FirstOrDefault());

    /// <summary>The item published at <paramref name="path"/> (or its latest version, for previews).</summary>
    /// <remarks>Needs the database only: the public site reads items by path through it without building
    /// <see cref="ContentManager"/>'s graph (validator, index providers, handlers, guards). One query, the route joined to
    /// its version: a page rendered for the first time (a crawler's visit) ran two, one round trip and one command more
    /// (bench/README.md, crawler).</remarks>
    public async Task<ContentItem?> GetByPathAsync(string path, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default)
    {
        var normalized = path.Trim('/').ToLowerInvariant();
        if (options == VersionOptions.Published)
        {
            return await PublishedAtPath.GetOrAdd(db.GetType(), CompilePublishedAtPath)(db, normalized, cancellationToken);
        }

        return await (
            from r in db.Set<AutorouteIndex>()
            where r.Path == normalized && r.Latest
            join c in db.Set<ContentItem>() on r.ContentItemVersionId equals c.Id
            select c)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Published items, newest first, optionally of one type.</summary>
    public async Task<IReadOnlyList<ContentSummary>> ListPublishedAsync(string? contentType, int skip, int take, CancellationToken cancellationToken = default)
    {
        var items = db.Set<ContentItem>().AsNoTracking().Where(c => c.Published);
        if (contentType is not null)
        {
            items = items.Where(c => c.ContentType == contentType);
        }

        return await NewestAsync(items, skip, take, cancellationToken);
    }

    /// <summary>A page of <paramref name="items"/>, newest publication first, with each item's public path: the one
    /// projection of a listing row (the back office's and the public site's listings both read it).</summary>
    internal async Task<List<ContentSummary>> NewestAsync(IQueryable<ContentItem> items, int skip, int take, CancellationToken cancellationToken) =>
        await (
            from c in items.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId into routes
            from r in routes.DefaultIfEmpty()
            orderby c.PublishedUtc descending, c.Id descending
            select new ContentSummary(c.Id, c.ContentItemId, c.ContentType, c.DisplayText, c.PublishedUtc, c.ModifiedUtc, r == null ? null : r.Path))
            .ToListAsync(cancellationToken);

    /// <summary>When each of <paramref name="contentItemIds"/> that waits for a scheduled publication will be released (UTC).</summary>
    public async Task<IReadOnlyDictionary<string, DateTime>> PendingReleasesAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, DateTime>();
        }

        var pending = await db.Set<ScheduledPublication>().AsNoTracking()
            .Where(s => s.CompletedUtc == null && contentItemIds.Contains(s.ContentItemId))
            .Select(s => new { s.ContentItemId, s.PublishUtc })
            .ToListAsync(cancellationToken);
        return pending.GroupBy(p => p.ContentItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.PublishUtc), StringComparer.Ordinal);
    }

    /// <summary>Which of <paramref name="contentItemIds"/> have a published version now, with its public path (null for a type without one).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> PublishedPathsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, string?>();
        }

        var rows = await (
            from c in db.Set<ContentItem>().AsNoTracking().Where(c => c.Published && contentItemIds.Contains(c.ContentItemId))
            join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId into routes
            from r in routes.DefaultIfEmpty()
            select new { c.ContentItemId, Path = r == null ? null : r.Path })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.ContentItemId).ToDictionary(r => r.ContentItemId, r => (string?)r.Path, StringComparer.Ordinal);
    }
}
