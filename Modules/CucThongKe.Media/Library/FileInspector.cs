using System.IO.Compression;
using System.Text;

namespace CucThongKe.Media.Library;

/// <summary>What an uploaded file really is, read from its bytes (magic numbers, the inside of ZIP containers), not its name.</summary>
public static class FileInspector
{
    /// <summary>The kinds the library accepts: images, and the documents of a statistics office.</summary>
    /// <param name="Name">The kind as the back office names it ("Ảnh JPEG", "Bảng tính Excel"): the MIME type is a code.</param>
    public sealed record FileType(string Extension, string ContentType, MediaKind Kind, string Name);

    public static readonly FileType Png = new(".png", "image/png", MediaKind.Image, "Ảnh PNG");
    public static readonly FileType Jpeg = new(".jpg", "image/jpeg", MediaKind.Image, "Ảnh JPEG");
    public static readonly FileType Gif = new(".gif", "image/gif", MediaKind.Image, "Ảnh GIF");
    public static readonly FileType WebP = new(".webp", "image/webp", MediaKind.Image, "Ảnh WebP");
    public static readonly FileType Svg = new(".svg", "image/svg+xml", MediaKind.Image, "Hình vẽ SVG");
    public static readonly FileType Pdf = new(".pdf", "application/pdf", MediaKind.Document, "Tài liệu PDF");
    public static readonly FileType Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind.Document, "Văn bản Word");
    public static readonly FileType Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind.Document, "Bảng tính Excel");
    public static readonly FileType Csv = new(".csv", "text/csv", MediaKind.Document, "Bảng số liệu CSV");
    public static readonly FileType Zip = new(".zip", "application/zip", MediaKind.Document, "Tệp nén ZIP");

    private static readonly FileType[] Accepted = [Png, Jpeg, Gif, WebP, Svg, Pdf, Docx, Xlsx, Csv, Zip];

    /// <summary>The name of a stored file's MIME type, as the back office shows it; a type the library no longer accepts
    /// keeps its code.</summary>
    public static string NameOf(string contentType) =>
        Accepted.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase))?.Name ?? contentType;

    private static readonly string[] ZipMemberExtensions = [".pdf", ".docx", ".xlsx", ".csv"];

    /// <summary>The file's real type, or the reason it is refused (in Vietnamese).</summary>
    public static (FileType? Type, string? Refusal) Inspect(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(8192, stream.Length)];
        stream.ReadExactly(head);

        if (StartsWith(head, "MZ"u8) || StartsWith(head, [0x7F, (byte)'E', (byte)'L', (byte)'F']) || StartsWith(head, "#!"u8))
        {
            return (null, "Tệp là chương trình chạy được; không được tải lên.");
        }

        if (StartsWith(head, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, null);
        }

        if (StartsWith(head, [0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, null);
        }

        if (StartsWith(head, "GIF87a"u8) || StartsWith(head, "GIF89a"u8))
        {
            return (Gif, null);
        }

        if (head.Length >= 12 && StartsWith(head, "RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return (WebP, null);
        }

        if (StartsWith(head, "%PDF-"u8))
        {
            return (Pdf, null);
        }

        if (StartsWith(head, "PK\u0003\u0004"u8))
        {
            stream.Position = 0;
            return InspectZip(stream);
        }

        return InspectText(head, path);
    }

    private static (FileType?, string?) InspectZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
                {
                    return RefuseMacros(names) ?? (Docx, null);
                }

                if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
                {
                    return RefuseMacros(names) ?? (Xlsx, null);
                }

                return (null, "Tệp Office này không phải Word (DOCX) hay Excel (XLSX).");
            }

            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            var bad = files.FirstOrDefault(e => !ZipMemberExtensions.Contains(Path.GetExtension(e.FullName), StringComparer.OrdinalIgnoreCase) || e.FullName.Contains("..", StringComparison.Ordinal));
            if (bad is not null)
            {
                return (null, $"Tệp ZIP chỉ được chứa PDF, DOCX, XLSX, CSV; có tệp '{bad.FullName}'.");
            }

            return files.Count == 0 ? (null, "Tệp ZIP rỗng.") : (Zip, null);
        }
        catch (InvalidDataException)
        {
            return (null, "Tệp ZIP bị hỏng.");
        }
    }

    private static (FileType?, string?)? RefuseMacros(List<string> names) =>
        names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) ? (null, "Tệp có macro; hãy lưu lại dạng DOCX/XLSX không macro.") : null;

    private static (FileType?, string?) InspectText(byte[] head, string path)
    {
        if (head.Length == 0)
        {
            return (null, "Tệp rỗng.");
        }

        if (head.Contains((byte)0))
        {
            return (null, "Không nhận ra loại tệp. Chỉ nhận ảnh (PNG, JPEG, GIF, WebP, SVG) và PDF, DOCX, XLSX, CSV, ZIP.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(head, 0, TrimIncompleteUtf8(head));
        }
        catch (DecoderFallbackException)
        {
            // Text saved in an 8-bit code page (an old CSV typed in TCVN3 or VNI): a CSV for now. An upload filter may
            // rewrite it as UTF-8; the library refuses it if none does (see IsUtf8).
            return head.Any(b => b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n')
                ? (null, UnreadableText)
                : (Csv, null);
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (start.StartsWith("<svg", StringComparison.Ordinal) || (start.StartsWith("<?xml", StringComparison.Ordinal) && start.Contains("<svg", StringComparison.Ordinal)))
        {
            // A script may hide anywhere in the drawing: the whole file is read (images are size-limited before this).
            var refusal = SvgInspector.Inspect(path);
            return refusal is null ? (Svg, null) : (null, refusal);
        }

        if (start.StartsWith('<'))
        {
            return (null, "Tệp HTML hoặc XML không được tải lên.");
        }

        return (Csv, null);
    }

    /// <summary>Why a text file that is not UTF-8 is refused.</summary>
    public const string UnreadableText = "Tệp văn bản phải mã hoá UTF-8.";

    /// <summary>Whether the whole file is UTF-8 text (an optional byte-order mark allowed).</summary>
    public static bool IsUtf8(string path)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int TrimIncompleteUtf8(byte[] bytes)
    {
        // The head may end in the middle of a multi-byte letter; that is not an encoding error.
        var end = bytes.Length;
        for (var i = 1; i <= 3 && end - i >= 0; i++)
        {
            var b = bytes[end - i];
            if ((b & 0xC0) == 0xC0)
            {
                var length = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                return length > i ? end - i : end;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return end;
    }

    private static bool StartsWith(byte[] data, ReadOnlySpan<byte> prefix) => data.AsSpan().StartsWith(prefix);
}
