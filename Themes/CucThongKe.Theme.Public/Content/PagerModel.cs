using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Theme.Public.Content;

/// <summary>The links of a pager: the current query string with another <c>trang</c>.</summary>
public sealed class PagerModel(HttpRequest request, int page, int pageCount)
{
    public int Page { get; } = page;

    public int PageCount { get; } = pageCount;

    public string Url(int page)
    {
        var query = request.Query.Where(q => q.Key != "trang").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        if (page > 1)
        {
            query["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(request.Path, query);
    }
}
