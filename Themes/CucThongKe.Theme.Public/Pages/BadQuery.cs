using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>A list page's answer to a query value it cannot read (<c>?nam=abc</c>, <c>?trang=-1</c>): 400 with the site's
/// Vietnamese error page saying which value is wrong, the same on every list page.</summary>
/// <remarks>The result has no body, so the status-code pages re-execute <c>/loi?code=400</c>, which shows the reason left in
/// the request's items: the reader gets the styled page, not a bare line of text.</remarks>
public static class BadQuery
{
    public static IActionResult Result(PageModel page, string reason)
    {
        page.HttpContext.Items[ErrorModel.ReasonKey] = reason;
        return page.StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest);
    }

    /// <summary>The page number of <c>?trang=</c>: 1 when absent, null when it is not a page number.</summary>
    public static int? PageNumber(string? value) =>
        string.IsNullOrWhiteSpace(value) ? 1
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= Contents.Published.PublicContent.MaxPage ? page
        : null;

    public const string BadPage = "Số trang không hợp lệ: số trang là một số nguyên dương.";
}
