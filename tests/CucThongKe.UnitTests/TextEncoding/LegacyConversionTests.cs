using System.Text;
using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.TextEncoding;

public class LegacyConversionTests
{
    private const string Vowels = "aăâeêioôơuưy";
    private static readonly string[] ToneMarks = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

    // The 67 lower-case letters (12 vowels × 6 tones, with đ), composed by Unicode itself so the test does not share
    // the library's tables; upper case by ToUpperInvariant.
    private static IEnumerable<string> Lower()
    {
        foreach (var v in Vowels)
        {
            foreach (var mark in ToneMarks) yield return (v + mark).Normalize(NormalizationForm.FormC);
        }
        yield return "đ";
    }

    public static TheoryData<string> LowerLetters() => new(Lower());

    [Fact]
    public void The_alphabet_has_134_letters_beyond_plain_ASCII_in_both_cases()
    {
        var letters = Lower().ToList();
        var nonAscii = letters.Concat(letters.Select(l => l.ToUpperInvariant())).Where(l => l[0] > 127).Distinct().ToList();

        Assert.Equal(134, nonAscii.Count); // 60 toned vowels, ă â ê ô ơ ư, đ: 67 in each case
        Assert.All(nonAscii, l => Assert.Equal(1, l.Length));
    }

    [Theory]
    [MemberData(nameof(LowerLetters))]
    public void A_lower_case_letter_round_trips_through_TCVN3_as_one_byte(string letter)
    {
        var tcvn3 = LegacyVietnamese.ToTcvn3(letter);

        Assert.Equal(1, tcvn3.Length);
        Assert.True(tcvn3[0] <= 0xFF, $"'{letter}' became U+{(int)tcvn3[0]:X4}, not a Latin-1 char");
        Assert.Equal(letter, LegacyVietnamese.FromTcvn3(tcvn3));
    }

    [Theory]
    [MemberData(nameof(LowerLetters))]
    public void A_capital_letter_round_trips_through_TCVN3_inside_a_word_in_capitals(string letter)
    {
        var capital = letter.ToUpperInvariant();
        var word = "NG" + capital + "N";

        var tcvn3 = LegacyVietnamese.ToTcvn3(word);

        Assert.Equal(word, LegacyVietnamese.FromTcvn3(tcvn3));
    }

    [Theory]
    [InlineData("Ă"), InlineData("Â"), InlineData("Ê"), InlineData("Ô"), InlineData("Ơ"), InlineData("Ư"), InlineData("Đ")]
    public void The_seven_capitals_VN3_has_round_trip_on_their_own(string capital)
    {
        Assert.Equal(capital, LegacyVietnamese.FromTcvn3(LegacyVietnamese.ToTcvn3(capital)));
    }

    [Fact]
    public void A_toned_capital_on_its_own_is_written_with_the_lower_case_byte_and_read_back_lower_case()
    {
        Assert.Equal(LegacyVietnamese.ToTcvn3("ở"), LegacyVietnamese.ToTcvn3("Ở"));
        Assert.Equal("ở", LegacyVietnamese.FromTcvn3(LegacyVietnamese.ToTcvn3("Ở")));
    }

    [Theory]
    [MemberData(nameof(LowerLetters))]
    public void A_letter_round_trips_through_VNI_in_both_cases(string letter)
    {
        foreach (var l in new[] { letter, letter.ToUpperInvariant() })
        {
            var vni = LegacyVietnamese.ToVni(l);

            Assert.InRange(vni.Length, 1, 2);
            Assert.All(vni, c => Assert.True(c <= 0xFF, $"'{l}' became U+{(int)c:X4}"));
            Assert.Equal(l, LegacyVietnamese.FromVni(vni));
        }
    }

