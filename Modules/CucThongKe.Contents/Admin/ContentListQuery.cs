using System.Security.Claims;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.TextEncoding;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Admin;

/// <summary>The back office's content list: filters on columns (and the modules' filters, <see cref="IContentListExtension"/>),
/// newest first by default, titles in Vietnamese order and matched without diacritics.</summary>
public sealed class ContentListQuery(CmsDbContext db, IEnumerable<IContentListExtension> extensions)
{
    public const int PageSize = 20;

    /// <summary>The page of the list, or null when a module's filter does not know the value asked for.</summary>
    public async Task<ContentListPage?> RunAsync(ContentListFilter filter, string? onlyUnit, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var items = db.Set<ContentItem>().AsNoTracking().Where(c => c.Latest);
        foreach (var extension in extensions)
        {
            if (filter.Extra?.GetValueOrDefault(extension.Key) is { Length: > 0 } value)
            {
                if (await extension.FilterAsync(items, value, user, cancellationToken) is not { } filtered)
                {
                    return null;
                }

                items = filtered;
            }
        }

        if (onlyUnit is not null)
        {
            items = items.Where(c => c.UnitId == onlyUnit);
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            items = items.Where(c => c.ContentType == filter.Type);
        }

        items = filter.State switch
        {
            "draft" => items.Where(c => !c.Published),
            "published" => items.Where(c => c.Published),
            _ => items,
        };

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            items = items.Where(c => c.UnitId == filter.Unit);
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            items = items.Where(c => c.Author == filter.Author);
        }

        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            items = items.Where(c => c.ModifiedUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            items = items.Where(c => c.ModifiedUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Folded on both sides (VietnameseText.Fold): "dong hy" finds "Đồng Hỷ", and "Đồng" finds "dong".
            var text = VietnameseText.Fold(filter.Text.Trim());
            items = items.Where(c => c.TitleFolded != null && c.TitleFolded.Contains(text));
        }

        var total = await items.CountAsync(cancellationToken);
        var ordered = filter.Sort switch
        {
            "title" => items.OrderBy(c => c.TitleKey).ThenBy(c => c.Id),
            "created" => items.OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id),
            _ => items.OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id),
        };
        var page = Math.Max(1, filter.Page);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ContentListRow(c.ContentItemId, c.Version, c.ContentType, c.DisplayText, c.Published, c.ModifiedUtc, c.Author, c.UnitId))
            .ToListAsync(cancellationToken);
        return new ContentListPage(rows, total, page, (total + PageSize - 1) / PageSize);
    }
}

/// <summary>What the editor asked the list for (all optional).</summary>
/// <param name="Extra">The modules' filters by their <see cref="IContentListExtension.Key"/>.</param>
public sealed record ContentListFilter(string? Type, string? State, string? Unit, string? Author, DateOnly? From, DateOnly? To, string? Text, string? Sort, int Page = 1,
    IReadOnlyDictionary<string, string>? Extra = null);

public sealed record ContentListRow(string ContentItemId, int Version, string ContentType, string? DisplayText, bool Published, DateTime ModifiedUtc, string? Author, string? UnitId);

public sealed record ContentListPage(IReadOnlyList<ContentListRow> Rows, int Total, int Page, int PageCount);
