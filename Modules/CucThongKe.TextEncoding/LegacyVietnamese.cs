using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>Converts between Unicode and the legacy Vietnamese encodings (as read through Windows-1252).</summary>
public static class LegacyVietnamese
{
    /// <summary>TCVN3 text ("TiÕng ViÖt") to Unicode NFC ("Tiếng Việt").</summary>
    /// <remarks>
    /// VN3 has no toned capitals (documents drew them with a companion font such as .VnTimeH at the lower-case
    /// positions), so the case of a toned letter is recovered from its surroundings:
    /// <list type="bullet">
    /// <item>in a word written in capitals (at least two other letters, all capitals: "VIÖT", "§IÒU") it is a capital
    /// ("VIỆT", "ĐIỀU");</item>
    /// <item>in a word whose only other letter is a capital first letter ("§Ó"), or that has no other letter, it follows
    /// the neighbouring words: capital when the nearest word before it (or, at the start, after it) is written in
    /// capitals ("CHÍNH SÁCH §Ó" → "ĐỂ"), otherwise lower case ("Để");</item>
    /// <item>as the first letter of a sentence (after . ! ? … or a line break, or at the start of a text of two or more
    /// words) it is a capital ("Ên t­îng" → "Ấn tượng");</item>
    /// <item>everywhere else it is lower case.</item>
    /// </list>
    /// A single word on its own ("ë") stays lower case. A symbol that stands for a letter that is no word on its own, standing
    /// alone (· © » × ÷ § ¨ ¼ ½ ¾: "a · b", "© 2025"), is kept as the symbol. Ă Â Ê Ô Ơ Ư Đ have their own bytes and keep their case exactly.
    /// </remarks>
    public static string FromTcvn3(string text) => DecodeTcvn3(UnicodeText.ToNfc(text), keep: null);

    // keep: chars (of Unicode words in a mixed text) to copy as they are.
    private static string DecodeTcvn3(string source, bool[]? keep)
    {
        var chars = new char[source.Length];
        bool[]? unknown = null;
        for (var i = 0; i < source.Length; i++)
        {
            if (keep?[i] == true || IsLoneSymbol(source, i))
            {
                chars[i] = source[i];
                continue;
            }
            var u = Tcvn3Table.ToUnicode(source[i], out var caseUnknown);
            chars[i] = u != '\0' ? u : TextWords.FromC1(source[i]);
            if (caseUnknown) (unknown ??= new bool[source.Length])[i] = true;
        }
        if (unknown is not null) Tcvn3Case.Recover(chars, unknown);
        return UnicodeText.ToNfc(new string(chars));
    }

    // A symbol TCVN3 uses for a letter that is no word on its own, standing alone in a text ("a · b", "© 2025",
    // "3 × 4", "½"): kept, as the symbol is what the writer meant. Those that are words alone convert: « ô, ¸ á, ¹ ạ,
    // ¶ ả, ¬ ơ, ® đ (đồng).
    private static bool IsLoneSymbol(string text, int i) =>
        text[i] is '·' or '©' or '»' or '×' or '÷' or '§' or '¨' or '¼' or '½' or '¾'
        && text.Length > 1
        && (i == 0 || !TextWords.IsWordChar(text[i - 1]))
        && (i == text.Length - 1 || !TextWords.IsWordChar(text[i + 1]));

