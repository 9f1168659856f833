using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>An item's versions: who and when, a diff between any two, restoring an old one as a new draft, and its transfers between units.</summary>
public sealed class VersionsModel(ContentManager contents, IUnitDirectory unitDirectory, FailureStatuses failures, ContentDiffer differ) : PageModel
{
    /// <summary>The item's recorded moves from one unit to another, newest first.</summary>
    public IReadOnlyList<AdminAuditEntry> Transfers { get; private set; } = [];

    /// <summary>The units an item may be moved to (only for those who may transfer).</summary>
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool CanTransfer => ContentAccess.CanTransfer(User);

    public string? TransferError { get; private set; }

    public string UnitName(string? unitId) => Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? unitId ?? "(không có)";

    public ContentItem Latest { get; private set; } = null!;

    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public int A { get; private set; }

    public int B { get; private set; }

    public bool CanEdit => ContentAccess.CanEdit(User, Latest);

    public async Task<IActionResult> OnGetAsync(string id, int? a, int? b, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        B = b ?? Latest.Version;
        A = a ?? Math.Max(1, B - 1);
        var before = Versions.FirstOrDefault(v => v.Version == A);
        var after = Versions.FirstOrDefault(v => v.Version == B);
        if ((a is not null || b is not null) && (before is null || after is null))
        {
            return NotFound();
        }

        if (before is not null && after is not null && before.Id != after.Id)
        {
            Diff = await differ.CompareAsync(before, after, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, int version, int latest, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var old = Versions.FirstOrDefault(v => v.Version == version);
        if (old is null)
        {
            return NotFound();
        }

        try
        {
            var restored = await contents.SaveDraftAsync(new ContentItem { ContentItemId = old.ContentItemId, ContentType = old.ContentType, Content = old.Content }, latest, cancellationToken);
            TempData["Message"] = $"Đã khôi phục phiên bản {version} thành bản nháp mới (phiên bản {restored.Version}).";
            EditModel.KeepWarnings(TempData, restored);
            return Redirect($"/admin/contents/{id}/edit");
        }
        catch (ContentConflictException ex)
        {
            TempData["Message"] = ex.Message;
            return Redirect($"/admin/contents/{id}/versions");
        }
        catch (ContentValidationException ex)
        {
            // The type changed since that version (a field became required...): say so rather than fail.
            TempData["Message"] = "Không khôi phục được phiên bản này: " + string.Join(" ", ex.Errors.Select(e => $"{e.Path}: {e.Message}"));
            return Redirect($"/admin/contents/{id}/versions");
        }
    }

    public async Task<IActionResult> OnPostTransferAsync(string id, string? unitId, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanTransfer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            await contents.TransferAsync(id, unitId ?? "", reason, cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            TransferError = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
            B = Latest.Version;
            A = Math.Max(1, B - 1);
            return Page();
        }

        TempData["Message"] = $"Đã chuyển nội dung sang {UnitName(unitId)}.";
        return Redirect($"/admin/contents/{id}/versions");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var latest = id.Length == 32 ? await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) : null;
        if (latest is null)
        {
            return NotFound();
        }

        if (!ContentAccess.CanView(User, latest))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Latest = latest;
        Versions = await contents.GetVersionsAsync(id, cancellationToken);
        Transfers = await contents.GetTransfersAsync(id, cancellationToken);
        Units = await unitDirectory.ListActiveAsync(cancellationToken);
        return null;
    }
}
