using CucThongKe.Contents.Published;
using Caching = CucThongKe.OutputCache;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>A published item at its public path, shown by its type's template; drafts, scheduled and confidential items are not found.</summary>
public sealed class ContentItemModel(PublicContent content, SettingsStore settings) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public string? Summary { get; private set; }

    public string? BodyHtml { get; private set; }

    public SiteSettings Site { get; private set; } = null!;

    public IReadOnlyList<ContentSummary> Related { get; private set; } = [];

    /// <summary>Names of the terms the item is filed under, by taxonomy and term id.</summary>
    public IReadOnlyDictionary<(string Taxonomy, string TermId), string> TermNames { get; private set; } = new Dictionary<(string, string), string>();

    public MenuLink? Area { get; private set; }

    public string TermName(string taxonomy, string? termId) =>
        termId is null ? "" : TermNames.TryGetValue((taxonomy, termId), out var name) ? name : termId;

    /// <remarks>
    /// The path is read from the route and the cancellation from the request rather than as handler parameters: with
    /// parameters, model binding and validation ran at every request, a tenth of the CPU time of a page rendered
    /// without the page cache (bench/README.md).
    /// </remarks>
    public async Task<IActionResult> OnGetAsync()
    {
        var path = RouteData.Values["path"] as string;
        var cancellationToken = HttpContext.RequestAborted;
        if (string.IsNullOrWhiteSpace(path) || path.Length > 400)
        {
            return NotFound();
        }

        var item = await content.GetByPathAsync(path, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Caching.CacheTags.Add(HttpContext, Caching.CacheTags.Item(item.ContentItemId), Caching.CacheTags.Type(item.ContentType));
        Summary = item.As<SummaryPart>()?.Summary;
        BodyHtml = item.As<HtmlBodyPart>()?.Html;
        Site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        TermNames = (await TermsOfAsync(cancellationToken)).ToDictionary(t => (t.Taxonomy, t.TermId), t => t.Name);
        Related = item.ContentType switch
        {
            PublicTypes.News => await content.RelatedAsync(item, PublicTypes.NewsCategories, FieldReader.Term(item, "News", "Category"), FieldReader.Picked(item, "News", "Related"), 5, cancellationToken),
            PublicTypes.LegalDocument => await content.RelatedAsync(item, PublicTypes.StatisticsFields, FieldReader.Term(item, "LegalDocument", "Field"), [], 5, cancellationToken),
            PublicTypes.SocioEconomicReport => await content.RelatedAsync(item, PublicTypes.ReportPeriods, FieldReader.Term(item, "SocioEconomicReport", "PeriodKind"), [], 5, cancellationToken),
            _ => [],
        };

        Area = Breadcrumb.AreaOf(path);
        ViewData["Title"] = item.DisplayText;
        ViewData["Description"] = Summary;
        ViewData["OgType"] = "article";
        ViewData["Date"] = item.PublishedUtc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (FieldReader.Media(item, "News", "LeadImage") is { Count: > 0 } images)
        {
            ViewData["Image"] = Media.MediaFiles.Url(images[0].Path);
        }

        Breadcrumb.Set(ViewData, Area is null ? [new MenuLink(item.DisplayText ?? "", "/" + path)] : [Area, new MenuLink(item.DisplayText ?? "", "/" + path)]);
        return Page();
    }

    private Task<IReadOnlyList<TaxonomyTerm>> TermsOfAsync(CancellationToken cancellationToken) =>
        content.AllTermsAsync(cancellationToken);
}
