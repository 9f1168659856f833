using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>The Vietnamese alphabet as data: every precomposed letter split into its vowel, tone and case, and back.
/// The Unicode side is built from the standard's decompositions, so no Unicode code point is typed by hand.</summary>
internal static class VietnameseLetters
{
    /// <summary>The twelve vowels, lower case, untoned: a ă â e ê i o ô ơ u ư y.</summary>
    public const string Vowels = "aăâeêioôơuưy";

    // Vowel indexes into Vowels, used by the legacy tables.
    public const int A = 0, ABreve = 1, ACircumflex = 2, E = 3, ECircumflex = 4, I = 5, O = 6, OCircumflex = 7,
        OHorn = 8, U = 9, UHorn = 10, Y = 11;

    /// <summary>Tones in the order the legacy tables list them: none, huyền, hỏi, ngã, sắc, nặng.</summary>
    public const int NoTone = 0, Grave = 1, Hook = 2, Tilde = 3, Acute = 4, Dot = 5;

    private static readonly char[] ToneMarks = ['\0', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

    // Per char (U+0000–U+1EFF): 0 = not a Vietnamese letter; otherwise packed: bits 0–15 the lower-case untoned
    // base letter, bits 16–18 the tone, bit 19 upper case, bit 20 "is a vowel", bits 21–24 the vowel index.
    private static readonly int[] Info = new int[0x1F00];
    private static readonly char[] Letters = new char[Vowels.Length * 6 * 2];

    private const int ToneShift = 16, UpperBit = 1 << 19, VowelBit = 1 << 20, VowelShift = 21;

    static VietnameseLetters()
    {
        for (var c = 'a'; c <= 'z'; c++)
        {
            Info[c] = c;
            Info[char.ToUpperInvariant(c)] = c | UpperBit;
        }
        Info['đ'] = 'đ';
        Info['Đ'] = 'đ' | UpperBit;
        for (var v = 0; v < Vowels.Length; v++)
        {
            for (var t = 0; t < 6; t++)
            {
                var lower = t == 0 ? Vowels[v] : (Vowels[v].ToString() + ToneMarks[t]).Normalize(NormalizationForm.FormC)[0];
                var upper = char.ToUpperInvariant(lower);
                Letters[(v * 6 + t) * 2] = lower;
                Letters[(v * 6 + t) * 2 + 1] = upper;
                var packed = Vowels[v] | (t << ToneShift) | VowelBit | (v << VowelShift);
                Info[lower] = packed;
                Info[upper] = packed | UpperBit;
            }
        }
    }

    /// <summary>The precomposed letter for a vowel, tone and case.</summary>
    public static char Letter(int vowel, int tone, bool upper) => Letters[(vowel * 6 + tone) * 2 + (upper ? 1 : 0)];

    /// <summary>Whether <paramref name="c"/> is a letter of the Vietnamese alphabet (or an ASCII letter).</summary>
    public static bool IsLetter(char c) => c < Info.Length && Info[c] != 0;

    /// <summary>The vowel index (0–11) of a Vietnamese vowel letter, or -1.</summary>
    public static int VowelOf(char c)
    {
        if (c >= Info.Length) return -1;
        var i = Info[c];
        return (i & VowelBit) != 0 ? (i >> VowelShift) & 0xF : -1;
    }

    /// <summary>The tone (0–5) of a Vietnamese letter.</summary>
    public static int ToneOf(char c) => c < Info.Length ? (Info[c] >> ToneShift) & 7 : 0;

    /// <summary>The lower-case untoned base of a Vietnamese letter ('ế' → 'ê', 'Đ' → 'đ'), or '\0'.</summary>
    public static char BaseOf(char c) => c < Info.Length ? (char)(Info[c] & 0xFFFF) : '\0';

    /// <summary>Whether a Vietnamese letter is upper case.</summary>
    public static bool IsUpper(char c) => c < Info.Length && (Info[c] & UpperBit) != 0;

    /// <summary>A Vietnamese letter outside Latin-1 (ư ơ ă đ ạ ả ấ …): only Unicode Vietnamese text has these.</summary>
    public static bool IsBeyondLatin1(char c) => c > 0xFF && c < Info.Length && Info[c] != 0;
}
