namespace CucThongKe.TextEncoding;

// CONTRACT (lead, 07:10): the signatures below are what the rest of the code base calls. The issue-7 library helper
// replaces the bodies (and may split them into files); it must keep these names and signatures.

/// <summary>Tells what a piece of text is written in: clean Unicode, NFD, TCVN3, VNI or a mix.</summary>
public static class VietnameseTextDetector
{
    public static TextDiagnosis Detect(string text) => throw new NotImplementedException();
}

/// <summary>Converts between Unicode and the legacy Vietnamese encodings (as read through Windows-1252).</summary>
public static class LegacyVietnamese
{
    public static string FromTcvn3(string text) => throw new NotImplementedException();

    public static string ToTcvn3(string text) => throw new NotImplementedException();

    public static string FromVni(string text) => throw new NotImplementedException();

    public static string ToVni(string text) => throw new NotImplementedException();

    /// <summary>Unicode NFC for <paramref name="text"/> read as <paramref name="from"/>; with null, detected first.
    /// Mixed text is converted word by word.</summary>
    public static string ToUnicode(string text, TextEncodingKind? from = null) => throw new NotImplementedException();
}

/// <summary>The clean-up every stored text gets: NFC, and U+00D0 (Ð) in Vietnamese words made U+0110 (Đ).</summary>
public static class UnicodeText
{
    public static string Clean(string text) => throw new NotImplementedException();

    /// <summary>Whether <see cref="Clean"/> would change <paramref name="text"/> (cheap: no allocation for clean text).</summary>
    public static bool NeedsCleaning(string text) => throw new NotImplementedException();
}
