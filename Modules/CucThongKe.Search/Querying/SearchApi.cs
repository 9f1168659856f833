using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Search.Querying;

/// <summary>One hit of <c>GET /api/search</c>; <c>snippet</c> is HTML: encoded text with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchApiHit(string Id, string Title, string? Url, string Type, string TypeName, DateTime? Date, string Snippet);

/// <summary>The answer of <c>GET /api/search</c>, with the citation line readers must give (Điều 8.1).</summary>
public sealed record SearchApiResponse(string Query, int Total, int Page, int PageCount, IReadOnlyList<SearchApiHit> Hits, string Citation);

/// <summary>Maps <c>GET /api/search?q=&amp;type=&amp;year=&amp;sort=&amp;page=</c>.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search", SearchAsync).WithName("SearchApi");
        return endpoints;
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? type, int? year, string? sort, int? page,
        SearchService search, SearchSynonyms synonyms, SettingsStore settings, ContentDefinitionManager definitions, CancellationToken cancellationToken)
    {
        var results = search.Search(new SearchRequest(q, type, year, page ?? 1, sort == "date" ? SearchSort.Date : SearchSort.Relevance, Synonyms: await synonyms.GetAsync(cancellationToken)));
        var typeNames = (await definitions.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        return Results.Ok(new SearchApiResponse(
            results.Query,
            results.Total,
            results.Page,
            results.PageCount,
            [.. results.Hits.Select(h => new SearchApiHit(h.Id, h.Title, h.Url, h.Type, typeNames.GetValueOrDefault(h.Type, h.Type), h.PublishedUtc, h.SnippetHtml))],
            site.Citation));
    }
}
