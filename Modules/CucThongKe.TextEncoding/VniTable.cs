using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>VNI-Windows (fonts VNI-Times, VNI-Helve …) as its bytes arrive through Windows-1252 / Latin-1: a base
/// letter followed by a mark byte ("eá" = ế), a few letters in one byte (ô = ơ, ö = ư, ñ = đ, í ì æ ó ò = í ì ỉ ĩ ị,
/// î = ỵ), upper case with upper-case mark bytes ("EÁ" = Ế).</summary>
/// <remarks>Source: the VNI-Windows code chart published by VNI Software (cross-checked against converter tables
/// in public repositories, facts only). All bytes are in C0–FF; bytes 80–9F carry no letter, so their
/// Windows-1252 and C1 readings pass through unchanged.</remarks>
internal static class VniTable
{
    private const int NoModifier = 0, Circumflex = 1, Breve = 2;

    // Mark bytes per modifier and tone (none, huyền, hỏi, ngã, sắc, nặng), lower case; upper case is the same
    // letter upper-cased (ø/Ø, ù/Ù … all Latin-1 pairs).
    private static readonly string[] Marks =
    [
        "\0\u00F8\u00FB\u00F5\u00F9\u00EF", // tone only: ø û õ ù ï
        "\u00E2\u00E0\u00E5\u00E3\u00E1\u00E4", // circumflex (+ tone): â à å ã á ä
        "\u00EA\u00E8\u00FA\u00FC\u00E9\u00EB", // breve (+ tone): ê è ú ü é ë
    ];

    // i's toned letters are single bytes (í and ì are the Latin-1 letters themselves), and so is ỵ.
    private const string IRow = "i\u00EC\u00E6\u00F3\u00ED\u00F2"; // i ì æ ó í ò
    private const char YDot = '\u00EE'; // î = ỵ
    private const char OHorn = '\u00F4', UHorn = '\u00F6', DStroke = '\u00F1'; // ô = ơ, ö = ư, ñ = đ

    // Decoding: for a Latin-1 char, the mark it stands for (modifier * 8 + tone + 1; 0 = not a mark), and the
    // single-byte letters.
    private static readonly byte[] MarkOf = new byte[0x100];
    private static readonly char[] SingleLetter = new char[0x100];

    static VniTable()
    {
        for (var m = 0; m < Marks.Length; m++)
        {
            for (var t = 0; t < 6; t++)
            {
                var c = Marks[m][t];
                if (c == '\0') continue;
                MarkOf[c] = (byte)(m * 8 + t + 1);
                MarkOf[char.ToUpperInvariant(c)] = (byte)(m * 8 + t + 1);
            }
        }
        for (var t = 1; t < 6; t++)
        {
            if (IRow[t] is '\u00EC' or '\u00ED') continue; // ì í are themselves
            SingleLetter[IRow[t]] = VietnameseLetters.Letter(VietnameseLetters.I, t, upper: false);
            SingleLetter[char.ToUpperInvariant(IRow[t])] = VietnameseLetters.Letter(VietnameseLetters.I, t, upper: true);
        }
        SingleLetter[YDot] = VietnameseLetters.Letter(VietnameseLetters.Y, VietnameseLetters.Dot, upper: false);
        SingleLetter[char.ToUpperInvariant(YDot)] = VietnameseLetters.Letter(VietnameseLetters.Y, VietnameseLetters.Dot, upper: true);
        SingleLetter[OHorn] = 'ơ';
        SingleLetter[char.ToUpperInvariant(OHorn)] = 'Ơ';
        SingleLetter[UHorn] = 'ư';
        SingleLetter[char.ToUpperInvariant(UHorn)] = 'Ư';
        SingleLetter[DStroke] = 'đ';
        SingleLetter['\u00D1'] = 'Đ';
    }

    /// <summary>Whether the VNI decoder may change <paramref name="c"/> (a single-byte letter, or a mark byte).</summary>
    public static bool IsLegacyChar(char c) => c <= '\u00FF' && (MarkOf[c] != 0 || SingleLetter[c] != '\0');

