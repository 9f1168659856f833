namespace CucThongKe.TextEncoding;

/// <summary>TCVN3 (TCVN 5712:1993, the VN3 repertoire; "ABC"; fonts .VnTime, .VnArial …) as its bytes arrive through
/// Windows-1252 / Latin-1: one byte per letter.</summary>
/// <remarks>
/// Source: the code chart of TCVN 5712:1993 (the VN3 subset; positions A1–FE agree with the VN1 chart shipped by
/// glibc/X11 as "TCVN5712-1" for every letter VN3 keeps). VN3 has the 67 lower-case letters and only seven capitals
/// (Ă Â Ê Ô Ơ Ư Đ at A1–A7); the toned capitals lived in a companion font (.VnTimeH …) at the lower-case positions,
/// so a toned byte is case-ambiguous (see <see cref="LegacyVietnamese.FromTcvn3"/>). The VN1-only capitals that the
/// full chart puts at AF, BA, BF, C0–C5, CD, D9–DB, E0, F0 are deliberately not decoded: .VnTime text never holds
/// them, and those bytes are common Latin-1 letters (À Á Â Ã Ä Å Í à ð) in ordinary text.
/// Bytes 80–9F carry no letter in VN3, so their Windows-1252 and C1 readings pass through unchanged.
/// </remarks>
internal static class Tcvn3Table
{
    // Per vowel of VietnameseLetters.Vowels, the byte for each tone (none, huyền, hỏi, ngã, sắc, nặng), read as
    // Latin-1. Untoned a e i o u y are plain ASCII.
    private static readonly string[] Rows =
    [
        "a\u00B5\u00B6\u00B7\u00B8\u00B9", // a: µ ¶ · ¸ ¹
        "\u00A8\u00BB\u00BC\u00BD\u00BE\u00C6", // ă: ¨ » ¼ ½ ¾ Æ
        "\u00A9\u00C7\u00C8\u00C9\u00CA\u00CB", // â: © Ç È É Ê Ë
        "e\u00CC\u00CE\u00CF\u00D0\u00D1", // e: Ì Î Ï Ð Ñ
        "\u00AA\u00D2\u00D3\u00D4\u00D5\u00D6", // ê: ª Ò Ó Ô Õ Ö
        "i\u00D7\u00D8\u00DC\u00DD\u00DE", // i: × Ø Ü Ý Þ
        "o\u00DF\u00E1\u00E2\u00E3\u00E4", // o: ß á â ã ä
        "\u00AB\u00E5\u00E6\u00E7\u00E8\u00E9", // ô: « å æ ç è é
        "\u00AC\u00EA\u00EB\u00EC\u00ED\u00EE", // ơ: ¬ ê ë ì í î
        "u\u00EF\u00F1\u00F2\u00F3\u00F4", // u: ï ñ ò ó ô
        "\u00AD\u00F5\u00F6\u00F7\u00F8\u00F9", // ư: soft hyphen, õ ö ÷ ø ù
        "y\u00FA\u00FB\u00FC\u00FD\u00FE", // y: ú û ü ý þ
    ];

    // The seven capitals VN3 has: Ă Â Ê Ô Ơ Ư at A1–A6 (same vowel order as above, untoned) and Đ at A7; đ is AE.
    private const char DLower = '\u00AE', DUpper = '\u00A7';
    private static readonly (int Vowel, char Byte)[] Capitals =
    [
        (VietnameseLetters.ABreve, '\u00A1'), (VietnameseLetters.ACircumflex, '\u00A2'),
        (VietnameseLetters.ECircumflex, '\u00A3'), (VietnameseLetters.OCircumflex, '\u00A4'),
        (VietnameseLetters.OHorn, '\u00A5'), (VietnameseLetters.UHorn, '\u00A6'),
    ];

    // Decoding, indexed by Latin-1 char A0–FF: the Unicode letter ('\0' = not a VN3 letter), and whether its case
    // is unknown (a toned letter that a capital font would have drawn upper case).
    private static readonly char[] Decode = new char[0x100];
    private static readonly bool[] CaseUnknown = new bool[0x100];

    static Tcvn3Table()
    {
        for (var v = 0; v < Rows.Length; v++)
        {
            for (var t = 0; t < 6; t++)
            {
                var b = Rows[v][t];
                if (b < 0x80) continue;
                Decode[b] = VietnameseLetters.Letter(v, t, upper: false);
                CaseUnknown[b] = t != VietnameseLetters.NoTone;
            }
        }
        foreach (var (vowel, b) in Capitals) Decode[b] = VietnameseLetters.Letter(vowel, VietnameseLetters.NoTone, upper: true);
        Decode[DLower] = 'đ';
        Decode[DUpper] = 'Đ';
    }

    /// <summary>The Unicode letter for a TCVN3 char, or '\0' when the char is not a VN3 letter byte above ASCII.</summary>
    public static char ToUnicode(char c, out bool caseUnknown)
    {
        if (c is < '\u00A0' or > '\u00FF')
        {
            caseUnknown = false;
            return '\0';
        }
        caseUnknown = CaseUnknown[c];
        return Decode[c];
    }

    /// <summary>Whether the TCVN3 decoder changes <paramref name="c"/>.</summary>
    public static bool IsLegacyChar(char c) => c is >= '\u00A0' and <= '\u00FF' && Decode[c] != '\0';

    /// <summary>The TCVN3 char for a Unicode letter; toned capitals get the lower-case byte (VN3 has no other).
    /// Chars that are not Vietnamese letters come back unchanged.</summary>
    public static char FromUnicode(char c)
    {
        if (c == 'đ') return DLower;
        if (c == 'Đ') return DUpper;
        var v = VietnameseLetters.VowelOf(c);
        if (v < 0) return c;
        var tone = VietnameseLetters.ToneOf(c);
        var upper = VietnameseLetters.IsUpper(c);
        if (upper && tone == VietnameseLetters.NoTone)
        {
            foreach (var (vowel, b) in Capitals) if (vowel == v) return b;
            return char.ToUpperInvariant(Rows[v][0]);
        }
        return Rows[v][tone];
    }
}
