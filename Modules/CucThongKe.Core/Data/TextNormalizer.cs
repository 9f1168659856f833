using System.Buffers;
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
    /// <summary>Control characters no one types on purpose: C0 except tab, CR and LF (which multi-line text keeps), and DEL.</summary>
    /// <remarks>PostgreSQL refuses NUL in text (a 500 on save or on a query); the others break mail headers, XML feeds
    /// and JSON readers downstream.</remarks>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>The text without control characters (tab, CR, LF kept), in NFC with Đ for Ð; <paramref name="text"/>
    /// itself when nothing changes. Never throws: a lone surrogate becomes U+FFFD.</summary>
    public static string Normalize(string text)
    {
        var plain = text.AsSpan().ContainsAny(Controls) ? string.Concat(text.Where(c => !Controls.Contains(c))) : text;
        return UnicodeText.NeedsCleaning(plain) ? UnicodeText.Clean(plain) : plain;
    }

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
