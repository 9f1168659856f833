using CucThongKe.Core.Settings;
using CucThongKe.Statistics.OpenData;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>One dataset (<c>/du-lieu-mo/{key}</c>): what it is, its formats, licence and citation, and its schema.org
/// <c>Dataset</c> description.</summary>
public sealed class DatasetModel(OpenDataCatalog catalog, SettingsStore settings) : PageModel
{
    public DatasetDetail Detail { get; private set; } = null!;

    public string Citation { get; private set; } = "";

    /// <summary>The JSON-LD text (encoded by <see cref="DatasetJsonLd"/> for a script element).</summary>
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length > 80 || await catalog.FindAsync(key, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = PublicAddress.Of(site) ?? $"{Request.Scheme}://{Request.Host}";
        Detail = detail;
        Citation = site.Citation;
        JsonLd = DatasetJsonLd.Of(detail, baseUrl, site);
        ViewData["Title"] = detail.Dataset.Title;
        ViewData["Description"] = $"{detail.Dataset.KindName}: {detail.Dataset.Title}. Tải về: {string.Join(", ", detail.Dataset.Formats.Select(f => f.Name))}.";
        Breadcrumb.Set(ViewData, OpenDataModel.Link, new MenuLink(detail.Dataset.Title, detail.Dataset.Url));
        return Page();
    }
}
