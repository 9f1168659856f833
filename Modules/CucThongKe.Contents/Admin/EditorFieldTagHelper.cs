using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// The frame every editor input shares: <c>&lt;editor-field input="Model"&gt;control&lt;/editor-field&gt;</c> writes the
/// label, the control, the hint and the error message that the control's <c>aria-describedby</c> names, so a module's
/// editor view looks and reads like the built-in ones.
/// </summary>
[HtmlTargetElement("editor-field")]
public sealed class EditorFieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    public EditorInput Input { get; set; } = null!;

    /// <summary>A checkbox: the control comes before its label, and no required mark.</summary>
    public bool Check { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var control = await output.GetChildContentAsync();
        var id = encoder.Encode(Input.Id);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field" + (Check ? " field-check" : "") + (Input.Errors.Count > 0 ? " has-error" : ""));
        var content = output.Content.Clear();
        var label = $"<label for=\"{id}\">{encoder.Encode(Input.Label + (Input.Required && !Check ? " *" : ""))}</label>\n";
        if (Check)
        {
            content.AppendHtml(control).AppendHtml("\n").AppendHtml(label);
        }
        else
        {
            content.AppendHtml(label).AppendHtml(control).AppendHtml("\n");
        }

        content.AppendHtml($"<span id=\"{id}-hint\" class=\"muted\">{encoder.Encode(Input.Hint ?? "")}</span>\n");
        content.AppendHtml($"<span id=\"{id}-error\" class=\"field-error\">{encoder.Encode(string.Join(" ", Input.Errors))}</span>\n");
    }
}
