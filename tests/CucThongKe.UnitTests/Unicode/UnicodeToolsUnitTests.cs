using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.Converter;
using CucThongKe.Unicode.HealthReport;
using CucThongKe.Unicode.Spreadsheets;

namespace CucThongKe.Tests.Unicode;

/// <summary>The converter's file handling: CSV fields, byte decoding, cell names, content JSON and the summary sentence.</summary>
public sealed class UnicodeToolsUnitTests
{
    [Theory]
    [InlineData(0, 1, "A1")]
    [InlineData(25, 1, "Z1")]
    [InlineData(26, 10, "AA10")]
    [InlineData(701, 3, "ZZ3")]
    [InlineData(702, 1, "AAA1")]
    public void Cells_are_named_as_Excel_names_them(int column, int row, string name) =>
        Assert.Equal(name, TextFileConversion.CellName(column, row));

    [Fact]
    public void UTF8_is_read_as_UTF8_without_its_mark_and_anything_else_as_legacy_bytes()
    {
        var (utf8, utf8Legacy) = TextFileConversion.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Dân số")]);
        var legacyBytes = VietnameseConversion.Windows1252.GetBytes(LegacyVietnamese.ToTcvn3("Dân số"));
        var (legacy, isLegacy) = TextFileConversion.Decode(legacyBytes);

        Assert.Equal(("Dân số", false), (utf8, utf8Legacy));
        Assert.True(isLegacy);
        Assert.Equal(LegacyVietnamese.ToTcvn3("Dân số"), legacy);
    }

    [Fact]
    public void A_csv_keeps_quotes_separators_empty_fields_and_line_ends_while_its_cells_are_converted()
    {
        var legacy = LegacyVietnamese.ToTcvn3("Giá trị \"thực tế\", năm 2025");
        var csv = $"Chỉ tiêu,Ghi chú,\r\n\"{legacy.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,12\r\n\"\",\"Số liệu sơ bộ\",3\r\n";
        var report = new ConversionReport();

        var result = TextFileConversion.ConvertCsv(csv, null, report);

        Assert.Equal("Chỉ tiêu,Ghi chú,\r\n\"Giá trị \"\"thực tế\"\", năm 2025\",,12\r\n\"\",\"Số liệu sơ bộ\",3\r\n", result);
        Assert.Equal(1, report.Total);
        Assert.Equal("A2", report.Examples[0].Where);
    }

    [Fact]
    public void Pure_ASCII_and_clean_text_are_never_changed()
    {
        Assert.Null(VietnameseConversion.Convert("A1", "GDP 2025: +7.5%", null));
        Assert.Null(VietnameseConversion.Convert("A1", "Tổng sản phẩm trên địa bàn", null));
        Assert.Null(VietnameseConversion.Convert("A1", "Tổng sản phẩm", TextEncodingKind.Tcvn3));
    }

    [Fact]
    public void Every_string_of_an_items_content_is_checked_and_converted_with_its_path()
    {
        var content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = "\u00D0ại hội" },
            ["LegalDocument"] = new JsonObject
            {
                ["Files"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Title"] = "Toàn văn" }, new JsonObject { ["Title"] = LegacyVietnamese.ToTcvn3("Phụ lục số liệu"), ["Size"] = 12 }) },
                ["Number"] = "215/QĐ-CTK",
            },
        };

        var (converted, changes) = ContentText.Convert(content);

        Assert.Equal(["TitlePart.Title", "LegalDocument.Files.Items[1].Title"], changes.Select(c => c.Where));
        Assert.Equal("Đại hội", (string?)converted["TitlePart"]!["Title"]);
        Assert.Equal("Phụ lục số liệu", (string?)converted["LegalDocument"]!["Files"]!["Items"]![1]!["Title"]);
        Assert.Equal(12, (int?)converted["LegalDocument"]!["Files"]!["Items"]![1]!["Size"]);
        Assert.Equal("\u00D0ại hội", (string?)content["TitlePart"]!["Title"]);
        Assert.Equal(2, ContentText.Find(content).Count);
    }

    [Fact]
    public void The_summary_counts_each_kind_and_shows_the_first_example()
    {
        var report = new ConversionReport();
        report.Add(new TextChange("Sheet1!A2", ChangeKind.Tcvn3, "TiÕng ViÖt", "Tiếng Việt"));
        report.Add(new TextChange("Sheet1!A3", ChangeKind.Tcvn3, "ViÖt", "Việt"));
        report.Add(new TextChange("Sheet1!B3", ChangeKind.Nfd, "Việt".Normalize(NormalizationForm.FormD), "Việt"));

        Assert.Equal("Đã chuyển 3 ô sang Unicode: 2 ô TCVN3, 1 ô tổ hợp (NFD). Ví dụ: Sheet1!A2 «TiÕng ViÖt» → «Tiếng Việt».", report.Summary());
    }
}
