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
        // A snapshot of the children, each with its path and a way to replace it (the walk may replace values).
        IEnumerable<(string Path, JsonNode? Child, Action<string> Replace)> children = node switch
        {
            JsonObject obj => [.. obj.Select(p => (path.Length == 0 ? p.Key : $"{path}.{p.Key}", p.Value, (Action<string>)(after => obj[p.Key] = after)))],
            JsonArray array => [.. array.Select((child, i) => ($"{path}[{i}]", child, (Action<string>)(after => array[i] = after)))],
            _ => [],
        };

        foreach (var (childPath, child, replace) in children)
        {
            if (Check(child, childPath, changes) is { } after && convert)
            {
                replace(after);
            }
            else
            {
                Walk(child, childPath, changes, convert);
            }
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
