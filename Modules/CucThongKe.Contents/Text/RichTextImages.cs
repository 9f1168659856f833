using System.Text.RegularExpressions;

namespace CucThongKe.Contents.Text;

/// <summary>The images of the site's own (library images, <c>/anh/...</c>, <c>/tep/...</c>) in sanitised rich text.</summary>
public static partial class RichTextImages
{
    /// <summary>The 1-based positions of the site's images without a text alternative (WCAG 1.1.1): such a save is refused.</summary>
    /// <remarks>Reads text <see cref="RichTextSanitizer"/> has written, whose attributes are always double-quoted.</remarks>
    public static IReadOnlyList<int> WithoutAlt(string? html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var missing = new List<int>();
        var position = 0;
        foreach (Match image in Image().Matches(html))
        {
            position++;
            var tag = image.Value;
            var source = Source().Match(tag);
            var alt = Alt().Match(tag);
            if (source.Success && source.Groups[1].Value.StartsWith('/') && (!alt.Success || string.IsNullOrWhiteSpace(alt.Groups[1].Value)))
            {
                missing.Add(position);
            }
        }

        return missing;
    }

    /// <summary>The message of a refusal, naming the images by their place in the text.</summary>
    public static string Message(IReadOnlyList<int> positions) =>
        $"Ảnh thứ {string.Join(", ", positions)} trong nội dung chưa có mô tả thay thế (alt) cho người khiếm thị: bấm vào ảnh, chọn sửa và nhập mô tả.";

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex("\\ssrc=\"([^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    [GeneratedRegex("\\salt=\"([^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alt();
}
