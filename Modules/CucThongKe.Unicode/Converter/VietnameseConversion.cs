using System.Text;
using CucThongKe.TextEncoding;

namespace CucThongKe.Unicode.Converter;

/// <summary>What was wrong with a piece of text that was converted, as the summaries count it.</summary>
public enum ChangeKind
{
    Tcvn3,
    Vni,
    Nfd,
    LookAlike,
    Mixed,
}

/// <summary>One piece of text (a cell, a line, a field of an item) that conversion changed.</summary>
/// <param name="Where">Where it is, in the user's terms: "Sheet1!A2", "dòng 3", "TitlePart.Title".</param>
public sealed record TextChange(string Where, ChangeKind Kind, string Before, string After);

/// <summary>Turns one piece of text into clean Unicode, detecting its encoding or taking the one the user chose.</summary>
public static class VietnameseConversion
{
    /// <summary>The code page legacy text was read through: TCVN3 and VNI bytes shown as Windows-1252 characters.</summary>
    public static readonly Encoding Windows1252 =
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)!;

    /// <summary>The text converted to clean Unicode, or null when nothing needs changing.</summary>
    /// <param name="source">The encoding the user says the text is in; null to detect it.</param>
    public static TextChange? Convert(string where, string text, TextEncodingKind? source)
    {
        if (text.Length == 0 || Ascii.IsValid(text))
        {
            return null;
        }

        // Only text made of Windows-1252 characters can be legacy bytes; anything else is already Unicode and only cleaned.
        if (source is TextEncodingKind.Tcvn3 or TextEncodingKind.Vni && FitsWindows1252(text))
        {
            var forced = LegacyVietnamese.ToUnicode(text, source);
            return forced == text ? null : new TextChange(where, source == TextEncodingKind.Tcvn3 ? ChangeKind.Tcvn3 : ChangeKind.Vni, text, forced);
        }

        var diagnosis = VietnameseTextDetector.Detect(text);
        if (diagnosis.IsClean && !UnicodeText.NeedsCleaning(text))
        {
            return null;
        }

        var after = source is null && diagnosis.IsLegacy ? LegacyVietnamese.ToUnicode(text) : UnicodeText.Clean(text);
        return after == text ? null : new TextChange(where, KindOf(diagnosis, text), text, after);
    }

    /// <summary>Converts <paramref name="text"/> the way <paramref name="change"/> was made (for the runs of one rich-text cell).</summary>
    public static string ApplyLike(TextChange change, string text) => change.Kind switch
    {
        ChangeKind.Tcvn3 when FitsWindows1252(text) => LegacyVietnamese.ToUnicode(text, TextEncodingKind.Tcvn3),
        ChangeKind.Vni when FitsWindows1252(text) => LegacyVietnamese.ToUnicode(text, TextEncodingKind.Vni),
        ChangeKind.Mixed => LegacyVietnamese.ToUnicode(text),
        _ => UnicodeText.Clean(text),
    };

    private static ChangeKind KindOf(TextDiagnosis diagnosis, string text) => diagnosis.Kind switch
    {
        TextEncodingKind.Tcvn3 => ChangeKind.Tcvn3,
        TextEncodingKind.Vni => ChangeKind.Vni,
        TextEncodingKind.Mixed => ChangeKind.Mixed,
        TextEncodingKind.Nfd => ChangeKind.Nfd,
        _ when diagnosis.HasNfd => ChangeKind.Nfd,
        _ => diagnosis.HasLookAlikes || text.Contains('\u00D0', StringComparison.Ordinal) ? ChangeKind.LookAlike : ChangeKind.Nfd,
    };

    public static bool FitsWindows1252(string text)
    {
        try
        {
            _ = Windows1252.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The source encodings the user may choose ("" detects).</summary>
    public static TextEncodingKind? ParseSource(string? value) => value switch
    {
        "tcvn3" => TextEncodingKind.Tcvn3,
        "vni" => TextEncodingKind.Vni,
        "nfd" => TextEncodingKind.Nfd,
        _ => null,
    };

    public static string Describe(ChangeKind kind) => kind switch
    {
        ChangeKind.Tcvn3 => "TCVN3",
        ChangeKind.Vni => "VNI",
        ChangeKind.Nfd => "tổ hợp (NFD)",
        ChangeKind.LookAlike => "chữ Ð giả (Ð thay cho Đ)",
        _ => "lẫn nhiều bảng mã",
    };

    public static string DescribeConfidence(double confidence) => confidence switch
    {
        >= 0.9 => "gần như chắc chắn",
        >= 0.7 => "khá chắc chắn",
        >= 0.5 => "có thể",
        _ => "không chắc chắn",
    };

    /// <summary>"«TiÕng ViÖt»" cut to a readable length.</summary>
    public static string Sample(string text, int max = 60)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max), "…");
    }
}

/// <summary>The changes made to one file or text: counts per kind, and the first few examples.</summary>
public sealed class ConversionReport(string unit = "ô", int keepExamples = 200)
{
    private readonly List<TextChange> _examples = [];
    private readonly Dictionary<ChangeKind, int> _counts = [];

    /// <summary>What one change counts: "ô" (a cell), "dòng" (a line).</summary>
    public string Unit { get; } = unit;

    public IReadOnlyList<TextChange> Examples => _examples;

    public IReadOnlyDictionary<ChangeKind, int> Counts => _counts;

    public int Total { get; private set; }

    /// <summary>Notes that are not changes (an unreadable part, a legacy byte encoding).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The first 100,000 characters of the text looked at (a workbook's strings, one a line), for the detector.</summary>
    public string Sample => _sample.ToString();

    private readonly StringBuilder _sample = new();

    /// <summary>Adds a piece of the text looked at to <see cref="Sample"/>, while it is short enough.</summary>
    public void Saw(string text)
    {
        if (_sample.Length < 100_000)
        {
            _sample.Append(text).Append('\n');
        }
    }

    public void Add(TextChange? change)
    {
        if (change is null)
        {
            return;
        }

        Total++;
        _counts[change.Kind] = _counts.GetValueOrDefault(change.Kind) + 1;
        if (_examples.Count < keepExamples)
        {
            _examples.Add(change);
        }
    }

    /// <summary>"Đã chuyển 12 ô sang Unicode: 10 ô TCVN3, 2 ô tổ hợp (NFD). Ví dụ: Sheet1!A2 «…» → «…»".</summary>
    public string Summary()
    {
        if (Total == 0)
        {
            return $"Không có {Unit} nào cần chuyển: văn bản đã là Unicode chuẩn.";
        }

        var parts = _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} {Unit} {VietnameseConversion.Describe(c.Key)}");
        var example = _examples[0];
        return $"Đã chuyển {Total} {Unit} sang Unicode: {string.Join(", ", parts)}. Ví dụ: {example.Where} «{VietnameseConversion.Sample(example.Before)}» → «{VietnameseConversion.Sample(example.After)}».";
    }
}
