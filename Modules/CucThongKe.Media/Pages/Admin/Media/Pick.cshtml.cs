using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Media.Pages.Admin.Media;

/// <summary>
/// Chooses a file of the library for an editor field: without JavaScript each choice is a link back to the editor with the
/// path filled in; with JavaScript the page runs in a dialog of the editor and hands the path over directly.
/// </summary>
[Authorize(Policy = "UploadMedia")]
[AllowSameOriginFraming]
[RequestFormLimits(MultipartBodyLengthLimit = 60L * 1024 * 1024)]
[RequestSizeLimit(60L * 1024 * 1024)]
public sealed class PickModel(MediaLibrary library) : PageModel
{
    public string? Refusal { get; private set; }

    public IReadOnlyList<MediaFile> Files { get; private set; } = [];

    public IReadOnlyList<string> Folders { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "truong")]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "quay-lai")]
    public string? Back { get; set; }

    [BindProperty(SupportsGet = true, Name = "thu-muc")]
    public string? Folder { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public bool ImagesOnly => Kind == "anh";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Uploads straight from the picker (the same checks as the library's page); the new file is then listed first.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? folder, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Refusal = "Hãy chọn một tệp.";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            Refusal = (await library.UploadAsync(stream, file.FileName, folder, cancellationToken)).Refusal;
        }

        if (Refusal is null)
        {
            return Redirect(Request.Path + Request.QueryString);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>An image dropped into the rich-text editor (admin.js): stored in the library with the same checks, answered as JSON.</summary>
    public async Task<IActionResult> OnPostDropAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return BadRequest(new { error = "Hãy chọn một tệp ảnh." });
        }

        await using var stream = file.OpenReadStream();
        var result = await library.UploadAsync(stream, file.FileName, DropFolder, cancellationToken);
        if (result.File is not { } stored)
        {
            return BadRequest(new { error = result.Refusal });
        }

        return stored.Kind == MediaKind.Image
            ? new JsonResult(new { path = stored.Path, name = stored.OriginalName })
            : new JsonResult(new { path = stored.Path, name = stored.OriginalName, error = "Tệp đã vào thư viện nhưng không phải ảnh: chèn bằng nút liên kết." });
    }

    /// <summary>Where dropped images go in the library.</summary>
    public const string DropFolder = "anh-keo-tha";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Only the editor's own pages are places to go back to, by the site's one check of a return address: no open redirect.
        if (!LocalUrl.IsSafe(Back) || !Back!.StartsWith("/admin/contents/", StringComparison.Ordinal) || Back.Contains("//", StringComparison.Ordinal))
        {
            Back = null;
        }

        Search = Search?.Length > 200 ? Search[..200] : Search;
        var files = await library.ListAsync(string.IsNullOrEmpty(Folder) ? null : Folder, Search, cancellationToken: cancellationToken);
        Files = ImagesOnly ? [.. files.Where(f => f.Kind == MediaKind.Image)] : files;
        Folders = await library.FoldersAsync(cancellationToken);
    }

    /// <summary>The editor's address with this file chosen for the field.</summary>
    public string? ChooseUrl(MediaFile file) => Back is null || Field is null
        ? null
        : $"{Back}?truong={Uri.EscapeDataString(Field)}&tep={Uri.EscapeDataString(file.Path)}";
}
