using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>A published item at its public path; drafts and scheduled items are not found here.</summary>
public sealed class ContentItemModel(ContentManager contents, SettingsStore settings) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public string? Summary { get; private set; }

    public string? BodyHtml { get; private set; }

    public string Citation { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 400)
        {
            return NotFound();
        }

        var item = await contents.GetByPathAsync(path, VersionOptions.Published, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Summary = item.As<SummaryPart>()?.Summary;
        BodyHtml = item.As<HtmlBodyPart>()?.Html;
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        Citation = site.Citation;
        return Page();
    }
}
