using CucThongKe.Contents.Published;
using CucThongKe.OutputCache;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The listing of one area (news, pages, publications, Q&amp;A), optionally of one category, with paging.</summary>
public abstract class ListingModel(PublicContent content, SettingsStore settings) : PageModel
{
    public PagedList<ContentSummary> Items { get; private set; } = null!;

    public IReadOnlyList<TaxonomyTerm> Categories { get; private set; } = [];

    public TaxonomyTerm? Category { get; private set; }

    public abstract MenuLink Area { get; }

    protected abstract string ContentType { get; }

    /// <summary>The taxonomy whose terms are this area's categories, if it has some.</summary>
    protected virtual string? CategoryTaxonomy => null;

    public string Heading => Category?.Name ?? Area.Title;

    /// <remarks>The page number is read as text and checked here: a value that is no page number (<c>?trang=abc</c>,
    /// <c>?trang=-1</c>) is the site's 400 page, as on every list page; a page past the last one is not found.</remarks>
    public async Task<IActionResult> OnGetAsync(string? term, [FromQuery(Name = "trang")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (BadQuery.PageNumber(pageNumber) is not { } page)
        {
            return BadQuery.Result(this, BadQuery.BadPage);
        }

        if (CategoryTaxonomy is not null)
        {
            Categories = await content.TermsAsync(CategoryTaxonomy, cancellationToken);
            if (term is not null)
            {
                Category = Categories.FirstOrDefault(t => t.TermId == term);
                if (Category is null)
                {
                    return NotFound();
                }
            }
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        Items = await content.ListAsync(ContentType, CategoryTaxonomy, Category?.TermId, page, Math.Clamp(site.PageSize, 5, 100), cancellationToken);
        if (Items.Page > Items.PageCount)
        {
            return NotFound();
        }

        CacheTags.Add(HttpContext, CacheTags.Type(ContentType));
        ViewData["Title"] = Items.Page > 1 ? $"{Heading} - trang {Items.Page}" : Heading;
        ViewData["Description"] = Area.Description;
        ViewData["Date"] = Items.Items.Max(i => i.PublishedUtc)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Breadcrumb.Set(ViewData, Category is null ? [Area] : [Area, new MenuLink(Category.Name, Request.Path)]);
        Feeds.FeedCatalog.Advertise(ViewData, Area.Url, Category is null ? null : (Category.TermId, Category.Name));
        return Page();
    }
}
