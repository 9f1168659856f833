using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>A draft as the public site would show it, for signed-in users allowed to see it.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PreviewModel(ContentManager contents) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public string? Summary { get; private set; }

    public string? BodyHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
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

        Item = version is null ? latest : (await contents.GetVersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version) ?? latest;
        Summary = Item.As<SummaryPart>()?.Summary;
        BodyHtml = Item.As<HtmlBodyPart>()?.Html;
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
