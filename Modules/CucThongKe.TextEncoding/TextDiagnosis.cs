namespace CucThongKe.TextEncoding;

/// <summary>What a piece of text is written in, as far as Vietnamese is concerned.</summary>
public enum TextEncodingKind
{
    /// <summary>Clean Unicode (NFC), or text with no Vietnamese in it at all (English, numbers, symbols).</summary>
    Unicode,

    /// <summary>Unicode, but decomposed (NFD): base letters followed by combining marks.</summary>
    Nfd,

    /// <summary>TCVN3 (ABC, fonts like .VnTime) bytes read as Windows-1252: "TiÕng ViÖt".</summary>
    Tcvn3,

    /// <summary>VNI (VNI-Windows, fonts like VNI-Times) bytes read as Windows-1252: "Tieáng Vieät".</summary>
    Vni,

    /// <summary>More than one of the above in the same text.</summary>
    Mixed,
}

/// <summary>The detector's verdict on a piece of text.</summary>
/// <param name="Kind">The encoding the text appears to be in.</param>
/// <param name="Confidence">0–1: how sure the detector is of <paramref name="Kind"/>.</param>
/// <param name="HasNfd">Some of the text is decomposed (NFD).</param>
/// <param name="HasLookAlikes">Some Vietnamese words use a look-alike letter (U+00D0 Ð for U+0110 Đ).</param>
/// <param name="LegacyWords">How many words look like TCVN3 or VNI.</param>
public sealed record TextDiagnosis(TextEncodingKind Kind, double Confidence, bool HasNfd, bool HasLookAlikes, int LegacyWords)
{
    /// <summary>The text is legacy-encoded (TCVN3, VNI, or a mix with them) and should be converted before it is stored.</summary>
    public bool IsLegacy => Kind is TextEncodingKind.Tcvn3 or TextEncodingKind.Vni || (Kind == TextEncodingKind.Mixed && LegacyWords > 0);

    /// <summary>Nothing to fix: clean NFC Unicode without look-alikes.</summary>
    public bool IsClean => Kind == TextEncodingKind.Unicode && !HasNfd && !HasLookAlikes;
}

/// <summary>A conversion to Unicode, for previews and import summaries.</summary>
/// <param name="Original">The text as it came.</param>
/// <param name="Converted">Unicode NFC, look-alikes fixed.</param>
/// <param name="From">The encoding the text was read as: the one asked for, or the detected one (Mixed: word by word).</param>
/// <param name="WordsChanged">How many words the conversion changed.</param>
public sealed record TextConversion(string Original, string Converted, TextEncodingKind From, int WordsChanged)
{
    /// <summary>Whether the conversion changed anything.</summary>
    public bool Changed => !string.Equals(Original, Converted, StringComparison.Ordinal);
}
