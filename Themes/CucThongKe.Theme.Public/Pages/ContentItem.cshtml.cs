using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Display;
using CucThongKe.Contents.Published;
using Caching = CucThongKe.OutputCache;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Contents.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using Microsoft.AspNetCore.Http;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>A published item at its public path, shown by its type's template; drafts, scheduled and confidential items are not found.</summary>
/// <remarks>
/// The item is drawn by the display drivers of its parts and fields (<see cref="ContentDisplayManager"/>) into shapes; the
/// page writes the Header zone's, then the type's own template <c>Items/_{ContentType}</c> when the theme has one, or
/// <see cref="GenericTemplate"/>, which writes the Content zone's.
/// The review page of the approval chain shows the preview in a frame of the site's own pages, so the preview's answer
/// (only that one: the public addresses, errors under them included, stay unframed) allows same-origin framing.
/// </remarks>
public sealed class ContentItemModel(PublicContent content, SettingsStore settings, ContentDefinitionManager definitions, ContentDisplayManager displays, ICompositeViewEngine views, ContentManager contents) : PageModel
{
    /// <summary>The second address of this page: an item's version (a draft too) as its public page will show it, for staff allowed to see the item.</summary>
    public const string PreviewRoute = "admin/contents/{id}/preview";

    /// <summary>The template of a type the theme has no template for.</summary>
    public const string GenericTemplate = "Items/_Content";

    /// <summary>The theme's template of a shape: <c>Items/Shapes/{Template}</c>.</summary>
    public static string ShapeTemplate(ContentShape shape) => "Items/Shapes/" + shape.Template;

    public ContentItem Item { get; private set; } = null!;

    /// <summary>The item's shapes for its page.</summary>
    public ContentDisplay Display { get; private set; } = null!;

    /// <summary>The template that writes the item below its header: its type's own, or <see cref="GenericTemplate"/>.</summary>
    public string Template { get; private set; } = GenericTemplate;

    public string? Summary { get; private set; }

    public string? BodyHtml { get; private set; }

    public SiteSettings Site { get; private set; } = null!;

    public IReadOnlyList<ContentSummary> Related { get; private set; } = [];

    /// <summary>Names of the terms the item is filed under, by taxonomy and term id.</summary>
    public IReadOnlyDictionary<(string Taxonomy, string TermId), string> TermNames { get; private set; } = new Dictionary<(string, string), string>();

    public MenuLink? Area { get; private set; }

    /// <summary>The page's Dublin Core and sharing metadata; a type's template may say more (a legal document's issuer and date of issue).</summary>
    public PageMetadata Metadata { get; private set; } = new();
    /// <summary>Whether this is a preview (<see cref="PreviewRoute"/>): a banner says so, the page is neither cached nor indexed.</summary>
    public bool IsPreview { get; private set; }

    /// <summary>The date the page shows: the publication's, or for a preview of a version not yet published, its last save's.</summary>
    public DateTime? ShownDate => Item.PublishedUtc ?? (IsPreview ? Item.ModifiedUtc : null);

    public string TermName(string taxonomy, string? termId) =>
        termId is null ? "" : TermNames.TryGetValue((taxonomy, termId), out var name) ? name : termId;

    /// <remarks>
    /// The path is read from the route and the cancellation from the request rather than as handler parameters: with
    /// parameters, model binding and validation ran at every request, a tenth of the CPU time of a page rendered
    /// without the page cache (bench/README.md).
    /// </remarks>
    public async Task<IActionResult> OnGetAsync()
    {
        if (RouteData.Values["id"] is string id)
        {
            return await PreviewAsync(id);
        }

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

        Caching.CacheTags.Add(HttpContext, Caching.CacheTags.Item(item.ContentItemId), Caching.CacheTags.Type(item.ContentType));
        return await ShowAsync(item, path);
    }

    /// <summary>A version of an item (the latest, or <c>?version=</c>) drawn as its public page, for signed-in staff who may see the item.</summary>
    private async Task<IActionResult> PreviewAsync(string id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var cancellationToken = HttpContext.RequestAborted;
        var latest = id.Length == 32 ? await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) : null;
        if (latest is null)
        {
            return NotFound();
        }

        if (!User.HasPermission(CorePermissions.AccessAdmin.Name) || !ContentAccess.CanView(User, latest))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var item = int.TryParse(Request.Query["version"], out var version) && version != latest.Version
            ? (await contents.GetVersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version) ?? latest
            : latest;
        IsPreview = true;
        SecurityHeadersMiddleware.AllowSameOriginFraming(HttpContext);
        Caching.CacheTags.DoNotStore(HttpContext);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return await ShowAsync(item, item.As<AutoroutePart>()?.Path?.Trim('/') ?? "");
    }

    private async Task<IActionResult> ShowAsync(ContentItem item, string path)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Item = item;
        // A type whose definition is gone still shows its title and date.
        var type = await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken)
            ?? new ResolvedContentType(new ContentTypeDefinition { Name = item.ContentType, DisplayName = item.ContentType }, []);
        Display = await displays.BuildDisplayAsync(item, type, DisplayTypes.Detail);
        Summary = Display.Page.Description;
        BodyHtml = Display.Get<HtmlBodyPart>(nameof(HtmlBodyPart))?.Html;
        Site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        TermNames = (await TermsOfAsync(cancellationToken)).ToDictionary(t => (t.Taxonomy, t.TermId), t => t.Name);
        Related = RelatedItems.Of(type, item) is { } related
            ? await content.RelatedAsync(item, related.Taxonomy, related.TermId, related.PickedIds, 5, cancellationToken)
            : [];
        Template = views.FindView(PageContext, "Items/_" + item.ContentType, isMainPage: false).Success ? "Items/_" + item.ContentType : GenericTemplate;

        Area = Breadcrumb.AreaOf(path);
        ViewData["Title"] = item.DisplayText;
        ViewData["Description"] = Display.Page.Description;
        ViewData["OgType"] = "article";
        Metadata = PageMetadata.Of(ViewData);
        Metadata.Date = item.PublishedUtc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Metadata.Type = type.Definition.DisplayName;
        Metadata.Relation = Area?.Url;
        Metadata.Subjects.AddRange(Display.Shapes.Select(s => s.Model).OfType<FieldDisplay<TaxonomyField>>()
            .SelectMany(f => f.Field.TermIds).Select(id => TermNames.FirstOrDefault(t => t.Key.TermId == id).Value ?? id).Distinct(StringComparer.Ordinal));
        if (Display.Page.ImagePath is { } image)
        {
            Metadata.Image = Media.MediaFiles.Url(image);
        }

        Breadcrumb.Set(ViewData, Area is null ? [new MenuLink(item.DisplayText ?? "", "/" + path)] : [Area, new MenuLink(item.DisplayText ?? "", "/" + path)]);
        return Page();
    }

    private Task<IReadOnlyList<TaxonomyTerm>> TermsOfAsync(CancellationToken cancellationToken) =>
        content.AllTermsAsync(cancellationToken);
}