    [Theory]
    [InlineData("TiÕng ViÖt", "Tiếng Việt")]
    [InlineData("Côc Thèng kª tØnh Th¸i Nguyªn", "Cục Thống kê tỉnh Thái Nguyên")]
    [InlineData("Quy chÕ qu¶n lý Trang th«ng tin ®iÖn tö", "Quy chế quản lý Trang thông tin điện tử")]
    [InlineData("Ng­êi d©n ®­îc h­ëng lîi tõ nh÷ng ng«i tr­êng míi", "Người dân được hưởng lợi từ những ngôi trường mới")]
    [InlineData("CôC THèNG K£ TØNH TH¸I NGUY£N", "CỤC THỐNG KÊ TỈNH THÁI NGUYÊN")]
    [InlineData("Ên t­îng ®Ñp vÒ §¹i héi", "Ấn tượng đẹp về Đại hội")]
    [InlineData("§Ó thùc hiÖn kÕ ho¹ch n¨m 2025", "Để thực hiện kế hoạch năm 2025")]
    [InlineData("Tæng s¶n phÈm trªn ®Þa bµn t¨ng 7,5%. ChØ sè gi¸ tiªu dïng gi¶m nhÑ.", "Tổng sản phẩm trên địa bàn tăng 7,5%. Chỉ số giá tiêu dùng giảm nhẹ.")]
    public void Real_TCVN3_sentences_convert_exactly(string tcvn3, string unicode)
    {
        Assert.Equal(unicode, LegacyVietnamese.FromTcvn3(tcvn3));
        Assert.Equal(unicode, LegacyVietnamese.ToUnicode(tcvn3, TextEncodingKind.Tcvn3));
        Assert.Equal(unicode, LegacyVietnamese.ToUnicode(tcvn3));
    }

    [Theory]
    [InlineData("Tieáng Vieät", "Tiếng Việt")]
    [InlineData("Cuïc Thoáng keâ tænh Thaùi Nguyeân", "Cục Thống kê tỉnh Thái Nguyên")]
    [InlineData("Quy cheá quaûn lyù Trang thoâng tin ñieän töû", "Quy chế quản lý Trang thông tin điện tử")]
    [InlineData("Ngöôøi daân ñöôïc höôûng lôïi töø nhöõng ngoâi tröôøng môùi", "Người dân được hưởng lợi từ những ngôi trường mới")]
    [InlineData("CUÏC THOÁNG KEÂ TÆNH THAÙI NGUYEÂN", "CỤC THỐNG KÊ TỈNH THÁI NGUYÊN")]
    [InlineData("Ñeå thöïc hieän keá hoaïch naêm 2025", "Để thực hiện kế hoạch năm 2025")]
    [InlineData("Toång saûn phaåm treân ñòa baøn taêng 7,5%. Chæ soá giaù tieâu duøng giaûm nheï.", "Tổng sản phẩm trên địa bàn tăng 7,5%. Chỉ số giá tiêu dùng giảm nhẹ.")]
    public void Real_VNI_sentences_convert_exactly(string vni, string unicode)
    {
        Assert.Equal(unicode, LegacyVietnamese.FromVni(vni));
        Assert.Equal(unicode, LegacyVietnamese.ToUnicode(vni, TextEncodingKind.Vni));
        Assert.Equal(unicode, LegacyVietnamese.ToUnicode(vni));
    }

    // Every vowel with every tone, in real words.
    private const string AllTones =
        "Bà ả vã lá lạ; chằm chẳng vẵng sắc chặt; cầm chẩm chẫm tấm nậm; mè mẻ mẽ mé mẹ; " +
        "về thể lễ kế mệnh; kì tỉ kĩ tí lị; hò mỏ võ có họ; hồ tổ đỗ số bộ; " +
        "mời ở mỡ mới lợi; bù củ vũ tú cụ; từ tử những thứ lực; kỳ kỷ kỹ ký kỵ.";

    [Fact]
    public void A_text_with_every_vowel_and_tone_survives_both_encodings()
    {
        Assert.Equal(AllTones, LegacyVietnamese.FromVni(LegacyVietnamese.ToVni(AllTones)));
        Assert.Equal(AllTones, LegacyVietnamese.FromTcvn3(LegacyVietnamese.ToTcvn3(AllTones)));
        Assert.Equal(AllTones, LegacyVietnamese.ToUnicode(LegacyVietnamese.ToTcvn3(AllTones)));
        Assert.Equal(AllTones, LegacyVietnamese.ToUnicode(LegacyVietnamese.ToVni(AllTones)));
    }

    [Fact]
    public void Windows_1252_punctuation_read_as_C1_controls_comes_back_as_the_punctuation()
    {
        // Word's curly quotes are bytes 93/94; some paths decode them as U+0093/U+0094.
        Assert.Equal("“Tiếng Việt”", LegacyVietnamese.FromTcvn3("\u0093TiÕng ViÖt\u0094"));
        Assert.Equal("“Tiếng Việt”", LegacyVietnamese.FromVni("\u0093Tieáng Vieät\u0094"));
    }

