using System.Globalization;
using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>
/// Vietnamese alphabetical order as a key a database sorts by ordinal (or any collation): a ă â b c d đ e ê g h i k l m n o ô ơ
/// p q r s t u ư v x y, syllable by syllable, the tone deciding only between otherwise equal syllables (ngang, huyền, hỏi, ngã,
/// sắc, nặng). So "Đồng Hỷ" comes after every "D..." and before "E...", never after "P..." as code-point order puts it.
/// </summary>
/// <remarks>
/// The key holds lower-case ASCII letters and digits only, in fixed two-character codes, so that a database's own collation
/// (SQLite's binary, PostgreSQL's locale) orders it exactly as ordinal order does. Letters and tones come from
/// <see cref="VietnameseText.Normalize"/>'s NFC text, decomposed; anything that is neither a letter nor a digit separates syllables.
/// </remarks>
public static class VietnameseCollation
{
    /// <summary>The longest key kept: enough to order titles by their first hundred or so letters.</summary>
    public const int MaxKeyLength = 300;

    private const char Separator = '0';

    /// <summary>The sort key of <paramref name="text"/> (at most <see cref="MaxKeyLength"/> characters); null or blank gives "".</summary>
    public static string Key(string? text)
    {
        var decomposed = VietnameseText.Normalize(text).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder();
        var tone = '0';
        var inSyllable = false;
        for (var i = 0; i < decomposed.Length && key.Length < MaxKeyLength; i++)
        {
            var c = char.ToLowerInvariant(decomposed[i]);
            if (c is >= 'a' and <= 'z' or 'đ' or >= '0' and <= '9')
            {
                // The letter's own marks follow it: breve, circumflex and horn make another letter, a tone mark sits on the syllable.
                var modifier = c == 'đ' ? '1' : '0';
                while (i + 1 < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i + 1]) == UnicodeCategory.NonSpacingMark)
                {
                    var mark = decomposed[++i];
                    modifier = mark switch
                    {
                        '\u0306' => '1', // ă
                        '\u0302' => c == 'a' ? '2' : '1', // â ê ô
                        '\u031B' => c == 'o' ? '2' : '1', // ơ ư
                        _ => modifier,
                    };
                    tone = mark switch
                    {
                        '\u0300' => '1', // huyền
                        '\u0309' => '2', // hỏi
                        '\u0303' => '3', // ngã
                        '\u0301' => '4', // sắc
                        '\u0323' => '5', // nặng
                        _ => tone,
                    };
                }

                // Digits before letters, and both after the syllable separator and the tone digit that ends a syllable.
                key.Append(c is >= '0' and <= '9' ? '1' : c == 'đ' ? 'd' : c).Append(c is >= '0' and <= '9' ? c : modifier);
                inSyllable = true;
            }
            else if (inSyllable && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(tone).Append(Separator);
                (tone, inSyllable) = ('0', false);
            }
        }

        if (inSyllable)
        {
            key.Append(tone);
        }

        return key.Length > MaxKeyLength ? key.ToString(0, MaxKeyLength) : key.ToString();
    }
}
