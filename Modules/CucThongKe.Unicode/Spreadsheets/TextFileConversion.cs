using System.Globalization;
using System.Text;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.Converter;

namespace CucThongKe.Unicode.Spreadsheets;

/// <summary>Plain text and CSV files: read from UTF-8 or, failing that, legacy bytes; converted line by line or cell by cell.</summary>
public static class TextFileConversion
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The file's text: UTF-8 when the bytes are valid UTF-8, else the legacy bytes read as Windows-1252 (how TCVN3 and VNI were typed).</summary>
    public static (string Text, bool LegacyBytes) Decode(byte[] bytes)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        try
        {
            return (StrictUtf8.GetString(body), false);
        }
        catch (DecoderFallbackException)
        {
            return (VietnameseConversion.Windows1252.GetString(body), true);
        }
    }

    /// <summary>Converts text line by line; with no source chosen, a text that is legacy as a whole converts every line as that encoding.</summary>
    public static string ConvertText(string text, TextEncodingKind? source, ConversionReport report)
    {
        var effective = source ?? WholeTextSource(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (VietnameseConversion.Convert($"dòng {i + 1}", line, effective) is { } change)
            {
                report.Add(change);
                lines[i] = lines[i].EndsWith('\r') ? change.After + "\r" : change.After;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Converts each field of a CSV (comma, semicolon or tab separated), keeping the quoting and the line ends.</summary>
    public static string ConvertCsv(string text, TextEncodingKind? source, ConversionReport report)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var output = new StringBuilder(text.Length);
        var (row, column, i) = (1, 0, 0);
        while (i <= text.Length)
        {
            // One field: from i to the next separator or line end outside quotes.
            var start = i;
            var quoted = i < text.Length && text[i] == '"';
            if (quoted)
            {
                i++;
                while (i < text.Length && !(text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"')))
                {
                    i += text[i] == '"' ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
            }

            while (i < text.Length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
            {
                i++;
            }

            var raw = text[start..i];
            var value = quoted && raw.Length >= 2 && raw.EndsWith('"') ? raw[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : raw;
            var change = VietnameseConversion.Convert(CellName(column, row), value, source);
            report.Add(change);
            output.Append(change is null ? raw : quoted ? "\"" + change.After.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : change.After);

            if (i >= text.Length)
            {
                break;
            }

            if (text[i] == separator)
            {
                output.Append(separator);
                column++;
                i++;
                continue;
            }

            // A line end: \r\n, \n or \r, kept as it was.
            var end = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            output.Append(text, i, end);
            i += end;
            (row, column) = (row + 1, 0);
            if (i == text.Length)
            {
                break;
            }
        }

        return output.ToString();
    }

    /// <summary>Excel's name of a cell: column 0, row 1 → "A1".</summary>
    public static string CellName(int column, int row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static TextEncodingKind? WholeTextSource(string text)
    {
        var diagnosis = VietnameseTextDetector.Detect(text);
        return diagnosis.Kind is TextEncodingKind.Tcvn3 or TextEncodingKind.Vni && diagnosis.Confidence >= 0.8 ? diagnosis.Kind : null;
    }
}
