using System.Text.Json.Nodes;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CucThongKe.Contents.TaxonomyAdmin;

/// <summary>A term in its tree's order, with its depth and how many items (latest versions) use it.</summary>
public sealed record TermRow(TaxonomyTerm Term, int Depth, int Items);

/// <summary>An item whose latest version uses a term.</summary>
public sealed record TermUsage(string ContentItemId, string ContentType, string? Title, bool Published);

/// <summary>A refused change of a taxonomy (an empty name, an unknown term, a merge into itself): 400, nothing stored.</summary>
public sealed class TaxonomyInputException(string message) : Exception(message);

/// <summary>The back office's taxonomy work: add, rename and reorder terms, merge one into another (its items move to
/// the other term, in every version, and it goes); a term's id, which is its address, never changes.</summary>
public sealed class TaxonomyAdministration(CmsDbContext db, UnitOfWork unitOfWork, AdminAuditLog audit, IMemoryCache cache, IEnumerable<IContentCommittedHandler> committedHandlers)
{
    public const int MaxNameLength = 200;

    /// <summary>How many items the page lists for one term.</summary>
    public const int UsageLimit = 50;

    public Task<List<Taxonomy>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Set<Taxonomy>().AsNoTracking().OrderBy(t => t.DisplayName).ToListAsync(cancellationToken);

