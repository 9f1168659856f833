namespace CucThongKe.TextEncoding;

/// <summary>The clean-up every stored text gets: NFC, and U+00D0 (Ð) in Vietnamese words made U+0110 (Đ).</summary>
/// <remarks>Ð (Icelandic eth) and ð look like Đ and đ and slip in from some keyboards and fonts. They are replaced
/// only in a word that, with the replacement, is a Vietnamese syllable ("Ðà" → "Đà", "ÐỒNG" → "ĐỒNG"); Icelandic
/// "Ðór" or "Guðrún" stay. Called on every stored string, so clean text (ASCII, or NFC without Ð/ð) costs one scan
/// and allocates nothing.</remarks>
public static class UnicodeText
{
    /// <summary>NFC with look-alikes fixed; returns <paramref name="text"/> itself when nothing changes.</summary>
    public static string Clean(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var normalized = ToNfc(text);
        if (normalized.AsSpan().IndexOfAny('Ð', 'ð') < 0) return normalized;

        char[]? fixedChars = null;
        var span = normalized.AsSpan();
        for (var i = span.IndexOfAny('Ð', 'ð'); i >= 0 && i < span.Length;)
        {
            var (start, end) = WordAround(span, i);
            if (IsLookAlikeWord(span[start..end]))
            {
                fixedChars ??= normalized.ToCharArray();
                for (var j = start; j < end; j++) fixedChars[j] = Replace(fixedChars[j]);
            }
            var next = span[end..].IndexOfAny('Ð', 'ð');
            i = next < 0 ? -1 : end + next;
        }
        return fixedChars is null ? normalized : new string(fixedChars);
    }

    /// <summary>Whether <see cref="Clean"/> would change <paramref name="text"/> (no allocation for clean text).</summary>
    public static bool NeedsCleaning(string text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        if (!IsNfc(text)) return true;
        var span = text.AsSpan();
        for (var i = span.IndexOfAny('Ð', 'ð'); i >= 0 && i < span.Length;)
        {
            var (start, end) = WordAround(span, i);
            if (IsLookAlikeWord(span[start..end])) return true;
            var next = span[end..].IndexOfAny('Ð', 'ð');
            i = next < 0 ? -1 : end + next;
        }
        return false;
    }

    /// <summary><paramref name="text"/> in NFC; the same instance when it already is.</summary>
    /// <remarks>A lone surrogate (invalid UTF-16, e.g. from a JSON "\ud800" escape) cannot be normalised; it becomes
    /// U+FFFD, so that no input makes the clean-up throw.</remarks>
    internal static string ToNfc(string text)
    {
        if (IsNfc(text)) return text;
        return HasLoneSurrogate(text) ? ReplaceLoneSurrogates(text).Normalize() : text.Normalize();
    }

    /// <summary>Whether <paramref name="text"/> is NFC, without allocating for the text this site stores.</summary>
    /// <remarks><see cref="string.IsNormalized()"/> allocates on every call where ICU does the work (Linux), and it
    /// runs on every stored string. Chars below U+0300 (Latin, Latin-1, Latin Extended-A/B, IPA), the precomposed
    /// Vietnamese letters (U+1E00–U+1EFF), general punctuation and currency signs are all stable under NFC and none
    /// of them composes with another (checked against ICU for every such char and every pair), so text made only of
    /// them is NFC without asking; anything else (combining marks, other scripts) asks ICU.</remarks>
    internal static bool IsNfc(string text)
    {
        foreach (var c in text)
        {
            if (c < '\u0300' || c is >= '\u1E00' and <= '\u1EFF' || c is >= '\u2010' and <= '\u206F' || c is >= '\u20A0' and <= '\u20CF') continue;
            return !HasLoneSurrogate(text) && text.IsNormalized();
        }
        return true;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>Whether the word (NFC) becomes a Vietnamese syllable once Ð/ð are read as Đ/đ.</summary>
    internal static bool IsLookAlikeWord(ReadOnlySpan<char> word)
    {
        if (word.Length > VietnameseSyllable.MaxLength) return false;
        Span<char> replaced = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++) replaced[i] = Replace(word[i]);
        return VietnameseSyllable.IsValid(replaced);
    }

    private static char Replace(char c) => c switch
    {
        'Ð' => 'Đ',
        'ð' => 'đ',
        _ => c,
    };

    private static (int Start, int End) WordAround(ReadOnlySpan<char> text, int index)
    {
        var start = index;
        while (start > 0 && IsLetterOrMark(text[start - 1])) start--;
        var end = index + 1;
        while (end < text.Length && IsLetterOrMark(text[end])) end++;
        return (start, end);
    }

    private static bool IsLetterOrMark(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
