using AngleSharp.Dom;
using Ganss.Xss;

namespace CucThongKe.Contents.Text;

/// <summary>Cleans every piece of rich text on the server, whatever the browser or a recipe sent.</summary>
public static class RichTextSanitizer
{
    /// <summary>Put before every id kept in rich text, so that no text can take the name of one of the site's own
    /// elements (a form field, a script's target) or of a global variable in the browser.</summary>
    public const string IdPrefix = "nd-";

    /// <summary>Elements that make a rich text something other than text: a form asking readers for a password, controls.</summary>
    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist", "output", "keygen", "meter", "progress"];

    // After FormTags: static fields are set in the order they are written.
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

        foreach (var tag in FormTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // Ids stay for a complex table's header cells and in-page links, prefixed (see PrefixIds); names go.
        foreach (var attribute in new[] { "scope", "headers", "colspan", "rowspan", "id" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        foreach (var attribute in new[] { "name", "form", "formaction", "action", "method", "autofocus" })
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.PostProcessNode += (_, e) => PrefixIds(e.Node);
        return sanitizer;
    }

    /// <summary>Prefixes ids and what refers to them (<c>headers</c>, <c>href="#..."</c>) with <see cref="IdPrefix"/>; text
    /// sanitised twice is unchanged the second time.</summary>
    private static void PrefixIds(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        if (element.GetAttribute("id") is { } id)
        {
            element.SetAttribute("id", Prefixed(id.Trim()));
        }

        if (element.GetAttribute("headers") is { } headers)
        {
            element.SetAttribute("headers", string.Join(' ', headers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Prefixed)));
        }

        if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
        {
            element.SetAttribute("href", "#" + Prefixed(href[1..]));
        }
    }

    private static string Prefixed(string id) => id.StartsWith(IdPrefix, StringComparison.Ordinal) ? id : IdPrefix + id;
}
