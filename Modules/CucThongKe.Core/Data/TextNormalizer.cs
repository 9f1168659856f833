using System.Text;
using System.Text.Json.Nodes;

namespace CucThongKe.Core.Data;

/// <summary>Puts text in Unicode NFC (TCVN 6909:2001, Điều 15.3) before it is stored.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public static string? NormalizeOrNull(string? text) => text is null ? null : Normalize(text);

    /// <summary>A copy of <paramref name="node"/> with every string value and property name in NFC.</summary>
    public static JsonNode? NormalizeNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(Normalize(p.Key), NormalizeNode(p.Value)))),
        JsonArray array => new JsonArray(array.Select(NormalizeNode).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Normalize(text)),
        _ => node.DeepClone(),
    };
}
