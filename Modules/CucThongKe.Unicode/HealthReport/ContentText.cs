using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Unicode.Converter;

namespace CucThongKe.Unicode.HealthReport;

/// <summary>Every string of an item's content (its parts as JSON), checked and, on request, converted to clean Unicode.</summary>
public static class ContentText
{
    /// <summary>The strings of <paramref name="content"/> that are not clean, with where they are ("TitlePart.Title", "News.Files[0].Name").</summary>
    public static List<TextChange> Find(JsonObject content)
    {
        var changes = new List<TextChange>();
        Walk(content, "", changes, convert: false);
        return changes;
    }

    /// <summary>A copy of <paramref name="content"/> with every flagged string converted (detected encoding, as in the report).</summary>
    public static (JsonObject Content, List<TextChange> Changes) Convert(JsonObject content)
    {
        var copy = content.DeepClone().AsObject();
        var changes = new List<TextChange>();
        Walk(copy, "", changes, convert: true);
        return (copy, changes);
    }

    private static void Walk(JsonNode? node, string path, List<TextChange> changes, bool convert)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (Check(child, childPath, changes) is { } after && convert)
                    {
                        obj[name] = after;
                    }
                    else
                    {
                        Walk(child, childPath, changes, convert);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}[{i}]";
                    if (Check(array[i], childPath, changes) is { } after && convert)
                    {
                        array[i] = after;
                    }
                    else
                    {
                        Walk(array[i], childPath, changes, convert);
                    }
                }

                break;
        }
    }

    /// <summary>For a string value that is not clean: records the change and returns the converted value.</summary>
    private static string? Check(JsonNode? node, string path, List<TextChange> changes)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || VietnameseConversion.Convert(path, value.GetValue<string>(), null) is not { } change)
        {
            return null;
        }

        changes.Add(change);
        return change.After;
    }
}
