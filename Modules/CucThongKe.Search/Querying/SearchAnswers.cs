namespace CucThongKe.Search.Querying;

/// <summary>
/// A short answer shown above the results when the query asks for a figure ("CPI tháng 10" → the value, its period and
/// a link to the indicator); <see cref="Note"/> is plain text (status, change).
/// </summary>
public sealed record SearchAnswer(string Title, string Value, string Period, string? Note, string Url);

/// <summary>
/// A module that can answer a query directly (Statistics: indicators' released values). The public search page asks
/// each provider on its first unfiltered page; a provider returns nothing it may not show yet.
/// </summary>
public interface ISearchAnswerProvider
{
    /// <summary>At most a few answers to <paramref name="query"/> (as cleaned by the search), read with the synonym list.</summary>
    Task<IReadOnlyList<SearchAnswer>> AnswerAsync(string query, SynonymList synonyms, CancellationToken cancellationToken);
}
