using Ganss.Xss;

namespace CucThongKe.Contents.Services;

/// <summary>Cleans every piece of rich text on the server, whatever the browser or a recipe sent.</summary>
public static class RichTextSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // Statistics live in tables: keep their structure and accessibility attributes.
        foreach (var tag in new[] { "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "colgroup", "col" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in new[] { "scope", "headers", "colspan", "rowspan", "id" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
