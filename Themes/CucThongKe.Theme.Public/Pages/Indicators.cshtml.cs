using CucThongKe.Statistics.Indicators;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The indicators by theme (<c>/chi-so</c>).</summary>
public sealed class IndicatorsModel(IndicatorStore store) : PageModel
{
    public IReadOnlyList<IGrouping<string, Indicator>> Themes { get; private set; } = [];

    public static MenuLink Link => SiteMenu.More.Single(m => m.Url == "/chi-so");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Themes = [.. (await store.ListAsync(cancellationToken)).GroupBy(i => i.Theme ?? "Chỉ số khác")];
        ViewData["Title"] = Link.Title;
        ViewData["Description"] = Link.Description;
        Breadcrumb.Set(ViewData, Link);
    }
}
