using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.TextEncoding;

/// <summary>The sort key the back office orders titles by: Vietnamese alphabetical order under ordinal comparison.</summary>
public sealed class VietnameseCollationTests
{
    private static List<string> Sorted(params string[] titles) =>
        [.. titles.OrderBy(VietnameseCollation.Key, StringComparer.Ordinal)];

    [Fact]
    public void D_with_stroke_comes_after_every_D_and_before_E_not_after_P()
    {
        Assert.Equal(
            ["Dân số", "Dzung", "Đà Lạt", "Đồng Hỷ", "Em", "Phú Bình", "Quân"],
            Sorted("Phú Bình", "Đồng Hỷ", "Quân", "Dzung", "Em", "Đà Lạt", "Dân số"));
    }

    [Fact]
    public void Letters_with_breve_circumflex_and_horn_follow_their_base_letter()
    {
        Assert.Equal(["an", "anh", "ăn", "ân", "o", "ôm", "ơn", "u", "ưu"], Sorted("ưu", "ơn", "ôm", "ân", "ăn", "anh", "an", "u", "o"));
    }

    [Fact]
    public void The_tone_decides_only_between_the_same_syllable_and_a_shorter_word_comes_first()
    {
        // ngang, huyền, hỏi, ngã, sắc, nặng; and "ác" before "ai" (c before i), whatever the tones.
        Assert.Equal(["a", "à", "ả", "ã", "á", "ạ", "ác", "ai"], Sorted("ai", "ạ", "á", "ác", "ã", "ả", "à", "a"));
        Assert.Equal(["Hà", "Hà Giang", "Hà Nội", "Hàm"], Sorted("Hàm", "Hà Nội", "Hà", "Hà Giang"));
    }

    [Fact]
    public void Case_decomposed_input_and_look_alike_letters_give_the_same_key()
    {
        Assert.Equal(VietnameseCollation.Key("đồng hỷ"), VietnameseCollation.Key("ĐỒNG HỶ"));
        Assert.Equal(VietnameseCollation.Key("Đồng Hỷ"), VietnameseCollation.Key("Đồng Hỷ".Normalize(System.Text.NormalizationForm.FormD)));
        Assert.Equal(VietnameseCollation.Key("Đồng"), VietnameseCollation.Key("\u00D0ồng"));
        Assert.Equal("", VietnameseCollation.Key(null));
        Assert.True(VietnameseCollation.Key(new string('a', 5000)).Length <= VietnameseCollation.MaxKeyLength);
        Assert.Matches("^[0-9a-z]*$", VietnameseCollation.Key("Báo cáo 6 tháng/2026 – “số liệu” Đắk Lắk!"));
    }
}
