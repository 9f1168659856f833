using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Security;
using CucThongKe.Search.Querying;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Search.Pages.Admin.Search;

/// <summary>
/// Editors' search: published items and the drafts the user may see — the board every unit's, anyone else only
/// their own unit's (the rule of the content list, <see cref="ContentAccess.VisibleUnit"/>).
/// </summary>
public sealed class FindModel(SearchService search, SearchSynonyms synonyms, ContentDefinitionManager definitions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanSearch(User))
        {
            return Forbid();
        }

        TypeNames = (await definitions.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var unit = ContentAccess.VisibleUnit(User);
            var scope = new EditorScope(unit is null, unit is null ? [] : [unit]);
            Results = search.Search(new SearchRequest(Query, Page: int.TryParse(PageNumber, out var p) ? p : 1, Editor: scope, Synonyms: await synonyms.GetAsync(cancellationToken)));
        }

        return Page();
    }

    /// <summary>Those who work on content: writers of their unit, and those who see or edit every unit's.</summary>
    public static bool CanSearch(System.Security.Claims.ClaimsPrincipal user) =>
        ContentAccess.CanCreate(user) || user.HasPermission(ContentsPermissions.ViewAllContent.Name);

    public string TypeName(string type) => TypeNames.GetValueOrDefault(type, type);

    public string Link(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        "/admin/tim-kiem", new Dictionary<string, string?> { ["q"] = Results?.Query ?? Query, ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
