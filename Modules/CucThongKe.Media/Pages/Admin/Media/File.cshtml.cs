using CucThongKe.Contents.Admin;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Media.Pages.Admin.Media;

/// <summary>One library file: where it is used, replace its content at the same address, delete it while nothing uses it.</summary>
/// <remarks>Replacing and deleting belong to the uploader's unit (or those who edit every unit's items), as items do.</remarks>
[Authorize(Policy = "UploadMedia")]
[RequestFormLimits(MultipartBodyLengthLimit = 60L * 1024 * 1024)]
[RequestSizeLimit(60L * 1024 * 1024)]
public sealed class FileModel(MediaLibrary library) : PageModel
{
    public MediaFile Item { get; private set; } = null!;

    public IReadOnlyList<MediaUsage> Usages { get; private set; } = [];

    public string? Refusal { get; private set; }

    /// <summary>Whether the signed-in person may replace or delete the file.</summary>
    public bool CanChange => ContentAccess.CanEditUnit(User, Item.UploaderUnitId);

    /// <summary>Whether the person sees the item (else the list names it without its title).</summary>
    public bool CanSee(MediaUsage usage) => ContentAccess.CanViewUnit(User, usage.UnitId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostReplaceAsync(long id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!CanChange)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (file is null || file.Length == 0)
        {
            return Refuse("Hãy chọn tệp thay thế.");
        }

        await using var stream = file.OpenReadStream();
        var result = await library.ReplaceAsync(Item, stream, file.FileName, cancellationToken);
        if (result.PublishedUsages.Count > 0)
        {
            Usages = result.PublishedUsages;
            Response.StatusCode = StatusCodes.Status409Conflict;
            Refusal = result.Refusal;
            return Page();
        }

        if (result.Refusal is not null)
        {
            return Refuse(result.Refusal);
        }

        TempData["Message"] = "Đã thay nội dung tệp; địa chỉ giữ nguyên, các trang dùng tệp hiện nội dung mới.";
        return Redirect($"/admin/media/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!CanChange)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var usages = await library.DeleteAsync(Item, cancellationToken);
        if (usages.Count > 0)
        {
            Usages = usages;
            Response.StatusCode = StatusCodes.Status409Conflict;
            Refusal = $"Không xoá được: tệp đang được {usages.Count}{(usages.Count >= MediaLibrary.MaxUsages ? "+" : "")} nội dung dùng (danh sách bên dưới). Gỡ tệp khỏi các nội dung đó trước.";
            return Page();
        }

        TempData["Message"] = $"Đã xoá tệp {Item.Path}.";
        return Redirect("/admin/media");
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Item = file;
        Usages = await library.UsagesAsync(file.Path, cancellationToken);
        return null;
    }
}
