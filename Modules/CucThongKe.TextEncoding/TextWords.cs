using System.Globalization;

namespace CucThongKe.TextEncoding;

/// <summary>How the library cuts text into words: letters, combining marks, and the non-letter chars that TCVN3 uses
/// for letters (¸ = á, ­ = ư, ® = đ, × = ì …), so that "®­îc" is one word.</summary>
internal static class TextWords
{
    public static bool IsWordChar(char c) =>
        c < 0x80
            ? char.IsAsciiLetter(c)
            : char.IsLetter(c) || Tcvn3Table.IsLegacyChar(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>The end (exclusive) of the word that starts at <paramref name="start"/>.</summary>
    public static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsWordChar(text[i])) i++;
        return i;
    }

    /// <summary>How many words differ between a text and its conversion (which keeps the word boundaries: every
    /// legacy letter, mark or symbol is a word char, and so is what it becomes).</summary>
    public static int CountChangedWords(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        int changed = 0, i = 0, j = 0;
        while (true)
        {
            while (i < before.Length && !IsWordChar(before[i])) i++;
            while (j < after.Length && !IsWordChar(after[j])) j++;
            if (i >= before.Length || j >= after.Length)
            {
                return changed + CountWords(before[i..]) + CountWords(after[j..]);
            }
            var endBefore = WordEnd(before, i);
            var endAfter = WordEnd(after, j);
            if (!before[i..endBefore].SequenceEqual(after[j..endAfter])) changed++;
            i = endBefore;
            j = endAfter;
        }
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsWordChar(text[i]) && (i == 0 || !IsWordChar(text[i - 1]))) count++;
        }
        return count;
    }

    /// <summary>Windows-1252 reading for a C1 control char (U+0080–U+009F), which is what a legacy document meant by
    /// those bytes (curly quotes, dashes, …); other chars unchanged.</summary>
    public static char FromC1(char c) => c is >= '\u0080' and <= '\u009F' ? Cp1252High[c - 0x80] : c;

    private const string Cp1252High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
}
