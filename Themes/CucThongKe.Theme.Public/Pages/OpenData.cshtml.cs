using CucThongKe.Contents.Published;
using CucThongKe.Core.Settings;
using CucThongKe.Statistics.OpenData;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The open data catalogue (<c>/du-lieu-mo</c>): every dataset, paged, with its formats, the licence and citation.</summary>
public sealed class OpenDataModel(OpenDataCatalog catalog, SettingsStore settings) : PageModel
{
    public PagedList<Dataset> Datasets { get; private set; } = null!;

    public string Citation { get; private set; } = "";

    [FromQuery(Name = "trang")] public string? PageNumber { get; set; }

    public static MenuLink Link => SiteMenu.More.Single(m => m.Url == OpenDataCatalog.PagePath);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (BadQuery.PageNumber(PageNumber) is not { } page)
        {
            return BadQuery.Result(this, BadQuery.BadPage);
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        Citation = site.Citation;
        Datasets = await catalog.ListAsync(page, Math.Clamp(site.PageSize, 5, 100), cancellationToken);
        ViewData["Title"] = Link.Title;
        ViewData["Description"] = Link.Description;
        Breadcrumb.Set(ViewData, Link);
        return Page();
    }
}
