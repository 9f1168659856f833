using System.Text.RegularExpressions;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>Every item the user may see, across types, with filters (the modules' too), saved filters, sorting, paging and bulk actions.</summary>
public sealed partial class IndexModel(
    ContentListQuery query,
    ContentDefinitionManager definitions,
    ContentQueries queries,
    ContentManager contents,
    IUnitDirectory units,
    IEnumerable<IContentListExtension> extensions,
    IEnumerable<IContentBulkAction> bulkActions,
    FailureStatuses failures) : PageModel
{
    /// <summary>The longest comment a bulk action carries.</summary>
    public const int MaxCommentLength = 4000;

    public ContentListFilter Filter { get; private set; } = new(null, null, null, null, null, null, null, null);

    public ContentListPage Result { get; private set; } = new([], 0, 1, 0);

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyList<ContentTypeDefinition> CreatableTypes { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public string? OnlyUnit { get; private set; }

    /// <summary>The modules' columns and filters, with their choices and this page's cells.</summary>
    public IReadOnlyList<ExtensionColumn> Columns { get; private set; } = [];

    /// <summary>The bulk actions offered to the user.</summary>
    public IReadOnlyList<IContentBulkAction> BulkActions { get; private set; } = [];

    /// <summary>What the last bulk action did, item by item (null when none was asked for).</summary>
    public BulkReport? Report { get; private set; }

    /// <summary>The actions each row offers the user now (a button each), by item id: only those that will be allowed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IContentBulkAction>> RowActions { get; private set; } = new Dictionary<string, IReadOnlyList<IContentBulkAction>>();

    /// <summary>The items of this page published now, with their public path.</summary>
    public IReadOnlyDictionary<string, string?> PublicPaths { get; private set; } = new Dictionary<string, string?>();

    /// <summary>Items of this page waiting for a scheduled publication, with its time (UTC).</summary>
    public IReadOnlyDictionary<string, DateTime> PendingReleases { get; private set; } = new Dictionary<string, DateTime>();

    public async Task<IActionResult> OnGetAsync(string? type, string? state, string? unit, string? author, DateOnly? from, DateOnly? to, string? text, string? sort, int trang = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        return await LoadAsync(new ContentListFilter(type, state, unit, author, from, to, text?.Length > 200 ? text[..200] : text, sort, Math.Clamp(trang, 1, 100_000), ExtraFilters()), cancellationToken)
            ? Page()
            : BadRequest();
    }

    /// <summary>Applies one bulk action to the selected items (each "id:version", the version the list showed), one at a time, each
    /// through the same checks as alone; the page then says, by title, which were done and which refused and why.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? bulkAction, string[]? selected, string? comment, CancellationToken cancellationToken)
    {
        var offered = await OfferedActionsAsync(cancellationToken);
        var action = offered.FirstOrDefault(a => a.Name == bulkAction);
        if (action is null && bulkActions.Any(a => a.Name == bulkAction))
        {
            // An action of the site that none of the user's roles may take.
            return Forbid();
        }

        var picks = (selected ?? []).Select(ParsePick).ToList();
        if (action is null || comment?.Length > MaxCommentLength || picks.Count == 0 || picks.Count > ContentListQuery.PageSize || picks.Any(p => p is null) || picks.DistinctBy(p => p!.Value.Id).Count() != picks.Count)
        {
            await LoadAsync(new ContentListFilter(null, null, null, null, null, null, null, null), cancellationToken);
            Report = new BulkReport(action?.DisplayName ?? "", [], [],
                action is null ? "Hãy chọn một thao tác hợp lệ."
                : comment?.Length > MaxCommentLength ? $"Ý kiến dài quá {MaxCommentLength} ký tự."
                : $"Hãy chọn từ 1 đến {ContentListQuery.PageSize} nội dung của danh sách.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var done = new List<string>();
        var refused = new List<BulkRefusal>();
        int? refusedStatus = null;
        foreach (var (id, version) in picks.Select(p => p!.Value))
        {
            var item = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
            if (item is null || !ContentAccess.CanView(User, item))
            {
                // Not named: an item of another unit must not show its title to someone who may not see it.
                refused.Add(new BulkRefusal($"(mã {id})", "Không tìm thấy nội dung này, hoặc bạn không được xem nó."));
                refusedStatus ??= StatusCodes.Status404NotFound;
                continue;
            }

            var title = string.IsNullOrEmpty(item.DisplayText) ? "(không có tiêu đề)" : item.DisplayText;
            try
            {
                await action.RunAsync(id, version, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), User, cancellationToken);
                done.Add(title);
            }
            catch (Exception ex) when (failures.Describe(ex) is { } failure)
            {
                refused.Add(new BulkRefusal(title, failure.Message));
                refusedStatus ??= failure.Status;
            }
        }

        // Nothing done: the first refusal's status (403, 409...); some done: 200, the page lists the refused ones by title.
        if (done.Count == 0 && refusedStatus is { } status)
        {
            Response.StatusCode = status;
        }

        await LoadAsync(new ContentListFilter(null, null, null, null, null, null, null, null), cancellationToken);
        Report = new BulkReport(action.DisplayName, done, refused);
        return Page();
    }

    /// <summary>One row's button: <paramref name="row"/> is "action|id:version"; the item goes through the same checks as a bulk action of one.</summary>
    public Task<IActionResult> OnPostRowAsync(string? row, string? comment, CancellationToken cancellationToken)
    {
        var parts = (row ?? "").Split('|');
        return parts.Length == 2 && parts[0].Length <= 50
            ? OnPostBulkAsync(parts[0], [parts[1]], comment, cancellationToken)
            : OnPostBulkAsync(null, null, comment, cancellationToken);
    }

    private async Task<bool> LoadAsync(ContentListFilter filter, CancellationToken cancellationToken)
    {
        Types = [.. (await definitions.ListTypesAsync(cancellationToken)).Where(t => t.Settings.Listable)];
        CreatableTypes = ContentAccess.CanCreate(User) ? [.. Types.Where(t => t.Settings.Creatable)] : [];
        OnlyUnit = ContentAccess.VisibleUnit(User);
        Units = await units.ListActiveAsync(cancellationToken);
        BulkActions = await OfferedActionsAsync(cancellationToken);
        Filter = filter;
        if (await query.RunAsync(Filter, OnlyUnit, User, cancellationToken) is not { } result)
        {
            return false;
        }

        Result = result;
        var ids = Result.Rows.Select(r => r.ContentItemId).Distinct().ToList();
        PendingReleases = await queries.PendingReleasesAsync(ids, cancellationToken);
        PublicPaths = await queries.PublishedPathsAsync(ids, cancellationToken);
        var rowActions = ids.ToDictionary(id => id, _ => new List<IContentBulkAction>(), StringComparer.Ordinal);
        foreach (var action in BulkActions)
        {
            foreach (var id in await action.AvailableAsync(ids, User, cancellationToken))
            {
                rowActions.GetValueOrDefault(id)?.Add(action);
            }
        }

        RowActions = rowActions.ToDictionary(r => r.Key, r => (IReadOnlyList<IContentBulkAction>)r.Value, StringComparer.Ordinal);
        var columns = new List<ExtensionColumn>();
        foreach (var extension in extensions)
        {
            columns.Add(new ExtensionColumn(extension, await extension.ChoicesAsync(User, cancellationToken), await extension.CellsAsync(ids, cancellationToken),
                Filter.Extra?.GetValueOrDefault(extension.Key)));
        }

        Columns = columns;
        return true;
    }

    private async Task<IReadOnlyList<IContentBulkAction>> OfferedActionsAsync(CancellationToken cancellationToken)
    {
        var offered = new List<IContentBulkAction>();
        foreach (var action in bulkActions)
        {
            if (await action.IsOfferedAsync(User, cancellationToken))
            {
                offered.Add(action);
            }
        }

        return offered;
    }

    // The modules' filters, by their keys, as asked in the address (bounded: a value longer than a choice's is no choice).
    private Dictionary<string, string> ExtraFilters() =>
        extensions.Select(e => (e.Key, Value: Request.Query[e.Key].ToString()))
            .Where(f => f.Value.Length is > 0 and <= 100)
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static (string Id, int Version)? ParsePick(string? pick) =>
        pick is not null && PickPattern().Match(pick) is { Success: true } match && int.TryParse(match.Groups[2].ValueSpan, out var version)
            ? (match.Groups[1].Value, version)
            : null;

    [GeneratedRegex("^([0-9a-zA-Z]{1,32}):([0-9]{1,9})$")]
    private static partial Regex PickPattern();

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    public string PageUrl(int page)
    {
        // "page" is Razor Pages' own route value, so the page number travels as "trang".
        var values = Request.Query.Where(q => q.Key != "trang").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/admin/contents", values);
    }

    /// <summary>The address of a saved filter: that filter alone.</summary>
    public static string SavedFilterUrl(string key, string value) => QueryHelpers.AddQueryString("/admin/contents", key, value);
}

/// <summary>A module's column on this page: its choices, its cells for the page's items, and the value filtered on.</summary>
public sealed record ExtensionColumn(IContentListExtension Extension, IReadOnlyList<ContentListChoice> Choices, IReadOnlyDictionary<string, ContentListCell> Cells, string? Selected);

/// <summary>An item a bulk action refused, by its title, with the reason.</summary>
public sealed record BulkRefusal(string Title, string Reason);

/// <summary>What a bulk action did: the items done and those refused, each by title; or why nothing was tried.</summary>
public sealed record BulkReport(string Action, IReadOnlyList<string> Done, IReadOnlyList<BulkRefusal> Refused, string? Error = null);
