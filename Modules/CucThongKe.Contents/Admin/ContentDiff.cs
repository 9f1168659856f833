using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Text;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// A readable diff of two versions: each value a line under the name its type gives it ("Tiêu đề", "Chuyên mục"), rich text
/// sanitised and compared as text and structure (paragraphs, table rows, images), and within a changed line the words that changed.
/// </summary>
public static partial class ContentDiff
{
    /// <summary>Above this many words on either side a changed line is shown whole, not word by word (the word diff is quadratic).</summary>
    public const int MaxWordsCompared = 1500;

    /// <summary>Above this many lines on either side the versions are compared value by value only (the line diff is quadratic too).</summary>
    public const int MaxLinesCompared = 4000;

    public static IReadOnlyList<DiffLine> Compare(JsonObject before, JsonObject after, ContentDiffLabels? labels = null)
    {
        labels ??= ContentDiffLabels.None;
        return Pair(Diff(Flatten(before, labels), Flatten(after, labels)));
    }

    /// <summary>One line per stored value (label, text); rich text sanitised and reduced to its text and structure.</summary>
    public static List<(string Label, string Text)> Flatten(JsonObject content, ContentDiffLabels labels)
    {
        var lines = new List<(string, string)>();
        Walk(content, "", lines, labels);
        return lines.Count > MaxLinesCompared ? lines[..MaxLinesCompared] : lines;
    }