    [Fact]
    public void Unicode_text_is_left_as_it_is_and_NFD_becomes_NFC()
    {
        const string text = "Cục Thống kê tỉnh Thái Nguyên công bố số liệu quý III.";

        Assert.Same(text, LegacyVietnamese.ToUnicode(text));
        Assert.Equal(text, LegacyVietnamese.ToUnicode(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Báo cáo tình hình kinh tế quý III. Tæng s¶n phÈm trªn ®Þa bµn t¨ng 7,5% so víi cïng kú n¨m tr­íc.")]
    [InlineData("Báo cáo tình hình kinh tế quý III. Toång saûn phaåm treân ñòa baøn taêng 7,5% so vôùi cuøng kyø naêm tröôùc.")]
    [InlineData("Báo cáo quý III. Tæng s¶n phÈm trªn ®Þa bµn t¨ng 7,5% so víi cïng kú n¨m tr­íc.")]
    public void In_a_mixed_text_only_the_legacy_sentence_is_converted(string mixed)
    {
        var unicodePart = mixed[..mixed.IndexOf('.', StringComparison.Ordinal)];

        Assert.Equal(
            unicodePart + ". Tổng sản phẩm trên địa bàn tăng 7,5% so với cùng kỳ năm trước.",
            LegacyVietnamese.ToUnicode(mixed));
    }

    [Theory]
    [InlineData("CHÝNH S¸CH §Ó PH¸T TRIÓN", "CHÍNH SÁCH ĐỂ PHÁT TRIỂN")]
    [InlineData("viÖt nam", "việt nam")] // typed in .VnTimeH: the capitals font drew lower-case bytes
    [InlineData("n­íc Ên §é", "nước ấn Độ")] // a toned capital inside a sentence cannot be told
    [InlineData("Êy lµ ®©y. ë ®ã!", "Ấy là đây. Ở đó!")]
    public void TCVN3_case_is_recovered_as_documented(string tcvn3, string unicode)
    {
        Assert.Equal(unicode, LegacyVietnamese.FromTcvn3(tcvn3));
    }

    [Theory]
    [InlineData("Gi¸ trÞ · n¨m 2025 · © Côc Thèng kª", "Giá trị · năm 2025 · © Cục Thống kê")]
    [InlineData("3 × 4 = 12; ½ kg", "3 × 4 = 12; ½ kg")]
    [InlineData("Gi¸ 1.000 ® mét « t«", "Giá 1.000 đ một ô tô")]
    public void TCVN3_symbols_that_stand_alone_stay_unless_they_are_words(string tcvn3, string unicode)
    {
        Assert.Equal(unicode, LegacyVietnamese.FromTcvn3(tcvn3));
    }

    [Fact]
    public void Unicode_to_TCVN3_writes_only_Latin_1_chars_and_leaves_other_text_alone()
    {
        var tcvn3 = LegacyVietnamese.ToTcvn3("Đắk Lắk, 25 °C, “Tổng”, €");

        Assert.Equal("§¾k L¾k, 25 °C, “Tæng”, €", tcvn3);
    }

    [Fact]
    public void A_conversion_tells_what_it_read_and_how_many_words_it_changed()
    {
        var tcvn3 = LegacyVietnamese.Convert("Gi¸ 1.000 ® mét « t«");
        var mixed = LegacyVietnamese.Convert("Báo cáo quý III. Tæng s¶n phÈm t¨ng 7,5%.");
        var nfd = LegacyVietnamese.Convert("Thái Nguyên".Normalize(NormalizationForm.FormD));
        var clean = LegacyVietnamese.Convert("Thái Nguyên");

        Assert.Equal(new TextConversion("Gi¸ 1.000 ® mét « t«", "Giá 1.000 đ một ô tô", TextEncodingKind.Tcvn3, 5), tcvn3);
        Assert.Equal(("Báo cáo quý III. Tổng sản phẩm tăng 7,5%.", TextEncodingKind.Mixed, 4), (mixed.Converted, mixed.From, mixed.WordsChanged));
        Assert.Equal(("Thái Nguyên", TextEncodingKind.Nfd, 2, true), (nfd.Converted, nfd.From, nfd.WordsChanged, nfd.Changed));
        Assert.Equal((TextEncodingKind.Unicode, 0, false), (clean.From, clean.WordsChanged, clean.Changed));
    }

    [Fact]
    public void Converting_from_a_named_encoding_reads_all_of_the_text_in_it()
    {
        var conversion = LegacyVietnamese.Convert("Cuïc Thoáng keâ", TextEncodingKind.Vni);

        Assert.Equal(("Cục Thống kê", TextEncodingKind.Vni, 3), (conversion.Converted, conversion.From, conversion.WordsChanged));
    }
}
