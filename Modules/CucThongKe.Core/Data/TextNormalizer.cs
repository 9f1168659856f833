using System.Text.Json.Nodes;
using CucThongKe.TextEncoding;

namespace CucThongKe.Core.Data;

/// <summary>Puts text in Unicode NFC with Đ for its look-alike Ð (TCVN 6909:2001, Điều 15.3) before it is stored.</summary>
/// <remarks>
/// Text is cleaned once, where it enters: bound form, query and route values (<see cref="Hosting.CleanTextInput"/>), JSON
/// bodies (<see cref="Hosting.CleanStringJsonConverter"/>), recipes as they are read, and finally every string the database
/// context saves (<see cref="CmsDbContext"/>). Callers rarely need this class themselves.
/// </remarks>
public static class TextNormalizer
{
    public static string Normalize(string text) => UnicodeText.NeedsCleaning(text) ? UnicodeText.Clean(text) : text;

    public static string? NormalizeOrNull(string? text) => text is null ? null : Normalize(text);

    /// <summary>
    /// Whether a value named <paramref name="name"/> must stay byte for byte as typed: a password compared with its hash
    /// would stop matching if it were cleaned on one path (a form) and not on another.
    /// </summary>
    public static bool KeepsExactText(string? name) => name is not null && name.Contains("password", StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy of <paramref name="node"/> with every string value and property name clean (passwords excepted).</summary>
    public static JsonNode? NormalizeNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(Normalize(p.Key), KeepsExactText(p.Key) ? p.Value?.DeepClone() : NormalizeNode(p.Value)))),
        JsonArray array => new JsonArray(array.Select(NormalizeNode).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Normalize(text)),
        _ => node.DeepClone(),
    };
}
