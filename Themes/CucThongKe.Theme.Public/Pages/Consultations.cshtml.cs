using CucThongKe.CitizenServices.Consultation;
using CucThongKe.Contents.Published;
using CucThongKe.OutputCache;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The list of consultations on draft documents (lấy ý kiến dự thảo): open, coming and closed, newest first, paged.</summary>
public sealed class ConsultationsModel(Consultations consultations) : PageModel
{
    public static readonly MenuLink Link = SiteMenu.More.Single(m => m.Url == "/lay-y-kien");

    public PagedList<ConsultationEntry> Entries { get; private set; } = new([], 1, Consultations.PublicPageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        if (BadQuery.PageNumber(page) is not { } number)
        {
            return BadQuery.Result(this, BadQuery.BadPage);
        }

        Entries = await consultations.PublicListAsync(number, cancellationToken);
        // An item's period opens and closes with the clock, not with a content change: the page is drawn for each reader.
        CacheTags.DoNotStore(HttpContext);
        ViewData["Title"] = Link.Title;
        ViewData["Description"] = Link.Description;
        Breadcrumb.Set(ViewData, Link);
        return Page();
    }
}
