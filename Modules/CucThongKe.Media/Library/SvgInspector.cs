using System.Xml;

namespace CucThongKe.Media.Library;

/// <summary>Whether an SVG is a drawing and nothing more: read whole as XML, every element and attribute checked.</summary>
/// <remarks>
/// An SVG opened from the site runs with the site's origin, so a script, an event handler, a <c>javascript:</c> link,
/// embedded HTML (<c>foreignObject</c>) or a reference to another file or address would act as the site. Only links
/// inside the drawing (<c>#id</c>) and embedded raster images (<c>data:image/...</c>) are kept. The file's size is
/// bounded by the upload limit before this runs.
/// </remarks>
internal static class SvgInspector
{
    private const string Scripted = "Ảnh SVG có mã script; không được tải lên.";

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "audio", "video", "frame", "frameset", "base",
    };

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg"];

    private static readonly string[] EmbeddedImages = ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"];

    /// <summary>Why the SVG at <paramref name="path"/> is refused (in Vietnamese), or null when it is a plain drawing.</summary>
    public static string? Inspect(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, // entities could hide anything and expand without bound
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var file = File.OpenRead(path);
            using var reader = XmlReader.Create(file, settings);
            var inStyle = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.ProcessingInstruction when reader.Name.StartsWith("xml-stylesheet", StringComparison.OrdinalIgnoreCase):
                        return "Ảnh SVG dùng bảng kiểu bên ngoài (xml-stylesheet); không được tải lên.";
                    case XmlNodeType.Element:
                        if (ForbiddenElements.Contains(reader.LocalName))
                        {
                            return reader.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase)
                                ? Scripted
                                : $"Ảnh SVG chứa phần tử '{reader.LocalName}' không được phép; không được tải lên.";
                        }

                        inStyle = reader.LocalName.Equals("style", StringComparison.OrdinalIgnoreCase) && !reader.IsEmptyElement;
                        if (CheckAttributes(reader) is { } refusal)
                        {
                            return refusal;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        inStyle = false;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when inStyle:
                        if (CheckStyle(reader.Value) is { } styleRefusal)
                        {
                            return styleRefusal;
                        }

                        break;
                }
            }

            return null;
        }
        catch (XmlException)
        {
            return "Ảnh SVG không phải XML hợp lệ (hoặc có khai báo DTD); không được tải lên.";
        }
    }

    private static string? CheckAttributes(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }

        do
        {
            var name = reader.LocalName;
            var value = reader.Value.Trim();
            var folded = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))).ToLowerInvariant();
            if (reader.Prefix == "xmlns" || name == "xmlns")
            {
                continue; // a namespace declaration names a namespace; it loads nothing
            }

            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                return Scripted;
            }

            if (ScriptSchemes.Any(s => folded.Contains(s, StringComparison.Ordinal)))
            {
                return Scripted;
            }

            if (name is "href" or "src" && value.Length > 0 && value[0] != '#' && !EmbeddedImages.Any(i => folded.StartsWith(i, StringComparison.Ordinal)))
            {
                return $"Ảnh SVG tham chiếu tới tệp hoặc địa chỉ bên ngoài ('{Shorten(value)}'); không được tải lên.";
            }

            if (CheckStyle(value) is { } refusal)
            {
                return refusal;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return null;
    }

    /// <summary>CSS may load other files (<c>@import</c>, <c>url(...)</c> other than <c>#id</c>) or run script in old browsers.</summary>
    private static string? CheckStyle(string css)
    {
        var folded = string.Concat(css.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (folded.Contains("@import", StringComparison.Ordinal) || folded.Contains("expression(", StringComparison.Ordinal) || folded.Contains("javascript:", StringComparison.Ordinal))
        {
            return "Ảnh SVG có CSS nạp tệp bên ngoài hoặc chạy mã; không được tải lên.";
        }

        for (var at = folded.IndexOf("url(", StringComparison.Ordinal); at >= 0; at = folded.IndexOf("url(", at + 4, StringComparison.Ordinal))
        {
            var target = folded[(at + 4)..].TrimStart('\'', '"');
            if (!target.StartsWith('#') && !EmbeddedImages.Any(i => target.StartsWith(i, StringComparison.Ordinal)))
            {
                return "Ảnh SVG có CSS tham chiếu tới tệp hoặc địa chỉ bên ngoài; không được tải lên.";
            }
        }

        return null;
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
