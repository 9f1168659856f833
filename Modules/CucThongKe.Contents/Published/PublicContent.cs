using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CucThongKe.Contents.Published;

/// <summary>A page of a listing and where it sits among the others.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What readers may see: published versions only, never one an <see cref="IReaderVisibilityRule"/> hides (a
/// confidential document); all listings read columns and index tables.</summary>
/// <remarks>
/// Items are read by path through <see cref="ContentQueries"/>, which needs the database only, not through
/// <see cref="ContentManager"/> (with its validator, index providers, handlers and guards, all scoped): a public page
/// never builds that graph, and none is fetched by hand from the service provider.
/// </remarks>
public sealed class PublicContent(CmsDbContext db, ContentQueries queries, IMemoryCache cache, PublishedItemCache published,
    IEnumerable<IReaderVisibilityRule> rules)
{
    private readonly IReaderVisibilityRule[] _rules = [.. rules];

    public const int MaxPage = 10_000;

    /// <summary>The published version at <paramref name="path"/>, or null when there is none a reader may see.</summary>
    /// <remarks>Read through <see cref="PublishedItemCache"/>: the item is shared, read only.</remarks>
    public async Task<ContentItem?> GetByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var normalized = path.Trim('/').ToLowerInvariant();
        if (published.Get(normalized) is { } cached)
        {
            return cached;
        }

        var generation = published.Generation;
        await KeepConnectionOpenAsync(cancellationToken);
        var item = await queries.GetByPathAsync(normalized, VersionOptions.Published, cancellationToken);
        if (item is null || IsHidden(item))
        {
            return null;
        }

        published.Set(generation, normalized, item);
        return item;
    }

    /// <summary>Whether a published version must still stay hidden (a confidential document published by mistake or by an old import).</summary>
    public bool IsHidden(ContentItem item) => _rules.Any(r => r.IsHidden(item));

    /// <summary>Published items of a type, newest first, optionally filed under one term of a taxonomy.</summary>
    /// <remarks>The page's rows are kept in <see cref="PublishedItemCache"/> under the page store's generation, like the
    /// count below: a listing rendered without the page cache ran two SQL commands, 0.7 ms of CPU (bench/README.md).</remarks>
    public async Task<PagedList<ContentSummary>> ListAsync(string contentType, string? taxonomy, string? term, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var generation = published.Generation;
        var key = new ListingKey(contentType, taxonomy, term, page, pageSize);
        var countKey = $"public:count:{generation}:{contentType}:{taxonomy}:{term}";
        if (published.GetSummaries(key) is { } cachedRows && cache.TryGetValue(countKey, out int cachedTotal))
        {
            return new PagedList<ContentSummary>(cachedRows, page, pageSize, cachedTotal);
        }

        await KeepConnectionOpenAsync(cancellationToken);
        var items = Visible().Where(c => c.ContentType == contentType);
        if (taxonomy is not null && term is not null)
        {
            items = OfTerm(items, taxonomy, term);
        }

        // Counting 50,000 items takes 20 ms: the count is kept until the next content change (or 30 s, for changes made
        // by another process); every change moves the page cache's generation, which is part of the key.
        var total = await cache.GetOrCreateAsync(
            countKey,
            entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TaxonomyTermsCache.Duration;
                return items.CountAsync(cancellationToken);
            });
        var rows = await queries.NewestAsync(items, (page - 1) * pageSize, pageSize, cancellationToken);
        published.SetSummaries(generation, key, rows);
        return new PagedList<ContentSummary>(rows, page, pageSize, total);
    }

    /// <summary>The newest published items of a type (several types: pass them all).</summary>
    public async Task<IReadOnlyList<ContentSummary>> LatestAsync(IReadOnlyCollection<string> contentTypes, int take, CancellationToken cancellationToken = default) =>
        await queries.NewestAsync(Visible().Where(c => contentTypes.Contains(c.ContentType)), 0, take, cancellationToken);

    /// <summary>Published items filed under the same term, the item itself left out.</summary>
    /// <remarks>
    /// Filed under the term is tested per item, by the version's id, as the items are walked newest first: given
    /// equalities on (taxonomy, term) SQLite would rather use that index and scan every item of the term for each item
    /// walked (86 ms for the related-news box over 50,000 news); <c>+ ""</c> turns those two columns into expressions
    /// no index serves, so the version-id index is used (under 1 ms). The filtered listing does the same.
    /// <para>Kept in <see cref="PublishedItemCache"/> under the page store's generation (every content change starts
    /// again from the database): otherwise this query would be the only database work of an article page rendered
    /// without the page cache, a fifth of its CPU time (bench/README.md). The list is shared: read only.</para>
    /// </remarks>
    public async Task<IReadOnlyList<ContentSummary>> RelatedAsync(ContentItem item, string taxonomy, string? term, IReadOnlyCollection<string> picked, int take, CancellationToken cancellationToken = default)
    {
        if (picked.Count == 0)
        {
            return term is null ? [] : await NewestOfTermExceptAsync(item, taxonomy, term, take, cancellationToken);
        }

        var key = new RelatedKey(item.Id, taxonomy, term, string.Join('\n', picked), take);
        if (published.GetSummaries(key) is { } cached)
        {
            return cached;
        }

        var generation = published.Generation;
        var related = await QueryRelatedAsync(item, taxonomy, term, picked, take, cancellationToken);
        published.SetSummaries(generation, key, related);
        return related;
    }

    /// <summary>The newest <paramref name="take"/> items of the item's type filed under the term, the item itself left out.</summary>
    /// <remarks>Every item of a term shows the same box but for itself: the term's newest <paramref name="take"/> + 1 are
    /// kept once (<see cref="TermNewestKey"/>) and the item is taken out of them, so a page rendered for the first time
    /// (a crawler's visit) runs no query for its box once another item of its term was shown (the query was a sixth of
    /// such a page's CPU time, and an entry per item filled the cache; bench/README.md). One published version per
    /// item: should it show twice among them and leave the box short, the box is read from the database as before.</remarks>
    private async Task<IReadOnlyList<ContentSummary>> NewestOfTermExceptAsync(ContentItem item, string taxonomy, string term, int take, CancellationToken cancellationToken)
    {
        var newest = await NewestOfTermAsync(item.ContentType, taxonomy, term, take + 1, cancellationToken);
        var others = newest.Where(s => s.ContentItemId != item.ContentItemId).Take(take).ToList();
        return others.Count == take || newest.Count <= take
            ? others
            : await QueryRelatedAsync(item, taxonomy, term, [], take, cancellationToken);
    }

    private async Task<IReadOnlyList<ContentSummary>> NewestOfTermAsync(string contentType, string taxonomy, string term, int take, CancellationToken cancellationToken)
    {
        var key = new TermNewestKey(contentType, taxonomy, term, take);
        if (published.GetSummaries(key) is { } cached)
        {
            return cached;
        }

        var generation = published.Generation;
        var newest = await queries.NewestAsync(OfTerm(Visible().Where(c => c.ContentType == contentType), taxonomy, term), 0, take, cancellationToken);
        published.SetSummaries(generation, key, newest);
        return newest;
    }

    /// <remarks>The filter is built for what the item has (a term, items picked by hand, or both) rather than tested in
    /// SQL: a list parameter, even empty, made EF Core rewrite the SQL at every execution (a fifth of the query's CPU time
    /// for a page rendered for the first time; bench/README.md, crawler), and an item with neither needs no query.</remarks>
    private async Task<List<ContentSummary>> QueryRelatedAsync(ContentItem item, string taxonomy, string? term, IReadOnlyCollection<string> picked, int take, CancellationToken cancellationToken)
    {
        if (term is null && picked.Count == 0)
        {
            return [];
        }

        var items = Visible().Where(c => c.ContentItemId != item.ContentItemId && c.ContentType == item.ContentType);
        items = (term, picked.Count) switch
        {
            (null, _) => items.Where(c => picked.Contains(c.ContentItemId)),
            (_, 0) => OfTerm(items, taxonomy, term),
            _ => items.Where(c => picked.Contains(c.ContentItemId) || db.Set<TaxonomyIndex>().Any(t => t.ContentItemVersionId == c.Id && t.Taxonomy + "" == taxonomy && t.TermId + "" == term)),
        };
        return await queries.NewestAsync(items, 0, take, cancellationToken);
    }

    /// <summary>The terms of a taxonomy in their order, by id.</summary>
    public async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(string taxonomy, CancellationToken cancellationToken = default) =>
        [.. (await AllTermsAsync(cancellationToken)).Where(t => t.Taxonomy == taxonomy).OrderBy(t => t.Order).ThenBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Every term of every taxonomy (a few dozen rows), to name the terms an item is filed under.</summary>
    /// <remarks>Kept in memory for <see cref="TaxonomyTermsCache.Duration"/>; the taxonomies step drops it. Shared: read only.</remarks>
    public async Task<IReadOnlyList<TaxonomyTerm>> AllTermsAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(TaxonomyTermsCache.Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TaxonomyTermsCache.Duration;
            return await db.Set<TaxonomyTerm>().AsNoTracking().ToListAsync(cancellationToken);
        }))!;

    /// <summary>How many published items a reader may see have a public address (the sitemaps' items).</summary>
    public Task<int> CountAddressedAsync(CancellationToken cancellationToken = default) => Addressed().CountAsync(cancellationToken);

    /// <summary>The published items with a public address, in a stable order (by version id), <paramref name="take"/> from
    /// <paramref name="skip"/>, streamed row by row: a sitemap of 50,000 addresses is written without holding them all.</summary>
    public IAsyncEnumerable<ContentSummary> AddressedAsync(int skip, int take) =>
        (from c in Addressed().OrderBy(c => c.Id).Skip(skip).Take(take)
         join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId
         orderby c.Id
         select new ContentSummary(c.Id, c.ContentItemId, c.ContentType, c.DisplayText, c.PublishedUtc, c.ModifiedUtc, r.Path))
        .AsAsyncEnumerable();

    /// <summary>When the newest change among the same items as <see cref="AddressedAsync"/> was saved (a sitemap's lastmod); null when none.</summary>
    public Task<DateTime?> LastModifiedAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        Addressed().OrderBy(c => c.Id).Skip(skip).Take(take).MaxAsync(c => (DateTime?)c.ModifiedUtc, cancellationToken);

    /// <summary>The summaries (<see cref="SummaryPart"/>) of the given published versions, by version id; those without one are left out.</summary>
    /// <remarks>For a feed's 30 items: one query reading their content, which a listing never reads.</remarks>
    public async Task<IReadOnlyDictionary<long, string>> SummariesAsync(IReadOnlyCollection<long> versionIds, CancellationToken cancellationToken = default)
    {
        if (versionIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var items = await Visible().Where(c => versionIds.Contains(c.Id)).ToListAsync(cancellationToken);
        return items
            .Select(c => (c.Id, Summary: c.Get<SummaryPart>(nameof(SummaryPart))?.Summary))
            .Where(s => !string.IsNullOrWhiteSpace(s.Summary))
            .ToDictionary(s => s.Id, s => s.Summary!);
    }

    /// <summary>The items filed under <paramref name="term"/> of <paramref name="taxonomy"/>.</summary>
    /// <remarks><c>+ ""</c>: see <see cref="RelatedAsync"/>.</remarks>
    private IQueryable<ContentItem> OfTerm(IQueryable<ContentItem> items, string taxonomy, string? term) =>
        items.Where(c => db.Set<TaxonomyIndex>().Any(t => t.ContentItemVersionId == c.Id && t.Taxonomy + "" == taxonomy && t.TermId + "" == term));

    private IQueryable<ContentItem> Addressed() =>
        Visible().Where(c => db.Set<AutorouteIndex>().Any(r => r.ContentItemVersionId == c.Id));

    /// <summary>Keeps the connection open until the request's context is disposed, instead of one open per query.</summary>
    /// <remarks>A page runs three or four queries; each open of a pooled SQLite connection costs EF Core's set-up of the
    /// connection (its SQL functions) again.</remarks>
    private Task KeepConnectionOpenAsync(CancellationToken cancellationToken) => db.Database.OpenConnectionAsync(cancellationToken);

    /// <summary>The rows of an index table whose version no rule hides (the index's own <c>Published</c> is the caller's to test).</summary>
    public IQueryable<T> WhereNotHidden<T>(IQueryable<T> rows) where T : ContentIndex
    {
        foreach (var rule in _rules)
        {
            var hidden = rule.HiddenVersionIds();
            rows = rows.Where(r => !hidden.Any(id => id == r.ContentItemVersionId));
        }

        return rows;
    }

    private IQueryable<ContentItem> Visible()
    {
        var items = db.Set<ContentItem>().AsNoTracking().Where(c => c.Published);
        foreach (var rule in _rules)
        {
            var hidden = rule.HiddenVersionIds();
            items = items.Where(c => !hidden.Any(id => id == c.Id));
        }

        return items;
    }
}
