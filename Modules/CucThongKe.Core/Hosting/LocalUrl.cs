using System.Text;

namespace CucThongKe.Core.Hosting;

/// <summary>The one check of a redirect target a user gave (<c>returnUrl</c>, <c>quayLai</c>): a path of this site, never another origin.</summary>
/// <remarks>
/// Checked on the text as given and again after percent-decoding: browsers drop tabs and line breaks from a URL and read
/// <c>\</c> as <c>/</c>, so <c>/%09/evil.example</c> and <c>/\evil.example</c> both lead to <c>//evil.example</c>.
/// Everything <c>Url.IsLocalUrl</c> refuses is refused too (it accepts only <c>/path</c> and <c>~/path</c>).
/// </remarks>
public static class LocalUrl
{
    public const int MaxLength = 2000;

    /// <summary>Whether <paramref name="url"/> is a path of this site that is safe to redirect to.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return false;
        }

        var text = url;
        for (var round = 0; round < 3; round++)
        {
            if (!IsSafePath(text))
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (decoded == text)
            {
                return true;
            }

            text = decoded;
        }

        // Still changing after three decodings: nobody needs that.
        return false;
    }

    /// <summary>The target as a Location header can carry it (spaces and letters outside ASCII percent-encoded), or <paramref name="fallback"/> when it is not safe.</summary>
    public static string OrDefault(string? url, string fallback = "/") => IsSafe(url) ? ToAscii(url!) : fallback;

    private static bool IsSafePath(string path)
    {
        if (path.Length == 0 || path[0] != '/' || (path.Length > 1 && path[1] is '/' or '\\'))
        {
            return false;
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
                continue;
            }

            // Controls (tab, CR, LF, NUL, DEL, C1), lone surrogates, line and paragraph separators, and the backslash
            // browsers read as '/'.
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\\' or '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private static string ToAscii(string path)
    {
        if (path.All(c => char.IsAscii(c) && c != ' '))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii && rune.Value != ' ')
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                var count = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..count])
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }
}
