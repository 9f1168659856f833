using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Settings;
using CucThongKe.Search.Querying;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Search.Pages;

/// <summary>The public search page: results with highlighted snippets, facets, filters, sorting and paging, all server-rendered.</summary>
public sealed class SearchModel(SearchService search, SearchSynonyms synonyms, IEnumerable<ISearchAnswerProvider> answerProviders, ContentDefinitionManager definitions, SettingsStore settings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    // "trang", not "page": Razor Pages keep the route value "page" for the page's own name.
    [BindProperty(SupportsGet = true, Name = "trang")]
    public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }

    /// <summary>Figures that answer the query (an indicator's released value), shown above the results.</summary>
    public IReadOnlyList<SearchAnswer> Answers { get; private set; } = [];

    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();

    public string Citation { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Values that do not parse are ignored: a search page answers whatever is in its address.
        var year = int.TryParse(Year, out var y) && y is > 0 and < 10000 ? y : (int?)null;
        var page = int.TryParse(PageNumber, out var p) ? p : 1;
        TypeNames = (await definitions.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        Citation = (await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken)).Citation;
        var type = Type is not null && TypeNames.ContainsKey(Type) ? Type : null;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var list = await synonyms.GetAsync(cancellationToken);
            Results = search.Search(new SearchRequest(Query, type, year, page, Sort == "date" ? SearchSort.Date : SearchSort.Relevance, Synonyms: list));
            if (Results.Page == 1 && type is null && year is null)
            {
                var answers = new List<SearchAnswer>();
                foreach (var provider in answerProviders)
                {
                    answers.AddRange(await provider.AnswerAsync(Results.Query, list, cancellationToken));
                }

                Answers = [.. answers.Take(MaxAnswers)];
            }
        }
    }

    private const int MaxAnswers = 3;

    public string TypeName(string type) => TypeNames.GetValueOrDefault(type, type);

    /// <summary>This page's address with some parameters changed (null removes one); paging restarts unless given.</summary>
    public string Link(string? type = "", string? year = "", string? sort = "", int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Results?.Query ?? Query,
            ["type"] = type == "" ? Type : type,
            ["year"] = year == "" ? Year : year,
            ["sort"] = sort == "" ? Sort : sort,
            ["trang"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/tim-kiem", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
