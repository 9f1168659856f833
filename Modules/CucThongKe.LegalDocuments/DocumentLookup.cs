using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.LegalDocuments.Indexing;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.LegalDocuments;

/// <summary>A legal document as the lookup lists it.</summary>
public sealed record DocumentRow(ContentSummary Item, string Number, string? DocumentType, string? IssuingBody, string? Field, DateOnly? IssueDate);

/// <summary>The filters of the document lookup; empty values filter nothing.</summary>
public sealed record DocumentFilter(string? Number, string? Type, string? Issuer, string? Field, int? Year, string? Text);

/// <summary>The document lookup (/van-ban, Điều 12.2, 12.3): reads <see cref="LegalDocumentIndex"/> only, never a confidential document.</summary>
public sealed class DocumentLookup(CmsDbContext db)
{
    /// <summary>The document lookup: filters on <see cref="LegalDocumentIndex"/>, newest issue date first.</summary>
    public async Task<PagedList<DocumentRow>> FindDocumentsAsync(DocumentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, PublicContent.MaxPage);
        var rows = db.Set<LegalDocumentIndex>().AsNoTracking().Where(d => d.Published && !d.Confidential);
        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = SearchText.Fold(filter.Number.Trim());
            rows = rows.Where(d => d.NumberKey.Contains(number));
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            rows = rows.Where(d => d.DocumentType == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Issuer))
        {
            var issuer = SearchText.Fold(filter.Issuer.Trim());
            rows = rows.Where(d => d.SearchText.Contains(issuer));
        }

        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            rows = rows.Where(d => d.Field == filter.Field);
        }

        if (filter.Year is { } year)
        {
            rows = rows.Where(d => d.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            foreach (var word in SearchText.Fold(filter.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                rows = rows.Where(d => d.SearchText.Contains(word));
            }
        }

        var total = await rows.CountAsync(cancellationToken);
        var found = await (
            from d in rows.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            join c in db.Set<ContentItem>() on d.ContentItemVersionId equals c.Id
            join r in db.Set<AutorouteIndex>() on c.Id equals r.ContentItemVersionId into routes
            from r in routes.DefaultIfEmpty()
            orderby d.IssueDate descending, d.Id descending
            select new DocumentRow(
                new ContentSummary(c.Id, c.ContentItemId, c.ContentType, c.DisplayText, c.PublishedUtc, c.ModifiedUtc, r == null ? null : r.Path),
                d.Number, d.DocumentType, d.IssuingBody, d.Field, d.IssueDate))
            .ToListAsync(cancellationToken);
        return new PagedList<DocumentRow>(found, page, pageSize, total);
    }

    /// <summary>The years documents were issued in, newest first (for the lookup's year list).</summary>
    public async Task<IReadOnlyList<int>> DocumentYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<LegalDocumentIndex>().Where(d => d.Published && !d.Confidential && d.Year != null)
            .Select(d => d.Year!.Value).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
}
