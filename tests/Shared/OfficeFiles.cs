using System.IO.Compression;
using System.Security;
using System.Text;

namespace CucThongKe.Tests;

/// <summary>Minimal but real Word and Excel files (the parts a reader looks at), and hostile ones, for tests.</summary>
public static class OfficeFiles
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A .docx with one paragraph per line; each paragraph split in two runs, as Word does.</summary>
    public static byte[] Docx(params string[] paragraphs) => Zip(("word/document.xml",
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{Word}\"><w:body>" +
        string.Concat(paragraphs.Select(p => $"<w:p><w:r><w:t>{SecurityElement.Escape(p[..(p.Length / 2)])}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(p[(p.Length / 2)..])}</w:t></w:r></w:p>")) +
        "</w:body></w:document>"));

    /// <summary>A .xlsx whose shared strings hold <paramref name="shared"/> and whose first sheet has one inline string cell.</summary>
    public static byte[] Xlsx(string[] shared, string inline) => Zip(
        ("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Sheet}\" count=\"{shared.Length}\">" +
            string.Concat(shared.Select(s => $"<si><t>{SecurityElement.Escape(s)}</t></si>")) + "</sst>"),
        ("xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Sheet}\"><sheetData><row r=\"1\">" +
            $"<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(inline)}</t></is></c><c r=\"C1\"><v>1234</v></c></row></sheetData></worksheet>"));

    /// <summary>A .docx whose document part unzips to <paramref name="megabytes"/> MB of empty paragraphs.</summary>
    public static byte[] DocxBomb(int megabytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            var head = Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{Word}\"><w:body>");
            entry.Write(head);
            var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p/>", 1024 * 1024 / 6)));
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(block);
            }
        }

        return memory.ToArray();
    }

    public static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                entry.Write(text);
            }
        }

        return memory.ToArray();
    }
}
