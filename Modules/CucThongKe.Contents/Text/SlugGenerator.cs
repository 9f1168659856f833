using System.Globalization;
using System.Text;

namespace CucThongKe.Contents.Text;

/// <summary>Turns Vietnamese titles into URL paths: "Tình hình kinh tế - xã hội tháng 10" → "tinh-hinh-kinh-te-xa-hoi-thang-10".</summary>
public static class SlugGenerator
{
    public const int MaxLength = 150;

    public static string Slugify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };

            if (folded is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(folded);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>Normalises a path an editor typed: each segment slugified, joined by '/'.</summary>
    public static string NormalizePath(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Slugify).Where(s => s.Length > 0));
}
