using System.Security.Claims;
using CucThongKe.Contents.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// A column and a filter another module adds to the back office's content list (the approval chain's step, with the saved
/// filters "waiting for me" and "returned to me"): the list asks every registered one, so a module adds it without editing Contents.
/// </summary>
public interface IContentListExtension
{
    /// <summary>The query-string name of the filter (e.g. <c>buoc</c>); letters, digits and dashes.</summary>
    string Key { get; }

    /// <summary>The column's heading and the filter's label, in Vietnamese.</summary>
    string Label { get; }

    /// <summary>The choices of the filter for <paramref name="user"/>, in the order shown.</summary>
    Task<IReadOnlyList<ContentListChoice>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The saved filters the module offers (e.g. "đang chờ tôi"): each one is a value of this filter.</summary>
    IReadOnlyList<ContentListChoice> SavedFilters { get; }

    /// <summary>
    /// <paramref name="items"/> (latest versions) kept to those matching <paramref name="value"/> as <paramref name="user"/> means it,
    /// in the database's query; null when <paramref name="value"/> is not one of its choices (the list answers 400).
    /// </summary>
    Task<IQueryable<ContentItem>?> FilterAsync(IQueryable<ContentItem> items, string value, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The column's cell for each of <paramref name="contentItemIds"/> (one page of the list); an id left out shows nothing.</summary>
    Task<IReadOnlyDictionary<string, ContentListCell>> CellsAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken);
}

/// <summary>A filter's choice: the value in the address and its Vietnamese name.</summary>
public sealed record ContentListChoice(string Value, string Name);

/// <summary>A cell of a module's column: its text, marked when it asks for attention (late), and an optional link.</summary>
public sealed record ContentListCell(string Text, bool Highlight = false, string? Url = null);

/// <summary>
/// An action the content list applies to several selected items at once (submit several, archive several). Each item goes through
/// the same server-side checks as when it is acted on alone; a refusal is reported by the item's title, never skipped silently.
/// </summary>
public interface IContentBulkAction
{
    /// <summary>The posted value (letters, digits and dashes).</summary>
    string Name { get; }

    /// <summary>The button's text, in Vietnamese.</summary>
    string DisplayName { get; }

    /// <summary>Whether <paramref name="user"/> may be offered the action at all (the per-item checks still run).</summary>
    Task<bool> IsOfferedAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="contentItemIds"/> (a page of the list), those <paramref name="user"/> may take the action on now:
    /// the row shows the action's button only for them (the action still checks everything when it runs).</summary>
    Task<IReadOnlySet<string>> AvailableAsync(IReadOnlyList<string> contentItemIds, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Acts on one item, in its own unit of work; throws the module's refusal (a status from <c>FailureStatuses</c>) to refuse.</summary>
    /// <param name="expectedVersion">The version the list showed; another one is a conflict.</param>
    /// <param name="comment">The comment typed once for all the selected items (a step may require one).</param>
    Task RunAsync(string contentItemId, int expectedVersion, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken);
}

public static class ContentListServiceCollectionExtensions
{
    public static IServiceCollection AddContentListExtension<T>(this IServiceCollection services) where T : class, IContentListExtension =>
        services.AddScoped<IContentListExtension, T>();

    public static IServiceCollection AddContentBulkAction<T>(this IServiceCollection services) where T : class, IContentBulkAction =>
        services.AddScoped<IContentBulkAction, T>();
}