    private static void Walk(JsonNode? node, string path, List<(string, string)> lines, ContentDiffLabels labels)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", lines, labels);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", lines, labels);
                }

                break;
            case JsonValue value:
                var label = labels.LabelOf(path);
                if (path.EndsWith(".Html", StringComparison.Ordinal))
                {
                    foreach (var part in RichTextLines(value.ToString()))
                    {
                        lines.Add((label, part));
                    }

                    return;
                }

                lines.Add((label, value.ToString()));
                break;
        }
    }

    /// <summary>Rich text as the reader sees it: sanitised first (what is stored but never shown does not count), then one line per
    /// paragraph, heading or list item, a table row as its cells joined by "|", an image as "[Ảnh: its text (its file)]".</summary>
    public static IEnumerable<string> RichTextLines(string html)
    {
        var clean = RichTextSanitizer.Sanitize(html);
        clean = Image().Replace(clean, m =>
        {
            var alt = Attribute(m.Value, "alt");
            var src = Attribute(m.Value, "src");
            var file = src.Length == 0 ? "" : src[(src.LastIndexOf('/') + 1)..];
            return $"\n[Ảnh: {(alt.Length == 0 ? "không có mô tả" : alt)}{(file.Length == 0 ? "" : $" ({file})")}]\n";
        });
        clean = TableStart().Replace(clean, "\n[Bảng]\n");
        clean = TableEnd().Replace(clean, "\n[Hết bảng]\n");
        clean = CellEnd().Replace(clean, " | ");
        clean = BlockEnds().Replace(clean, "\n");
        var text = WebUtility.HtmlDecode(Tags().Replace(clean, ""));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.EndsWith(" |", StringComparison.Ordinal) ? l[..^2] : l)
            .Where(l => l.Length > 0);
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    /// <summary>A longest-common-subsequence diff of lines (or of words).</summary>
    private static List<(DiffKind Kind, T Value)> Lcs<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) where T : IEquatable<T>
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i].Equals(b[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<(DiffKind, T)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x].Equals(b[y]))
            {
                result.Add((DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add((DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add((DiffKind.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(l => (DiffKind.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => (DiffKind.Added, l)));
        return result;
    }

    private static List<DiffLine> Diff(List<(string Label, string Text)> a, List<(string Label, string Text)> b) =>
        [.. Lcs(a.Select(l => new LineKey(l.Label, l.Text)).ToList(), b.Select(l => new LineKey(l.Label, l.Text)).ToList())
            .Select(d => new DiffLine(d.Kind, d.Value.Label, d.Value.Text))];

    private readonly record struct LineKey(string Label, string Text);

    /// <summary>A removed line followed by an added one of the same label is one changed value: both get their words marked.</summary>
    private static List<DiffLine> Pair(List<DiffLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffKind.Removed)
            {
                continue;
            }

            var end = i;
            while (end < lines.Count && lines[end].Kind == DiffKind.Removed)
            {
                end++;
            }

            var added = end;
            for (var r = i; r < end && added < lines.Count && lines[added].Kind == DiffKind.Added; r++)
            {
                if (lines[added].Label != lines[r].Label)
                {
                    continue;
                }

                var (before, after) = Words(lines[r].Text, lines[added].Text);
                lines[r] = lines[r] with { Words = before };
                lines[added] = lines[added] with { Words = after };
                added++;
            }

            i = end - 1;
        }

        return lines;
    }

    private static (IReadOnlyList<DiffSegment>? Before, IReadOnlyList<DiffSegment>? After) Words(string before, string after)
    {
        var a = WordsOf(before);
        var b = WordsOf(after);
        if (a.Count > MaxWordsCompared || b.Count > MaxWordsCompared)
        {
            return (null, null);
        }

        var diff = Lcs(a, b);
        return (Segments(diff.Where(d => d.Kind != DiffKind.Added)), Segments(diff.Where(d => d.Kind != DiffKind.Removed)));
    }

    // Words with the spaces after them, so that joined back they give the text exactly.
    private static List<string> WordsOf(string text) => [.. WordPattern().Matches(text).Select(m => m.Value)];

    private static List<DiffSegment> Segments(IEnumerable<(DiffKind Kind, string Word)> words)
    {
        var segments = new List<DiffSegment>();
        foreach (var (kind, word) in words)
        {
            if (segments.Count > 0 && segments[^1].Kind == kind)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + word };
            }
            else
            {
                segments.Add(new DiffSegment(kind, word));
            }
        }

        return segments;
    }

    [GeneratedRegex("\\S+\\s*|\\s+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Image();

    [GeneratedRegex("<table\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableStart();

    [GeneratedRegex("</table>", RegexOptions.IgnoreCase)]
    private static partial Regex TableEnd();

    [GeneratedRegex("</(td|th)>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex("</(p|h[1-6]|li|tr|caption|div|figcaption|blockquote)>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

/// <summary>One line of a diff: the value's name as the type gives it, its text, and for a changed value its words marked.</summary>
public sealed record DiffLine(DiffKind Kind, string Label, string Text)
{
    /// <summary>For a line that changed (a removed line and the added line replacing it): its words, each marked same or changed.</summary>
    public IReadOnlyList<DiffSegment>? Words { get; init; }
}

/// <summary>A run of words of a changed line: unchanged, or removed (on the old line) or added (on the new one).</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>The names a type gives its values: a field's display name, a part's (its name in the type, or its editor's section title).</summary>
public sealed class ContentDiffLabels(IReadOnlyDictionary<string, string> names)
{
    public static ContentDiffLabels None { get; } = new(new Dictionary<string, string>());

    /// <summary>The labels of <paramref name="type"/>'s parts and fields; <paramref name="partTitles"/> are the code parts' editor titles.</summary>
    public static ContentDiffLabels For(ResolvedContentType type, IReadOnlyDictionary<string, string> partTitles)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in type.Parts)
        {
            var partName = part.TypePart.DisplayName ?? (part.Code is not null ? partTitles.GetValueOrDefault(part.TypePart.PartName) ?? partTitles.GetValueOrDefault(part.Name) : null);
            if (partName is not null)
            {
                names[part.Name] = partName;
            }

            foreach (var field in part.Fields)
            {
                names[$"{part.Name}.{field.Name}"] = field.DisplayName ?? field.Name;
            }
        }

        return new ContentDiffLabels(names);
    }

    /// <summary>The name of the value at <paramref name="path"/> (its field's, else its part's), or the path when the type names none.</summary>
    public string LabelOf(string path)
    {
        var parts = path.Split('.');
        if (parts.Length >= 2 && names.TryGetValue(parts[0] + "." + Strip(parts[1]), out var field))
        {
            return field;
        }

        return names.TryGetValue(Strip(parts[0]), out var part) ? part : path;
    }

    private static string Strip(string segment) => segment.IndexOf('[', StringComparison.Ordinal) is var i and > 0 ? segment[..i] : segment;
}

/// <summary>Compares two versions of an item with the names its type gives its values.</summary>
public sealed class ContentDiffer(ContentDefinitionManager definitions, IEnumerable<IContentEditorDriver> drivers)
{
    public async Task<IReadOnlyList<DiffLine>> CompareAsync(ContentItem before, ContentItem after, CancellationToken cancellationToken = default)
    {
        var type = await definitions.GetResolvedTypeAsync(after.ContentType, cancellationToken);
        var titles = drivers.Where(d => d.Kind == ContentElementKind.Part && d.SectionTitle is not null)
            .GroupBy(d => d.ElementName).ToDictionary(g => g.Key, g => g.First().SectionTitle!, StringComparer.Ordinal);
        return ContentDiff.Compare(before.Content, after.Content, type is null ? null : ContentDiffLabels.For(type, titles));
    }
}
