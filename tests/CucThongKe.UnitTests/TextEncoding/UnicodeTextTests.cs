using System.Text;
using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.TextEncoding;

public class UnicodeTextTests
{
    [Fact]
    public void NFD_becomes_NFC()
    {
        var nfd = "Tiếng Việt có dấu".Normalize(NormalizationForm.FormD);

        Assert.True(UnicodeText.NeedsCleaning(nfd));
        Assert.Equal("Tiếng Việt có dấu", UnicodeText.Clean(nfd));
        Assert.True(UnicodeText.Clean(nfd).IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Ðà Nẵng", "Đà Nẵng")]
    [InlineData("ÐỒNG", "ĐỒNG")]
    [InlineData("ðường Ðội Cấn", "đường Đội Cấn")]
    [InlineData("Ðiện Biên Phủ và Guðrún", "Điện Biên Phủ và Guðrún")]
    public void The_eth_look_alike_becomes_D_with_stroke_in_Vietnamese_words(string input, string expected)
    {
        Assert.True(UnicodeText.NeedsCleaning(input));
        Assert.Equal(expected, UnicodeText.Clean(input));
    }

    [Fact]
    public void A_decomposed_look_alike_word_is_fixed_too()
    {
        Assert.Equal("Đà Nẵng", UnicodeText.Clean("Ðà Nẵng".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Guðrún")]
    [InlineData("Ðór")]
    [InlineData("Þingvellir, Ísafjörður, Ðað")]
    public void Real_Icelandic_stays(string text)
    {
        Assert.False(UnicodeText.NeedsCleaning(text));
        Assert.Same(text, UnicodeText.Clean(text));
    }

    [Theory]
    [InlineData("Thai Nguyen Statistics Office 2025")]
    [InlineData("Cục Thống kê tỉnh Thái Nguyên")]
    [InlineData("")]
    public void Clean_text_comes_back_as_the_same_instance(string text)
    {
        Assert.False(UnicodeText.NeedsCleaning(text));
        Assert.Same(text, UnicodeText.Clean(text));
    }

    [Fact]
    public void Checking_clean_text_allocates_nothing()
    {
        const string ascii = "Thai Nguyen Statistics Office, 2025 report on the gross regional domestic product.";
        const string vietnamese = "Cục Thống kê tỉnh Thái Nguyên công bố số liệu kinh tế - xã hội quý III năm 2025.";
        UnicodeText.Clean(ascii);
        UnicodeText.NeedsCleaning(vietnamese);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            UnicodeText.Clean(ascii);
            UnicodeText.Clean(vietnamese);
            UnicodeText.NeedsCleaning(ascii);
            UnicodeText.NeedsCleaning(vietnamese);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_quick_NFC_check_agrees_with_ICU_on_every_char_it_decides_alone()
    {
        for (var c = '\0'; c < '\u2100'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            var text = "a" + c + "e";

            Assert.True(text.IsNormalized() == UnicodeText.IsNfc(text), $"U+{(int)c:X4}");
        }
        Assert.False(UnicodeText.IsNfc("Thái".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_char_instead_of_an_exception()
    {
        const string broken = "Ðà Nẵng \ud800 và 😀";

        Assert.True(UnicodeText.NeedsCleaning(broken));
        Assert.Equal("Đà Nẵng \uFFFD và 😀", UnicodeText.Clean(broken));
        Assert.Equal("Đà Nẵng \uFFFD và 😀", LegacyVietnamese.ToUnicode(broken));
        Assert.False(VietnameseTextDetector.Detect(broken).IsLegacy);
    }
}

/// <summary>Every way in cleans text before anything else sees it; legacy text must come through that unharmed.</summary>
public class CleaningBeforeConversionTests
{
    public static TheoryData<string> Sentences()
    {
        var data = new TheoryData<string>();
        foreach (var s in DetectorTests.CleanVietnamese.Where(s => s.Split(' ').Length >= 3))
        {
            data.Add(s);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void TCVN3_and_VNI_text_cleaned_on_the_way_in_still_converts_exactly(string sentence)
    {
        var expected = UnicodeText.Clean(sentence);

        // TCVN3 has no toned capitals of its own, so the case is compared loosely there.
        Assert.Equal(expected, LegacyVietnamese.ToUnicode(UnicodeText.Clean(LegacyVietnamese.ToTcvn3(expected))), ignoreCase: true);
        Assert.Equal(expected, LegacyVietnamese.ToUnicode(UnicodeText.Clean(LegacyVietnamese.ToVni(expected))));
    }
}
