using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CucThongKe.Contents.Admin;

/// <summary>A readable diff of two versions: each value as a line "Part.Field: text", compared line by line.</summary>
public static partial class ContentDiff
{
    public static IReadOnlyList<DiffLine> Compare(JsonObject before, JsonObject after) => Diff(Flatten(before), Flatten(after));

    /// <summary>One line per stored value, HTML reduced to its text so editors read words, not tags.</summary>
    public static List<string> Flatten(JsonObject content)
    {
        var lines = new List<string>();
        Walk(content, "", lines);
        return lines;
    }

    private static void Walk(JsonNode? node, string path, List<string> lines)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", lines);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", lines);
                }

                break;
            case JsonValue value:
                var text = value.ToString();
                if (path.EndsWith(".Html", StringComparison.Ordinal))
                {
                    // Paragraph and cell ends become line breaks so a changed sentence shows as one changed line.
                    text = WebUtility.HtmlDecode(Tags().Replace(BlockEnds().Replace(text, "\n"), ""));
                    foreach (var part in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        lines.Add($"{path}: {part}");
                    }

                    return;
                }

                lines.Add($"{path}: {text}");
                break;
        }
    }

    /// <summary>A longest-common-subsequence line diff (versions are small: thousands of lines at most).</summary>
    private static List<DiffLine> Diff(List<string> a, List<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(l => new DiffLine(DiffKind.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => new DiffLine(DiffKind.Added, l)));
        return result;
    }

    [GeneratedRegex("</(p|h[1-6]|li|tr|td|th|caption|div)>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

public sealed record DiffLine(DiffKind Kind, string Text);

public enum DiffKind
{
    Same,
    Added,
    Removed,
}
