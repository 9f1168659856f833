using System.Text;
using CucThongKe.Search.Indexing;

namespace CucThongKe.Tests.Search;

/// <summary>Text of Word and Excel attachments, and what a hostile file does (it fails cleanly, within limits).</summary>
public sealed class OfficeTextTests
{
    private static string Extract(byte[] file, string name, int maxChars = 100_000, long maxBytes = OfficeText.MaxUnzippedBytes)
    {
        using var stream = new MemoryStream(file);
        return OfficeText.Extract(stream, name, maxChars, maxBytes);
    }

    [Fact]
    public void A_docx_gives_its_paragraphs_in_order_with_Vietnamese_text_intact()
    {
        var file = OfficeFiles.Docx("Quyết định ban hành Quy chế bảo mật số liệu điều tra doanh nghiệp", "Điều 1. Phạm vi điều chỉnh & đối tượng áp dụng");

        var text = Extract(file, "van-ban/quy-che.docx");

        Assert.Equal("Quyết định ban hành Quy chế bảo mật số liệu điều tra doanh nghiệp\nĐiều 1. Phạm vi điều chỉnh & đối tượng áp dụng\n", text);
    }

    [Fact]
    public void An_xlsx_gives_its_shared_and_inline_strings_but_not_its_numbers()
    {
        var file = OfficeFiles.Xlsx(["Dân số trung bình phân theo huyện", "Huyện Định Hoá"], "Nguồn: Niên giám thống kê tỉnh Thái Nguyên");

        var text = Extract(file, "so-lieu/dan-so.XLSX");

        Assert.Contains("Dân số trung bình phân theo huyện\nHuyện Định Hoá\n", text, StringComparison.Ordinal);
        Assert.Contains("Nguồn: Niên giám thống kê tỉnh Thái Nguyên", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_is_cut_at_the_character_limit()
    {
        var file = OfficeFiles.Docx([.. Enumerable.Repeat("Tổng điều tra dân số và nhà ở năm 2019", 100)]);

        Assert.Equal(50, Extract(file, "a.docx", maxChars: 50).Length);
    }

    [Fact]
    public void A_zip_bomb_stops_at_the_unzipped_size_limit()
    {
        var bomb = OfficeFiles.DocxBomb(megabytes: 8);

        var error = Assert.Throws<InvalidDataException>(() => Extract(bomb, "bom.docx", maxBytes: 2 * 1024 * 1024));

        Assert.True(bomb.Length < 200_000, "the bomb is small on disk");
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:t>Báo cáo")]
    [InlineData("<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>")]
    [InlineData("không phải XML")]
    public void Broken_xml_or_a_DTD_is_refused_as_invalid_data(string xml)
    {
        var file = OfficeFiles.Zip(("word/document.xml", xml));

        Assert.Throws<InvalidDataException>(() => Extract(file, "hong.docx"));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => Extract(Encoding.UTF8.GetBytes("%PDF-1.4 giả danh"), "gia.xlsx"));
    }
}
