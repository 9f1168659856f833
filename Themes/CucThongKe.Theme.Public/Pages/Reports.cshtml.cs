using CucThongKe.Statistics;
using CucThongKe.Contents.Published;
using CucThongKe.OutputCache;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The archive of socio-economic reports (Điều 12.6) by period kind and year.</summary>
public sealed class ReportsModel(PublicContent content, ReportArchive reports, SettingsStore settings) : PageModel
{
    public PagedList<ReportRow> Results { get; private set; } = null!;

    public IReadOnlyList<TaxonomyTerm> Kinds { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [FromQuery(Name = "ky")] public string? Kind { get; set; }

    [FromQuery(Name = "nam")] public string? Year { get; set; }

    [FromQuery(Name = "trang")] public string? PageNumber { get; set; }

    public string KindName(string? id) => Kinds.FirstOrDefault(t => t.TermId == id)?.Name ?? id ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (!int.TryParse(Year, System.Globalization.CultureInfo.InvariantCulture, out var y) || y is < 1945 or > 2100)
            {
                return BadQuery.Result(this, "Năm không hợp lệ: năm là bốn chữ số, từ 1945 đến 2100.");
            }

            year = y;
        }

        if (BadQuery.PageNumber(PageNumber) is not { } page)
        {
            return BadQuery.Result(this, BadQuery.BadPage);
        }

        Kinds = await content.TermsAsync(PublicTypes.ReportPeriods, cancellationToken);
        if (!string.IsNullOrWhiteSpace(Kind) && Kinds.All(k => k.TermId != Kind))
        {
            return BadQuery.Result(this, "Kỳ báo cáo không hợp lệ: chọn một kỳ trong danh sách.");
        }

        Years = await reports.ReportYearsAsync(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        Results = await reports.FindReportsAsync(Kind, year, page, Math.Clamp(site.PageSize, 5, 100), cancellationToken);
        var area = SiteMenu.Main.Single(m => m.Url == "/tinh-hinh-kinh-te-xa-hoi");
        CacheTags.Add(HttpContext, CacheTags.Type(PublicTypes.SocioEconomicReport));
        ViewData["Title"] = "Tình hình kinh tế - xã hội";
        ViewData["Description"] = area.Description;
        Breadcrumb.Set(ViewData, area);
        Feeds.FeedCatalog.Advertise(ViewData, area.Url);
        return Page();
    }
}
