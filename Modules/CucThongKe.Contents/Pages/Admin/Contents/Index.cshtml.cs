using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>Every item the user may see, across types, with filters, sorting and paging.</summary>
public sealed class IndexModel(ContentListQuery query, ContentDefinitionManager definitions, ContentQueries queries) : PageModel
{
    public ContentListFilter Filter { get; private set; } = new(null, null, null, null, null, null, null, null);

    public ContentListPage Result { get; private set; } = new([], 0, 1, 0);

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<ContentTypeDefinition> CreatableTypes { get; private set; } = [];

    public string? OnlyUnit { get; private set; }

    /// <summary>Items of this page waiting for a scheduled publication, with its time (UTC).</summary>
    public IReadOnlyDictionary<string, DateTime> PendingReleases { get; private set; } = new Dictionary<string, DateTime>();

    public async Task<IActionResult> OnGetAsync(string? type, string? state, string? unit, string? author, DateOnly? from, DateOnly? to, string? text, string? sort, int trang = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        Types = [.. (await definitions.ListTypesAsync(cancellationToken)).Where(t => t.Settings.Listable)];
        CreatableTypes = ContentAccess.CanCreate(User) ? [.. Types.Where(t => t.Settings.Creatable)] : [];
        OnlyUnit = ContentAccess.VisibleUnit(User);
        Filter = new ContentListFilter(type, state, unit, author, from, to, text?.Length > 200 ? text[..200] : text, sort, Math.Clamp(trang, 1, 100_000));
        Result = await query.RunAsync(Filter, OnlyUnit, cancellationToken);
        PendingReleases = await queries.PendingReleasesAsync([.. Result.Rows.Select(r => r.ContentItemId).Distinct()], cancellationToken);
        return Page();
    }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    public string PageUrl(int page)
    {
        // "page" is Razor Pages' own route value, so the page number travels as "trang".
        var values = Request.Query.Where(q => q.Key != "trang").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/admin/contents", values);
    }
}
