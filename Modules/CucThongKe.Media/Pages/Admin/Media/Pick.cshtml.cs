using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Media.Pages.Admin.Media;

/// <summary>
/// Chooses a file of the library for an editor field: without JavaScript each choice is a link back to the editor with the
/// path filled in; with JavaScript the page runs in a dialog of the editor and hands the path over directly.
/// </summary>
[Authorize(Policy = "UploadMedia")]
[AllowSameOriginFraming]
public sealed class PickModel(MediaLibrary library) : PageModel
{
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

    public async Task OnGetAsync(CancellationToken cancellationToken)
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
