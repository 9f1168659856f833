using System.Globalization;
using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>
/// Text rules of Vietnamese matching: NFC with look-alikes mapped, one tone-mark placement, folding, document-number
/// keys. The site's one fold: the search index and every lookup that compares folded text use it.
/// </summary>
public static class VietnameseText
{
    private const char Grave = '\u0300';
    private const char Acute = '\u0301';
    private const char Tilde = '\u0303';
    private const char HookAbove = '\u0309';
    private const char DotBelow = '\u0323';

    /// <summary>Letters that look like Đ/đ but are other code points (Icelandic eth, African D).</summary>
    public static readonly IReadOnlyDictionary<char, char> LookAlikes = new Dictionary<char, char>
    {
        ['\u00D0'] = '\u0110', // Ð (eth) → Đ
        ['\u00F0'] = '\u0111', // ð → đ
        ['\u0189'] = '\u0110', // Ɖ (African D) → Đ
        ['\u0256'] = '\u0111', // ɖ → đ
    };

    /// <summary>NFC, look-alike letters mapped, control characters turned into spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(LookAlikes.TryGetValue(c, out var mapped) ? mapped : char.IsControl(c) ? ' ' : c);
        }

        return SafeNfc(builder.ToString());
    }

    /// <summary>
    /// One syllable with its tone mark where the "new" rule puts it: "hòa" → "hoà", "thủy" → "thuỷ", "khỏe" → "khoẻ".
    /// </summary>
    /// <remarks>
    /// The old and new placements differ only for the open syllables ending in oa, oe and uy (no final consonant):
    /// the old rule marks the first vowel, the new one the second. Both are in use, so both must match.
    /// </remarks>
    public static string NormalizeToneMark(string syllable)
    {
        if (syllable.Length < 2)
        {
            return syllable;
        }

        var decomposed = syllable.Normalize(NormalizationForm.FormD);
        // Find the letters (base + marks) of the syllable's last two letters.
        var letters = SplitLetters(decomposed);
        if (letters.Count < 2)
        {
            return syllable;
        }

        var first = letters[^2];
        var second = letters[^1];
        var firstBase = char.ToLowerInvariant(first[0]);
        var secondBase = char.ToLowerInvariant(second[0]);
        var pair = (firstBase == 'o' && secondBase is 'a' or 'e') || (firstBase == 'u' && secondBase == 'y');
        if (!pair || second.Length != 1)
        {
            return syllable;
        }

        var tone = first.FirstOrDefault(IsToneMark);
        // "o" and "u" carrying only a tone (not ô, ơ, ư): the glide of oa/oe/uy.
        if (tone == default || first.Length != 2)
        {
            return syllable;
        }

        letters[^2] = first[0].ToString();
        letters[^1] = second + tone;
        return string.Concat(letters).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Diacritics removed and đ → d, lower-cased: "Đồng Hỷ" → "dong hy"; null gives "".</summary>
    public static string Fold(string? text)
    {
        var decomposed = Normalize(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                '\u0110' => 'd',
                '\u0111' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The key a legal document number is found by: folded letters and digits only ("181/QĐ-CTK" → "181qdctk").</summary>
    public static string DocumentNumberKey(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }

        var folded = Fold(number);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsToneMark(char c) => c is Grave or Acute or Tilde or HookAbove or DotBelow;

    private static List<string> SplitLetters(string decomposed)
    {
        var letters = new List<string>();
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && current.Length > 0)
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                letters.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            letters.Add(current.ToString());
        }

        return letters;
    }

    // An unpaired surrogate cannot be normalised: it is dropped rather than failing the whole text.
    private static string SafeNfc(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsSurrogatePair(value, i))
                {
                    builder.Append(value, i, 2);
                    i++;
                }
                else if (!char.IsSurrogate(value[i]))
                {
                    builder.Append(value[i]);
                }
            }

            return builder.ToString().Normalize(NormalizationForm.FormC);
        }
    }
}
