using System.Globalization;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.DataTables;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Consultation;

/// <summary>A consultation in the public list: the item, its period and how many comments were accepted.</summary>
public sealed record ConsultationEntry(ContentSummary Item, DiscussionWindow Window, bool NotYetOpen, int AcceptedCount, string? UnitInCharge);

/// <summary>What the unit in charge reads of its consultation: the period, counts by status and the accepted comments.</summary>
public sealed record ConsultationSummary(ContentItem Item, DiscussionWindow Window, int Pending, int Accepted, int Rejected, PagedList<PublicComment> AcceptedComments)
{
    public int Total => Pending + Accepted + Rejected;
}

/// <summary>A summary exported as a file.</summary>
public sealed record ConsultationExport(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Consultation on draft documents (lấy ý kiến dự thảo): a draft published through the approval chain takes readers'
/// comments between the two date-times its type's <see cref="DiscussionTypeSettings"/> name (moderated as every discussion);
/// the public list, and the unit's summary and its export.
/// </summary>
public sealed class Consultations(CmsDbContext db, Discussions discussions, PublicContent publicContent, ContentDefinitionManager definitions, TimeProvider time)
{
    /// <summary>The content type of a draft put out for comments (the setup recipe defines it).</summary>
    public const string ContentType = "Consultation";

    /// <summary>The field naming the unit in charge of the draft.</summary>
    public const string UnitField = "Consultation.UnitInCharge";

    public const int PublicPageSize = 20;

    /// <summary>At most this many accepted comments go into one export (a consultation rarely has a tenth of it).</summary>
    public const int MaxExportRows = 10_000;

    /// <summary>Published consultations, newest first, each with its period and its accepted comments' count.</summary>
    public async Task<PagedList<ConsultationEntry>> PublicListAsync(int page, CancellationToken cancellationToken)
    {
        var list = await publicContent.ListAsync(ContentType, null, null, page, PublicPageSize, cancellationToken);
        var versionIds = list.Items.Select(i => i.VersionId).ToList();
        var itemIds = list.Items.Select(i => i.ContentItemId).ToList();
        var items = await db.Set<ContentItem>().AsNoTracking().Where(c => versionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var counts = await db.Set<Comment>().AsNoTracking()
            .Where(c => itemIds.Contains(c.ContentItemId) && c.Status == CommentStatus.Accepted)
            .GroupBy(c => c.ContentItemId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var type = await definitions.GetResolvedTypeAsync(ContentType, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var entries = new List<ConsultationEntry>();
        foreach (var summary in list.Items)
        {
            if (items.GetValueOrDefault(summary.VersionId) is { } item && await discussions.WindowAsync(item, cancellationToken) is { } window)
            {
                entries.Add(new ConsultationEntry(summary, window, window.NotYetOpen(now), counts.GetValueOrDefault(summary.ContentItemId), type?.FieldValue<TextField>(item, UnitField)?.Text));
            }
        }

        return new PagedList<ConsultationEntry>(entries, list.Page, list.PageSize, list.Total);
    }

    /// <summary>The summary of a consultation (its latest version) for the unit; null when the item is not one.</summary>
    public async Task<ConsultationSummary?> SummaryAsync(ContentItem item, int page, CancellationToken cancellationToken)
    {
        if (await discussions.WindowAsync(item, cancellationToken) is not { State: null } window)
        {
            return null;
        }

        var counts = await db.Set<Comment>().AsNoTracking().Where(c => c.ContentItemId == item.ContentItemId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new ConsultationSummary(item, window, counts.GetValueOrDefault(CommentStatus.Pending), counts.GetValueOrDefault(CommentStatus.Accepted),
            counts.GetValueOrDefault(CommentStatus.Rejected), await discussions.AcceptedAsync(item.ContentItemId, page, cancellationToken));
    }

    /// <summary>The accepted comments of a consultation as a spreadsheet (<c>xlsx</c>) or CSV, through the site's table export
    /// (the citation line of Điều 8.1 under the rows); null for another format.</summary>
    public async Task<ConsultationExport?> ExportAsync(ContentItem item, string? format, string citation, CancellationToken cancellationToken)
    {
        if (format is not ("xlsx" or "csv"))
        {
            return null;
        }

        var comments = await db.Set<Comment>().AsNoTracking()
            .Where(c => c.ContentItemId == item.ContentItemId && c.Status == CommentStatus.Accepted)
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Take(MaxExportRows)
            .Select(c => new { c.Name, c.Text, c.CreatedUtc })
            .ToListAsync(cancellationToken);
        var table = new StatTable
        {
            Caption = item.DisplayText ?? "",
            Headers = ["STT", "Thời điểm gửi (giờ Việt Nam)", "Họ và tên", "Ý kiến"],
            Rows = [.. comments.Select((c, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), VietnamTime.Format(c.CreatedUtc), Cell(c.Name), Cell(c.Text)])],
        };
        var name = "y-kien-" + item.ContentItemId[^10..];
        return format == "xlsx"
            ? new ConsultationExport(StatTableExport.Xlsx(table, citation), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : new ConsultationExport(StatTableExport.Csv(table, citation), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>A reader's text as a cell no spreadsheet program takes for a formula (=, +, -, @ first: CSV injection).</summary>
    private static string Cell(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