    /// <summary>Unicode to TCVN3 (for export to old systems and for tests). Toned capitals are written with the
    /// lower-case byte, as VN3 has no other: "VIỆT" → "VIÖT", which <see cref="FromTcvn3"/> reads back as "VIỆT"
    /// thanks to the capitals around it; a lone "Ở" comes back as "ở".</summary>
    public static string ToTcvn3(string text)
    {
        var source = UnicodeText.ToNfc(text);
        return string.Create(source.Length, source, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = Tcvn3Table.FromUnicode(s[i]);
        });
    }

    /// <summary>VNI text ("Tieáng Vieät") to Unicode NFC ("Tiếng Việt").</summary>
    public static string FromVni(string text) => DecodeVni(UnicodeText.ToNfc(text), keep: null);

    private static string DecodeVni(string source, bool[]? keep)
    {
        var chars = new char[source.Length];
        var length = VniTable.Decode(source, chars, keep);
        for (var i = 0; i < length; i++) chars[i] = TextWords.FromC1(chars[i]);
        return UnicodeText.ToNfc(new string(chars, 0, length));
    }

    /// <summary>Unicode to VNI (for export to old systems and for tests); exact for all letters in both cases.</summary>
    public static string ToVni(string text)
    {
        var source = UnicodeText.ToNfc(text);
        var builder = new StringBuilder(source.Length + source.Length / 4);
        foreach (var c in source) VniTable.Encode(c, builder);
        return builder.ToString();
    }

    /// <summary>Unicode NFC for <paramref name="text"/> read as <paramref name="from"/>; with null (or
    /// <see cref="TextEncodingKind.Mixed"/>), detected first and converted word by word, so that Unicode words in a
    /// mixed text stay as they are. Also applies <see cref="UnicodeText.Clean"/>.</summary>
    public static string ToUnicode(string text, TextEncodingKind? from = null) => Convert(text, from).Converted;

    /// <summary>As <see cref="ToUnicode"/>, with what a preview or an import summary shows: the encoding the text was
    /// read as (detected when <paramref name="from"/> is null) and how many words changed.</summary>
    public static TextConversion Convert(string text, TextEncodingKind? from = null)
    {
        var kind = from ?? TextEncodingKind.Mixed;
        var converted = UnicodeText.Clean(kind switch
        {
            TextEncodingKind.Tcvn3 => FromTcvn3(text),
            TextEncodingKind.Vni => FromVni(text),
            TextEncodingKind.Unicode or TextEncodingKind.Nfd => text,
            _ => ConvertDetected(text, out kind),
        });
        if (kind == TextEncodingKind.Unicode && !UnicodeText.IsNfc(text)) kind = TextEncodingKind.Nfd;
        return ReferenceEquals(converted, text)
            ? new TextConversion(text, text, kind, 0)
            : new TextConversion(text, converted, kind, TextWords.CountChangedWords(text, converted));
    }

    private static string ConvertDetected(string text, out TextEncodingKind kind)
    {
        kind = TextEncodingKind.Unicode;
        if (System.Text.Ascii.IsValid(text)) return text;
        var nfc = UnicodeText.ToNfc(text);
        var words = new List<WordVerdict>();
        kind = VietnameseTextDetector.Analyze(nfc, words, out var dominant).Kind;
        if (kind is not (TextEncodingKind.Tcvn3 or TextEncodingKind.Vni or TextEncodingKind.Mixed)) return nfc;

        // Which words to convert, and from what: in a legacy text all but the words that are Unicode Vietnamese and
        // nothing else ("Báo cáo" before a pasted TCVN3 sentence); in a mixed text, see EncodingInMixedText.
        var encodings = new TextEncodingKind?[words.Count];
        var usesTcvn3 = false;
        var usesVni = false;
        for (var w = 0; w < words.Count; w++)
        {
            encodings[w] = kind == TextEncodingKind.Mixed
                ? VietnameseTextDetector.EncodingInMixedText(words, w, dominant)
                : words[w].Reading is WordReading.Unicode or WordReading.UnicodeStrong ? null : kind;
            usesTcvn3 |= encodings[w] == TextEncodingKind.Tcvn3;
            usesVni |= encodings[w] == TextEncodingKind.Vni;
        }

        if (!(usesTcvn3 && usesVni))
        {
            // One encoding: convert the whole text from it (so that TCVN3 case recovery sees whole sentences), keeping
            // the chars of the words that stay.
            var keep = new bool[nfc.Length];
            for (var w = 0; w < words.Count; w++)
            {
                if (encodings[w] is null) Array.Fill(keep, true, words[w].Start, words[w].Length);
            }
            return usesVni ? DecodeVni(nfc, keep) : DecodeTcvn3(nfc, keep);
        }

        var builder = new StringBuilder(nfc.Length);
        var copied = 0;
        for (var w = 0; w < words.Count; w++)
        {
            if (encodings[w] is not { } encoding) continue;
            var word = words[w];
            builder.Append(nfc, copied, word.Start - copied);
            var original = nfc.Substring(word.Start, word.Length);
            builder.Append(encoding == TextEncodingKind.Tcvn3 ? FromTcvn3(original) : FromVni(original));
            copied = word.Start + word.Length;
        }
        builder.Append(nfc, copied, nfc.Length - copied);
        return builder.ToString();
    }
}
