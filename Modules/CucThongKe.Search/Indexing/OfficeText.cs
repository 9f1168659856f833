using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CucThongKe.Search.Indexing;

/// <summary>
/// The text of a Word (.docx) or Excel (.xlsx) file, read straight from its zip and XML with hard limits, so a
/// hostile file (a zip bomb, endless or broken XML, a DTD) costs bounded time and memory and fails with
/// <see cref="InvalidDataException"/>, never worse.
/// </summary>
public static class OfficeText
{
    /// <summary>Bytes read from the zip, all parts together, once decompressed.</summary>
    public const long MaxUnzippedBytes = 64L * 1024 * 1024;

    /// <summary>Parts looked at: a real workbook has a handful of sheets, not thousands.</summary>
    public const int MaxParts = 200;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>True for the extensions this class reads.</summary>
    public static bool Handles(string path) =>
        path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's text, at most <paramref name="maxChars"/> characters.</summary>
    /// <exception cref="InvalidDataException">Not a readable document, or over a limit.</exception>
    public static string Extract(Stream file, string path, int maxChars, long maxUnzippedBytes = MaxUnzippedBytes)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var budget = new Budget(maxUnzippedBytes);
            var text = new StringBuilder();
            var word = path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
            var parts = word
                ? zip.Entries.Where(e => e.FullName == "word/document.xml")
                : zip.Entries.Where(e => e.FullName == "xl/sharedStrings.xml" || (e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)));
            foreach (var part in parts.Take(MaxParts))
            {
                using var stream = new BoundedStream(part.Open(), budget);
                if (word)
                {
                    ReadWord(stream, text, maxChars);
                }
                else
                {
                    ReadSheetStrings(stream, text, maxChars, part.FullName == "xl/sharedStrings.xml");
                }

                if (text.Length >= maxChars)
                {
                    break;
                }
            }

            return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException("The document's XML is broken: " + ex.Message, ex);
        }
    }

    private static XmlReader Reader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    });

    /// <summary>Runs of text (&lt;w:t&gt;) in order; a paragraph ends a line, a tab or break is a space.</summary>
    private static void ReadWord(Stream stream, StringBuilder text, int maxChars)
    {
        using var reader = Reader(stream);
        reader.Read();
        while (!reader.EOF && text.Length < maxChars)
        {
            if (reader.NamespaceURI == WordNamespace && reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                // Leaves the reader on the node after the element, which may be the next run's text.
                text.Append(reader.ReadElementContentAsString());
                continue;
            }

            var ours = reader.NamespaceURI == WordNamespace;
            if (ours && reader.NodeType == XmlNodeType.Element && reader.LocalName is "tab" or "br" or "cr")
            {
                text.Append(' ');
            }
            else if (ours && reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "p")
            {
                text.Append('\n');
            }

            reader.Read();
        }
    }

    /// <summary>Shared strings (every &lt;t&gt; of the table) or a sheet's inline strings (&lt;t&gt; inside &lt;is&gt;).</summary>
    private static void ReadSheetStrings(Stream stream, StringBuilder text, int maxChars, bool shared)
    {
        using var reader = Reader(stream);
        var inInline = 0;
        reader.Read();
        while (!reader.EOF && text.Length < maxChars)
        {
            if (reader.NamespaceURI == SheetNamespace && reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && (shared || inInline > 0))
            {
                text.Append(reader.ReadElementContentAsString());
                continue;
            }

            var ours = reader.NamespaceURI == SheetNamespace;
            if (ours && reader.NodeType == XmlNodeType.Element && reader.LocalName == "is" && !reader.IsEmptyElement)
            {
                inInline++;
            }
            else if (ours && reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "is")
            {
                inInline--;
                text.Append('\n');
            }
            else if (ours && reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
            {
                text.Append('\n');
            }

            reader.Read();
        }
    }

    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    /// <summary>Counts what is decompressed and stops at the budget: the zip's declared sizes can lie.</summary>
    private sealed class BoundedStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Left -= read;
            if (budget.Left < 0)
            {
                throw new InvalidDataException("The document unzips to more than the limit; not read further.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
