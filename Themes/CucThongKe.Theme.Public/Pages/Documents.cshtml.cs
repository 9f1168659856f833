using CucThongKe.LegalDocuments;
using CucThongKe.Contents.Published;
using CucThongKe.OutputCache;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The document lookup (Điều 12.2, 12.3): number, type, issuer, field, year and text, newest issue date first.</summary>
public sealed class DocumentsModel(PublicContent content, DocumentLookup documents, SettingsStore settings) : PageModel
{
    public PagedList<DocumentRow> Results { get; private set; } = null!;

    public IReadOnlyList<TaxonomyTerm> Types { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> Fields { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [FromQuery(Name = "so")] public string? Number { get; set; }

    [FromQuery(Name = "loai")] public string? Type { get; set; }

    [FromQuery(Name = "co-quan")] public string? Issuer { get; set; }

    [FromQuery(Name = "linh-vuc")] public string? Field { get; set; }

    [FromQuery(Name = "nam")] public string? Year { get; set; }

    [FromQuery(Name = "q")] public string? Text { get; set; }

    [FromQuery(Name = "trang")] public string? PageNumber { get; set; }

    public bool Filtered => new[] { Number, Type, Issuer, Field, Year, Text }.Any(v => !string.IsNullOrWhiteSpace(v));

    public static string TermName(IReadOnlyList<TaxonomyTerm> terms, string? id) => terms.FirstOrDefault(t => t.TermId == id)?.Name ?? id ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Query values arrive as text and are checked here, so a wrong value is a clear 400, never a 500.
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

        if (new[] { Number, Type, Issuer, Field, Text }.Any(v => v?.Length > 200))
        {
            return BadQuery.Result(this, "Điều kiện tìm kiếm quá dài: mỗi ô tối đa 200 ký tự.");
        }

        Types = await content.TermsAsync(PublicTypes.DocumentTypes, cancellationToken);
        Fields = await content.TermsAsync(PublicTypes.StatisticsFields, cancellationToken);
        Years = await documents.DocumentYearsAsync(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        Results = await documents.FindDocumentsAsync(new DocumentFilter(Number, Type, Issuer, Field, year, Text), page, Math.Clamp(site.PageSize, 5, 100), cancellationToken);
        CacheTags.Add(HttpContext, CacheTags.Type(PublicTypes.LegalDocument));
        ViewData["Title"] = "Văn bản";
        ViewData["Description"] = SiteMenu.Main.Single(m => m.Url == "/van-ban").Description;
        Breadcrumb.Set(ViewData, SiteMenu.Main.Single(m => m.Url == "/van-ban"));
        Feeds.FeedCatalog.Advertise(ViewData, "/van-ban");
        return Page();
    }
}
