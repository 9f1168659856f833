using System.Diagnostics;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using CucThongKe.Media.Library;
using CucThongKe.Unicode.Converter;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Unicode.HealthReport;

/// <summary>One stored thing with text that is not clean Unicode.</summary>
/// <param name="Area">"Nội dung", "Đơn vị", "Danh mục", "Người dùng", "Thư viện tệp".</param>
/// <param name="Key">The item's id in its area (the content item id for content).</param>
/// <param name="Label">What the user recognises it by (a title, a name).</param>
/// <param name="UnitId">The unit a content item belongs to (who may edit it); null elsewhere.</param>
public sealed record HealthFinding(string Area, string Key, string Label, string? ContentType, string? UnitId, IReadOnlyList<TextChange> Changes)
{
    public bool IsContent => Area == UnicodeHealthScanner.ContentArea;
}

/// <summary>What the scan found: counts over everything, the first findings in full.</summary>
public sealed class HealthScanResult
{
    public Dictionary<ChangeKind, int> FieldsByKind { get; } = [];

    public List<HealthFinding> Findings { get; } = [];

    /// <summary>Items (of any area) with at least one string not clean, including those beyond <see cref="Findings"/>.</summary>
    public int ItemsWithProblems { get; set; }

    public int ContentItemsScanned { get; set; }

    public int OtherRecordsScanned { get; set; }

    public TimeSpan Elapsed { get; set; }

    public bool Clean => ItemsWithProblems == 0;
}

/// <summary>
/// Scans all stored text for NFD, TCVN3, VNI, look-alikes and mixed text: the latest version of every content item
/// (every string of its content, and its display text), units, taxonomy terms, users' names and media file names.
/// Reads in batches ordered by id, so memory stays flat however many items the site holds.
/// </summary>
public sealed class UnicodeHealthScanner(CmsDbContext db)
{
    public const string ContentArea = "Nội dung";

    public const int BatchSize = 500;

    /// <param name="maxFindings">How many findings to keep in full (the counts cover everything).</param>
    /// <param name="contentFilter">Only content findings matching this are kept (for "convert all I may edit").</param>
    public async Task<HealthScanResult> ScanAsync(int maxFindings, Func<HealthFinding, bool>? contentFilter = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var result = new HealthScanResult();
        await ScanContentAsync(result, maxFindings, contentFilter, cancellationToken);
        if (contentFilter is null)
        {
            await ScanOthersAsync(result, maxFindings, cancellationToken);
        }

        result.Elapsed = watch.Elapsed;
        return result;
    }

    /// <summary>The latest version's problems for one item (null when it has none or does not exist).</summary>
    public async Task<HealthFinding?> CheckItemAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken);
        return item is null ? null : Check(item.ContentItemId, item.ContentType, item.DisplayText, item.UnitId, item.Content);
    }

    private async Task ScanContentAsync(HealthScanResult result, int maxFindings, Func<HealthFinding, bool>? filter, CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var batch = await db.Set<ContentItem>().AsNoTracking()
                .Where(c => c.Latest && c.Id > last)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.ContentItemId, c.ContentType, c.DisplayText, c.UnitId, c.Content })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var item in batch)
            {
                if (Check(item.ContentItemId, item.ContentType, item.DisplayText, item.UnitId, item.Content) is { } finding && (filter is null || filter(finding)))
                {
                    Record(result, finding, maxFindings);
                }
            }

            result.ContentItemsScanned += batch.Count;
            last = batch[^1].Id;
        }
    }

    private static HealthFinding? Check(string contentItemId, string contentType, string? displayText, string? unitId, System.Text.Json.Nodes.JsonObject content)
    {
        var changes = ContentText.Find(content);
        if (displayText is not null && VietnameseConversion.Convert("Tiêu đề hiển thị", displayText, null) is { } title && !changes.Any(c => c.Before == displayText))
        {
            changes.Insert(0, title);
        }

        return changes.Count == 0 ? null : new HealthFinding(ContentArea, contentItemId, displayText ?? contentItemId, contentType, unitId, changes);
    }

    private async Task ScanOthersAsync(HealthScanResult result, int maxFindings, CancellationToken cancellationToken)
    {
        // Units, terms and accounts are a few hundred rows at most; the media library is paged like content.
        foreach (var unit in await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken))
        {
            CheckRecord(result, maxFindings, "Đơn vị", unit.Id, unit.Name, [("Tên", unit.Name), ("Tên ngắn", unit.ShortName), ("Địa chỉ", unit.Address), ("Trưởng đơn vị", unit.HeadName), ("Chức vụ trưởng đơn vị", unit.HeadPosition)]);
        }

        foreach (var taxonomy in await db.Set<Taxonomy>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken))
        {
            CheckRecord(result, maxFindings, "Danh mục", taxonomy.Name, taxonomy.DisplayName, [("Tên danh mục", taxonomy.DisplayName)]);
        }

        foreach (var term in await db.Set<TaxonomyTerm>().AsNoTracking().OrderBy(t => t.Taxonomy).ThenBy(t => t.TermId).ToListAsync(cancellationToken))
        {
            CheckRecord(result, maxFindings, "Danh mục", $"{term.Taxonomy}/{term.TermId}", term.Name, [("Tên mục", term.Name)]);
        }

        foreach (var user in await db.Set<CmsUser>().AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.UserName, u.DisplayName, u.Position }).ToListAsync(cancellationToken))
        {
            CheckRecord(result, maxFindings, "Người dùng", user.UserName ?? "", user.DisplayName ?? user.UserName ?? "", [("Tên hiển thị", user.DisplayName), ("Chức vụ", user.Position)]);
        }

        long last = 0;
        while (true)
        {
            var batch = await db.Set<MediaFile>().AsNoTracking().Where(m => m.Id > last).OrderBy(m => m.Id).Take(BatchSize)
                .Select(m => new { m.Id, m.Path, m.OriginalName }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var media in batch)
            {
                CheckRecord(result, maxFindings, "Thư viện tệp", media.Path, media.OriginalName, [("Tên gốc", media.OriginalName)]);
            }

            last = batch[^1].Id;
        }
    }

    private static void CheckRecord(HealthScanResult result, int maxFindings, string area, string key, string label, (string Field, string? Value)[] fields)
    {
        result.OtherRecordsScanned++;
        var changes = fields.Select(f => f.Value is null ? null : VietnameseConversion.Convert(f.Field, f.Value, null)).OfType<TextChange>().ToList();
        if (changes.Count > 0)
        {
            Record(result, new HealthFinding(area, key, label, null, null, changes), maxFindings);
        }
    }

    private static void Record(HealthScanResult result, HealthFinding finding, int maxFindings)
    {
        result.ItemsWithProblems++;
        foreach (var change in finding.Changes)
        {
            result.FieldsByKind[change.Kind] = result.FieldsByKind.GetValueOrDefault(change.Kind) + 1;
        }

        if (result.Findings.Count < maxFindings)
        {
            result.Findings.Add(finding);
        }
    }
}
