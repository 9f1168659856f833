using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CucThongKe.Unicode.Editor;

/// <summary>
/// Adds the "Chuyển sang Unicode" offer to the content editor's pages, from this module, without the editor or the
/// admin layout knowing about it (a tag helper component on the layout's &lt;head&gt;).
/// </summary>
internal sealed class UnicodeEditorAssets(IHttpContextAccessor http) : TagHelperComponent
{
    private const string Root = "/_content/CucThongKe.Unicode/";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(context.TagName, "head", StringComparison.OrdinalIgnoreCase)
            || http.HttpContext?.Request.Path.StartsWithSegments("/admin/contents", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        output.PostContent.AppendHtml(
            $"""
                <link rel="stylesheet" href="{Root}css/unicode-editor.css" />
                <script src="{Root}js/unicode-editor.js" data-check-url="{UnicodeCheckEndpoint.Path}" defer></script>

            """);
    }
}
