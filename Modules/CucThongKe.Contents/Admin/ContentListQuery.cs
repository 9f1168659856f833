using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Admin;

/// <summary>The back office's content list: filters on columns only, newest first by default.</summary>
public sealed class ContentListQuery(CmsDbContext db)
{
    public const int PageSize = 20;

    public async Task<ContentListPage> RunAsync(ContentListFilter filter, string? onlyUnit, CancellationToken cancellationToken = default)
    {
        var items = db.Set<ContentItem>().AsNoTracking().Where(c => c.Latest);
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
            var text = filter.Text.Trim();
            items = items.Where(c => c.DisplayText != null && c.DisplayText.Contains(text));
        }

        var total = await items.CountAsync(cancellationToken);
        var ordered = filter.Sort switch
        {
            "title" => items.OrderBy(c => c.DisplayText).ThenBy(c => c.Id),
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
public sealed record ContentListFilter(string? Type, string? State, string? Unit, string? Author, DateOnly? From, DateOnly? To, string? Text, string? Sort, int Page = 1);

public sealed record ContentListRow(string ContentItemId, int Version, string ContentType, string? DisplayText, bool Published, DateTime ModifiedUtc, string? Author, string? UnitId);

public sealed record ContentListPage(IReadOnlyList<ContentListRow> Rows, int Total, int Page, int PageCount);
