using CucThongKe.CitizenServices.Screening;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>Matching the screening list respects Vietnamese: NFC whole words; the folded form only for text written without marks.</summary>
public sealed class ScreeningRulesTests
{
    private static readonly ScreeningList List = new() { Terms = ["thảo", "cá độ", "ma"], Domains = ["casino-online.example"] };

    [Theory]
    [InlineData("Giải thể thao của tỉnh năm 2026", null)]
    [InlineData("Bản dự thảo quy chế", "thảo")]
    [InlineData("Tham gia CÁ ĐỘ bóng đá trên mạng", "cá độ")]
    [InlineData("tham gia ca do bong da", "cá độ")]
    [InlineData("Mã số thống kê của tỉnh", null)]
    [InlineData("Cá đối kho tộ", null)]
    [InlineData("Xem thêm tại https://www.casino-online.example/khuyen-mai", "casino-online.example")]
    [InlineData("Xem thêm tại https://casino-online.example.vn/", null)]
    [InlineData("", null)]
    public void A_text_hits_a_listed_word_phrase_or_domain_only_as_a_whole(string text, string? expected) =>
        Assert.Equal(expected, ScreeningRules.Find(text, List)?.Entry);

    [Fact]
    public void A_text_in_decomposed_Unicode_is_compared_in_NFC()
    {
        var decomposed = "Bản dự thảo".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("thảo", ScreeningRules.Find(decomposed, List)?.Entry);
    }

    [Theory]
    [InlineData("https://Trang-Xau.example/duong-dan", "trang-xau.example")]
    [InlineData("trang-xau.example", "trang-xau.example")]
    [InlineData("không phải tên miền", null)]
    [InlineData("localhost", null)]
    public void A_domain_is_kept_without_scheme_path_or_case(string value, string? expected) =>
        Assert.Equal(expected, ScreeningRules.NormalizeDomain(value));
}
