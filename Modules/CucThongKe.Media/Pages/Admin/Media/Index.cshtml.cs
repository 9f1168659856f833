using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CucThongKe.Media.Pages.Admin.Media;

/// <summary>Browse, search and upload to the media library.</summary>
[Authorize(Policy = "UploadMedia")]
[RequestFormLimits(MultipartBodyLengthLimit = 60L * 1024 * 1024)]
[RequestSizeLimit(60L * 1024 * 1024)]
public sealed class IndexModel(MediaLibrary library, IOptions<MediaOptions> options) : PageModel
{
    public IReadOnlyList<MediaFile> Files { get; private set; } = [];

    public IReadOnlyList<string> Folders { get; private set; } = [];

    public string? Folder { get; private set; }

    public string? Search { get; private set; }

    public string? Refusal { get; private set; }

    public MediaFile? Uploaded { get; private set; }

    public IReadOnlyList<string> UploadNotes { get; private set; } = [];

    public MediaOptions Limits => options.Value;

    public async Task OnGetAsync(string? folder, string? q, CancellationToken cancellationToken)
    {
        Folder = MediaLibrary.NormalizeFolder(folder) ?? "";
        Search = q?.Length > 200 ? q[..200] : q;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? folder, CancellationToken cancellationToken)
    {
        Folder = folder;
        if (file is null || file.Length == 0)
        {
            Refusal = "Hãy chọn một tệp.";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await library.UploadAsync(stream, file.FileName, folder, cancellationToken);
            Refusal = result.Refusal;
            Uploaded = result.File;
            UploadNotes = result.Notes;
            Folder = result.File?.Folder ?? folder;
        }

        await LoadAsync(cancellationToken);
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Files = await library.ListAsync(Folder, Search, cancellationToken: cancellationToken);
        Folders = await library.FoldersAsync(cancellationToken);
    }
}