    public Task<Taxonomy?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        db.Set<Taxonomy>().AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);

    public async Task<IReadOnlyList<TermRow>> TermsAsync(string taxonomy, CancellationToken cancellationToken = default)
    {
        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().Where(t => t.Taxonomy == taxonomy).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        var counts = await db.Set<TaxonomyIndex>().AsNoTracking().Where(i => i.Taxonomy == taxonomy && i.Latest)
            .GroupBy(i => i.TermId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = new List<TermRow>();
        void Add(string? parent, int depth)
        {
            foreach (var term in terms.Where(t => t.ParentId == parent))
            {
                rows.Add(new TermRow(term, depth, counts.GetValueOrDefault(term.TermId)));
                Add(term.TermId, depth + 1);
            }
        }

        Add(null, 0);
        return rows;
    }

    public async Task<IReadOnlyList<TermUsage>> UsageAsync(string taxonomy, string termId, CancellationToken cancellationToken = default)
    {
        // Twice the limit: an item whose type has two fields of the taxonomy has a row for each.
        var rows = await (from i in db.Set<TaxonomyIndex>().AsNoTracking()
                          join c in db.Set<ContentItem>().AsNoTracking() on i.ContentItemVersionId equals c.Id
                          where i.Taxonomy == taxonomy && i.TermId == termId && i.Latest
                          orderby c.ModifiedUtc descending
                          select new TermUsage(c.ContentItemId, c.ContentType, c.DisplayText, c.Published))
            .Take(UsageLimit * 2).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(r => r.ContentItemId).Take(UsageLimit)];
    }

    public Task<TaxonomyTerm> AddAsync(string taxonomy, string? name, string? parentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(taxonomy, async ct =>
        {
            var clean = CheckName(name);
            var terms = await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == taxonomy).ToListAsync(ct);
            if (!string.IsNullOrEmpty(parentId) && terms.All(t => t.TermId != parentId))
            {
                throw new TaxonomyInputException("Mục cha không có trong danh mục.");
            }

            var id = SlugGenerator.Slugify(clean);
            if (string.IsNullOrEmpty(id))
            {
                throw new TaxonomyInputException("Tên mục cần có chữ hoặc số.");
            }

            for (var n = 2; terms.Any(t => t.TermId == id); n++)
            {
                id = $"{SlugGenerator.Slugify(clean)}-{n}";
            }

            var term = new TaxonomyTerm
            {
                Taxonomy = taxonomy, TermId = id, Name = clean, ParentId = string.IsNullOrEmpty(parentId) ? null : parentId,
                Order = terms.Count == 0 ? 0 : terms.Max(t => t.Order) + 1,
            };
            db.Add(term);
            await db.SaveChangesAsync(ct);
            return term;
        }, cancellationToken);

    public Task<TaxonomyTerm> RenameAsync(string taxonomy, string termId, string? name, CancellationToken cancellationToken = default) =>
        ChangeAsync(taxonomy, async ct =>
        {
            var term = await RequireAsync(taxonomy, termId, ct);
            term.Name = CheckName(name);
            await db.SaveChangesAsync(ct);
            return term;
        }, cancellationToken);

    /// <summary>Swaps the term with its previous (or next) sibling.</summary>
    public Task<TaxonomyTerm> MoveAsync(string taxonomy, string termId, bool up, CancellationToken cancellationToken = default) =>
        ChangeAsync(taxonomy, async ct =>
        {
            var term = await RequireAsync(taxonomy, termId, ct);
            var siblings = await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == taxonomy && t.ParentId == term.ParentId).OrderBy(t => t.Order).ToListAsync(ct);
            var index = siblings.FindIndex(t => t.TermId == termId);
            var other = up ? index - 1 : index + 1;
            if (other >= 0 && other < siblings.Count)
            {
                (term.Order, siblings[other].Order) = (siblings[other].Order, term.Order);
                await db.SaveChangesAsync(ct);
            }

            return term;
        }, cancellationToken);

    /// <summary>Merges <paramref name="fromTermId"/> into <paramref name="toTermId"/>: every version that named the first names
    /// the second (its field and its index rows), the first's children move under the second, and the first is deleted; recorded.</summary>
    /// <returns>How many items moved.</returns>
    public Task<int> MergeAsync(string taxonomy, string fromTermId, string? toTermId, string userName, CancellationToken cancellationToken = default) =>
        ChangeAsync(taxonomy, async ct =>
        {
            var from = await RequireAsync(taxonomy, fromTermId, ct);
            if (string.IsNullOrEmpty(toTermId) || toTermId == fromTermId)
            {
                throw new TaxonomyInputException("Hãy chọn một mục khác để gộp vào.");
            }

            var to = await RequireAsync(taxonomy, toTermId, ct);
            var rows = await db.Set<TaxonomyIndex>().Where(i => i.Taxonomy == taxonomy && i.TermId == fromTermId).ToListAsync(ct);
            var versionIds = rows.Select(r => r.ContentItemVersionId).Distinct().ToList();
            var versions = await db.Set<ContentItem>().Where(c => versionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var group in rows.GroupBy(r => (r.ContentItemVersionId, r.Field)))
            {
                var (versionId, field) = group.Key;
                var hasTarget = await db.Set<TaxonomyIndex>().AnyAsync(i => i.ContentItemVersionId == versionId && i.Field == field && i.TermId == toTermId, ct);
                if (hasTarget)
                {
                    db.RemoveRange(group);
                }
                else
                {
                    foreach (var row in group)
                    {
                        row.TermId = toTermId;
                    }
                }

                if (versions.TryGetValue(versionId, out var version))
                {
                    Replace(version, field, fromTermId, toTermId);
                }
            }

            foreach (var child in await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == taxonomy && t.ParentId == fromTermId).ToListAsync(ct))
            {
                child.ParentId = to.TermId == child.TermId ? from.ParentId : to.TermId;
            }

            db.Remove(from);
            await db.SaveChangesAsync(ct);
            var items = rows.Select(r => r.ContentItemId).Distinct().Count();
            await audit.RecordAsync(AdminAuditActions.TaxonomyMerge, $"{taxonomy}/{fromTermId}",
                $"Gộp mục «{from.Name}» vào «{to.Name}» ({items} nội dung chuyển sang).", fromTermId, toTermId, actorName: userName, cancellationToken: ct);
            return items;
        }, cancellationToken);

    /// <summary>The field's stored term ids with <paramref name="from"/> replaced by <paramref name="to"/> (once).</summary>
    private static void Replace(ContentItem version, string fieldPath, string from, string to)
    {
        var (part, field) = (fieldPath.Split('.')[0], fieldPath.Split('.')[^1]);
        if (version.Content[part]?[field]?["TermIds"] is not JsonArray ids)
        {
            return;
        }

        var values = ids.Select(n => n?.GetValue<string>()).Where(v => v is not null).Select(v => v == from ? to : v!).Distinct().ToList();
        var content = (JsonObject)version.Content.DeepClone();
        content[part]![field]!["TermIds"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        // A new object, so that the change tracker sees the column change.
        version.Content = content;
    }

    private async Task<TaxonomyTerm> RequireAsync(string taxonomy, string termId, CancellationToken cancellationToken) =>
        await db.Set<TaxonomyTerm>().FirstOrDefaultAsync(t => t.Taxonomy == taxonomy && t.TermId == termId, cancellationToken)
        ?? throw new TaxonomyInputException("Mục không có trong danh mục.");

    private static string CheckName(string? name)
    {
        var clean = name?.Trim();
        return string.IsNullOrEmpty(clean) || clean.Length > MaxNameLength
            ? throw new TaxonomyInputException($"Hãy nhập tên mục (tối đa {MaxNameLength} ký tự).")
            : clean;
    }

    private Task<T> ChangeAsync<T>(string taxonomy, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var result = await work(ct);
            // The readers' pages keep the terms in memory: they read them again after the commit.
            unitOfWork.AfterCommit(() => cache.Remove(TaxonomyTermsCache.Key));
            // Pages cached with the old names or terms (a merge rewrites the items in place, outside ContentManager) are dropped.
            foreach (var handler in committedHandlers)
            {
                unitOfWork.AfterCommit(token => handler.TaxonomyChangedAsync(taxonomy, token));
            }

            return result;
        }, cancellationToken);
}
