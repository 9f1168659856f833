using System.Text;
using CucThongKe.Search.Analysis;
using CucThongKe.Search.Querying;
using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.Search;

public sealed class VietnameseAnalyzerTests
{
    private static List<string> Exact(string text) => SearchQueryParser.Analyze(new VietnameseAnalyzer(VietnameseForm.Exact), text);

    private static List<string> Folded(string text) => SearchQueryParser.Analyze(new VietnameseAnalyzer(VietnameseForm.Folded), text);

    [Fact]
    public void Decomposed_text_from_a_mac_keyboard_gives_the_same_tokens_as_composed_text()
    {
        const string sentence = "Tổng cục Thống kê công bố chỉ số giá tiêu dùng tháng Mười";
        var decomposed = sentence.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(sentence, decomposed);
        Assert.Equal(Exact(sentence), Exact(decomposed));
        Assert.Equal(["tổng", "cục", "thống", "kê", "công", "bố", "chỉ", "số", "giá", "tiêu", "dùng", "tháng", "mười"], Exact(decomposed));
    }

    [Fact]
    public void Marks_typed_in_the_other_order_or_half_composed_are_recomposed()
    {
        // "ệ" as e + circumflex + dot below (not canonical order) and as ê + dot below.
        var reordered = "Hi\u0065\u0302\u0323u l\u00EA\u0323nh";

        Assert.Equal(["hiệu", "lệnh"], Exact(reordered));
    }

    [Fact]
    public void The_icelandic_eth_that_looks_like_D_with_stroke_is_read_as_Vietnamese_D()
    {
        Assert.Equal(["đồng", "hỷ"], Exact("\u00D0ồng Hỷ"));
        Assert.Equal(["đại", "từ"], Exact("\u00F0ại Từ"));
        Assert.Equal(Exact("Quyết định số 181/QĐ-CTK"), Exact("Quyết định số 181/Q\u00D0-CTK"));
    }

    [Fact]
    public void The_exact_form_keeps_diacritics_and_lower_cases()
    {
        Assert.Equal(["thống", "kê", "thông", "tin"], Exact("THỐNG KÊ Thông Tin"));
    }

    [Fact]
    public void The_folded_form_removes_diacritics_and_maps_d_with_stroke_to_d()
    {
        Assert.Equal(["dan", "so", "va", "lao", "dong", "tinh", "thai", "nguyen", "nam", "2024"], Folded("Dân số và lao động tỉnh Thái Nguyên năm 2024"));
        Assert.Equal(["dong", "hy", "dinh", "hoa"], Folded("ĐỒNG HỶ, Định Hóa"));
    }

    [Theory]
    [InlineData("Hòa bình", "Hoà bình")]
    [InlineData("thủy sản", "thuỷ sản")]
    [InlineData("sức khỏe", "sức khoẻ")]
    [InlineData("Ủy ban nhân dân", "Uỷ ban nhân dân")]
    [InlineData("khóa học", "khoá học")]
    [InlineData("tùy theo", "tuỳ theo")]
    [InlineData("xòe ô", "xoè ô")]
    [InlineData("lũy kế", "luỹ kế")]
    public void Old_and_new_tone_mark_placement_give_the_same_exact_tokens(string oldStyle, string newStyle)
    {
        Assert.Equal(Exact(newStyle), Exact(oldStyle));
    }

    [Theory]
    [InlineData("hoàng", "hoàng")]
    [InlineData("thuyền", "thuyền")]
    [InlineData("của", "của")]
    [InlineData("mùa", "mùa")]
    [InlineData("quý", "quý")]
    [InlineData("hoặc", "hoặc")]
    public void Syllables_whose_tone_mark_has_one_place_are_left_alone(string syllable, string expected)
    {
        Assert.Equal(expected, VietnameseText.NormalizeToneMark(syllable));
    }

    [Fact]
    public void A_legal_document_number_is_split_into_parts_that_stay_adjacent_in_both_forms()
    {
        Assert.Equal(["181", "qđ", "ctk"], Exact("181/QĐ-CTK"));
        Assert.Equal(["181", "qd", "ctk"], Folded("181/QĐ-CTK"));
        Assert.Equal(Folded("181/QĐ-CTK"), Folded("181 QĐ CTK"));
        Assert.Equal(Folded("181/QĐ-CTK"), Folded("181/qd-ctk"));
    }

    [Theory]
    [InlineData("181/QĐ-CTK")]
    [InlineData("181/qd-ctk")]
    [InlineData("181 QĐ CTK")]
    [InlineData("181/Q\u00D0-CTK")]
    public void Every_spelling_of_a_document_number_has_the_same_key(string spelling)
    {
        Assert.Equal("181qdctk", VietnameseText.DocumentNumberKey(spelling));
        Assert.True(SearchQueryParser.LooksLikeDocumentNumber(spelling));
    }

    [Fact]
    public void Ordinary_words_do_not_look_like_a_document_number()
    {
        Assert.False(SearchQueryParser.LooksLikeDocumentNumber("kinh tế xã hội"));
        Assert.False(SearchQueryParser.LooksLikeDocumentNumber("2024"));
    }

    [Fact]
    public void Query_text_is_normalised_cut_and_freed_of_control_characters()
    {
        var (text, cut) = SearchQueryParser.Clean("  tha\u0301ng\u0000 10\u0007 " + new string('a', 20) + " " + string.Concat(Enumerable.Repeat("kinh tế ", 2000)));

        Assert.True(cut);
        Assert.True(text.Length <= SearchQueryParser.MaxQueryLength);
        Assert.StartsWith("tháng 10 ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', text);
    }

    [Fact]
    public void An_unpaired_surrogate_does_not_break_normalisation()
    {
        Assert.Equal("ab", VietnameseText.Normalize("a\uD800b"));
    }
}
