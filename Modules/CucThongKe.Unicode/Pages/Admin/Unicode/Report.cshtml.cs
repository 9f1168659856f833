using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Unicode.HealthReport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Unicode.Pages.Admin.Unicode;

/// <summary>
/// Báo cáo Unicode: every stored text that is not clean Unicode, and one-click conversion of a content item into a new
/// draft version, which goes through the workflow like any change (the published version stays until approved).
/// </summary>
[Authorize(Policy = "ViewUnicodeReport")]
public sealed class ReportModel(UnicodeHealthScanner scanner, ContentManager contents, FailureStatuses failures) : PageModel
{
    /// <summary>How many items the page lists in full; the counts cover everything.</summary>
    public const int ListedItems = 300;

    /// <summary>How many items one "convert all" click converts.</summary>
    public const int ConvertAllBatch = 200;

    public HealthScanResult Result { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool CanEdit(HealthFinding finding) => finding.IsContent && ContentAccess.CanEditUnit(User, finding.UnitId);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await scanner.ScanAsync(ListedItems, cancellationToken: cancellationToken);

    /// <summary>A new draft of one item with every flagged string converted.</summary>
    public async Task<IActionResult> OnPostConvertAsync(string? id, CancellationToken cancellationToken)
    {
        var latest = id is { Length: 32 } ? await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) : null;
        if (latest is null)
        {
            return NotFound();
        }

        if (!ContentAccess.CanEdit(User, latest))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await ConvertAsync(latest, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            Error = $"Không lưu được bản nháp của «{Title(latest)}»: {this.ShowFailure(failure)}";
            Result = await scanner.ScanAsync(ListedItems, cancellationToken: cancellationToken);
            return Page();
        }

        TempData["Message"] = outcome.Message;
        return Redirect("/admin/unicode/bao-cao");
    }

    /// <summary>New drafts for the flagged items the user may edit (a batch at a time).</summary>
    public async Task<IActionResult> OnPostConvertAllAsync(CancellationToken cancellationToken)
    {
        var mine = await scanner.ScanAsync(ConvertAllBatch, f => CanEdit(f), cancellationToken);
        var (converted, failed) = (0, 0);
        foreach (var finding in mine.Findings)
        {
            var latest = await contents.GetAsync(finding.Key, VersionOptions.Latest, cancellationToken);
            if (latest is null || !ContentAccess.CanEdit(User, latest))
            {
                continue;
            }

            if ((await ConvertAsync(latest, cancellationToken)).Failure is null)
            {
                converted++;
            }
            else
            {
                failed++;
            }
        }

        TempData["Message"] = $"Đã tạo bản nháp Unicode cho {converted} nội dung" +
            (failed > 0 ? $"; {failed} nội dung không lưu được (mở từng nội dung để xem lý do)" : "") +
            (mine.ItemsWithProblems > mine.Findings.Count ? $"; còn {mine.ItemsWithProblems - mine.Findings.Count} nội dung, hãy bấm lại" : "") + ".";
        return Redirect("/admin/unicode/bao-cao");
    }

    private sealed record Outcome(string? Message, Failure? Failure = null);

    private static string Title(ContentItem item) => item.DisplayText ?? item.ContentItemId;

    private async Task<Outcome> ConvertAsync(ContentItem latest, CancellationToken cancellationToken)
    {
        var (content, changes) = ContentText.Convert(latest.Content);
        var title = Title(latest);
        if (changes.Count == 0 && await scanner.CheckItemAsync(latest.ContentItemId, cancellationToken) is null)
        {
            return new Outcome($"«{title}» đã là Unicode chuẩn; không cần chuyển.");
        }

        try
        {
            var saved = await contents.SaveDraftAsync(new ContentItem { ContentItemId = latest.ContentItemId, ContentType = latest.ContentType, Content = content }, latest.Version, cancellationToken);
            return new Outcome($"Đã tạo bản nháp phiên bản {saved.Version} của «{saved.DisplayText ?? title}» với {changes.Count} chỗ chuyển sang Unicode; bản đang đăng giữ nguyên cho đến khi bản nháp được duyệt.");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            return new Outcome(null, failure);
        }
    }
}