    /// <summary>Decodes VNI text into <paramref name="into"/> (at least as long as the text; decoding never lengthens
    /// it) and returns the decoded length. Chars that are not VNI letters, or marks after a vowel, pass through, and so
    /// do the chars <paramref name="keep"/> marks.</summary>
    public static int Decode(ReadOnlySpan<char> text, Span<char> into, bool[]? keep = null)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keep?[i] == true)
            {
                into[length++] = c;
                continue;
            }
            var letter = c <= '\u00FF' && SingleLetter[c] != '\0' ? SingleLetter[c] : c;
            if (i + 1 < text.Length && keep?[i + 1] != true && TryCombine(letter, text[i + 1], out var combined))
            {
                letter = combined;
                i++;
            }
            into[length++] = letter;
        }
        return length;
    }

    /// <summary>A mark byte that European words hardly ever put after a vowel (ø õ â å ã ä ê è ü à á), unlike ù ï ú é ë
    /// û ("où", "naïf", "Raúl", "aéroport", "Noël", "goût"): after a vowel it is a sure sign of VNI.</summary>
    public static bool IsTellingMark(char c) => c is 'ø' or 'Ø' or 'õ' or 'Õ' or 'â' or 'Â' or 'å' or 'Å' or 'ã' or 'Ã'
        or 'ä' or 'Ä' or 'ê' or 'Ê' or 'è' or 'È' or 'ü' or 'Ü' or 'à' or 'À' or 'á' or 'Á';

    private static bool TryCombine(char letter, char mark, out char combined)
    {
        combined = letter;
        if (mark > '\u00FF' || MarkOf[mark] == 0) return false;
        var v = VietnameseLetters.VowelOf(letter);
        if (v < 0 || VietnameseLetters.ToneOf(letter) != VietnameseLetters.NoTone) return false;
        var code = MarkOf[mark] - 1;
        var modifier = code / 8;
        var tone = code % 8;
        var target = (modifier, v) switch
        {
            (NoModifier, _) => v,
            (Circumflex, VietnameseLetters.A) => VietnameseLetters.ACircumflex,
            (Circumflex, VietnameseLetters.E) => VietnameseLetters.ECircumflex,
            (Circumflex, VietnameseLetters.O) => VietnameseLetters.OCircumflex,
            (Breve, VietnameseLetters.A) => VietnameseLetters.ABreve,
            _ => -1,
        };
        if (target < 0) return false;
        combined = VietnameseLetters.Letter(target, tone, VietnameseLetters.IsUpper(letter));
        return true;
    }

    /// <summary>Appends the VNI spelling of one char (unchanged when it is not a Vietnamese letter).</summary>
    public static void Encode(char c, StringBuilder into)
    {
        if (c is 'đ' or 'Đ')
        {
            into.Append(c == 'đ' ? DStroke : '\u00D1');
            return;
        }
        var v = VietnameseLetters.VowelOf(c);
        if (v < 0)
        {
            into.Append(c);
            return;
        }
        var tone = VietnameseLetters.ToneOf(c);
        var upper = VietnameseLetters.IsUpper(c);
        char Cased(char x) => upper ? char.ToUpperInvariant(x) : x;
        switch (v)
        {
            case VietnameseLetters.I:
                into.Append(Cased(IRow[tone]));
                return;
            case VietnameseLetters.Y when tone == VietnameseLetters.Dot:
                into.Append(Cased(YDot));
                return;
        }
        var (baseChar, modifier) = v switch
        {
            VietnameseLetters.ACircumflex => ('a', Circumflex),
            VietnameseLetters.ECircumflex => ('e', Circumflex),
            VietnameseLetters.OCircumflex => ('o', Circumflex),
            VietnameseLetters.ABreve => ('a', Breve),
            VietnameseLetters.OHorn => (OHorn, NoModifier),
            VietnameseLetters.UHorn => (UHorn, NoModifier),
            _ => (VietnameseLetters.Vowels[v], NoModifier),
        };
        into.Append(Cased(baseChar));
        var mark = Marks[modifier][tone];
        if (mark != '\0') into.Append(Cased(mark));
    }
}
