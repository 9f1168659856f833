using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Published;

/// <summary>Reads the values of a version's fields (stored as <c>{Part: {Field: {...}}}</c>) for its page.</summary>
/// <remarks>Only pages of one item read JSON; listings read index tables.</remarks>
public static class FieldReader
{
    public static string? Text(ContentItem item, string part, string field) =>
        Node(item, part, field)?["Text"]?.GetValue<string>() is { Length: > 0 } text ? text : null;

    public static string? Html(ContentItem item, string part, string field) =>
        Node(item, part, field)?["Html"]?.GetValue<string>() is { Length: > 0 } html ? html : null;

    public static bool Bool(ContentItem item, string part, string field) =>
        Node(item, part, field)?["Value"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static DateOnly? Date(ContentItem item, string part, string field) =>
        Node(item, part, field)?["Value"] is JsonValue v && v.TryGetValue<string>(out var s) && DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    public static int? WholeNumber(ContentItem item, string part, string field)
    {
        if (Node(item, part, field)?["Value"] is not JsonValue v)
        {
            return null;
        }

        return v.TryGetValue<decimal>(out var d) ? (int)d : v.TryGetValue<int>(out var i) ? i : null;
    }

    public static IReadOnlyList<string> Terms(ContentItem item, string part, string field) =>
        Node(item, part, field)?.Deserialize<TaxonomyField>(CmsJson.Options)?.TermIds ?? [];

    public static string? Term(ContentItem item, string part, string field) => Terms(item, part, field) is { Count: > 0 } terms ? terms[0] : null;

    public static IReadOnlyList<AttachmentItem> Attachments(ContentItem item, string part, string field) =>
        Node(item, part, field)?.Deserialize<AttachmentField>(CmsJson.Options)?.Items ?? [];

    public static IReadOnlyList<MediaItem> Media(ContentItem item, string part, string field) =>
        Node(item, part, field)?.Deserialize<MediaField>(CmsJson.Options)?.Items ?? [];

    public static IReadOnlyList<string> Picked(ContentItem item, string part, string field) =>
        Node(item, part, field)?.Deserialize<ContentPickerField>(CmsJson.Options)?.ContentItemIds ?? [];

    private static JsonObject? Node(ContentItem item, string part, string field) =>
        item.Content[part]?[field] as JsonObject;
}
