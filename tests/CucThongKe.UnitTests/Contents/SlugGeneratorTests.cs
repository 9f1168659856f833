using System.Text;
using CucThongKe.Contents.Text;

namespace CucThongKe.Tests.Contents;

public class SlugGeneratorTests
{
    [Theory]
    [InlineData("Tình hình kinh tế - xã hội tháng 10", "tinh-hinh-kinh-te-xa-hoi-thang-10")]
    [InlineData("Đồng Hỷ, Định Hóa và Đại Từ", "dong-hy-dinh-hoa-va-dai-tu")]
    [InlineData("Niên giám Thống kê 2025 (bản điện tử)", "nien-giam-thong-ke-2025-ban-dien-tu")]
    [InlineData("  --Ưu tiên!! 2026  ", "uu-tien-2026")]
    [InlineData("Chỉ số giá tiêu dùng (CPI) tăng 3,2%", "chi-so-gia-tieu-dung-cpi-tang-3-2")]
    [InlineData("THÔNG BÁO", "thong-bao")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Vietnamese_titles_become_readable_ascii_paths(string title, string expected)
    {
        Assert.Equal(expected, SlugGenerator.Slugify(title));
    }

    [Fact]
    public void Decomposed_text_gives_the_same_path_as_composed_text()
    {
        const string title = "Tình hình kinh tế - xã hội tháng 10";

        Assert.Equal(SlugGenerator.Slugify(title), SlugGenerator.Slugify(title.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Long_titles_are_cut_without_a_trailing_dash()
    {
        var slug = SlugGenerator.Slugify(string.Join(' ', Enumerable.Repeat("thống kê", 60)));

        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void An_editors_path_keeps_its_segments()
    {
        Assert.Equal("gioi-thieu/co-cau-to-chuc", SlugGenerator.NormalizePath("/Giới thiệu/ Cơ cấu tổ chức /"));
    }
}
