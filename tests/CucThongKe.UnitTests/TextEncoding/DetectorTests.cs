using System.Text;
using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.TextEncoding;

public class DetectorTests
{
    // Clean text the site sees every day: Vietnamese (headlines and paragraphs of statistics news, capitals, all
    // letters), English, accented European names, numbers, dates, money, e-mail, URLs, symbols, code, and mixes.
    public static readonly string[] CleanVietnamese =
    [
        "Cục Thống kê tỉnh Thái Nguyên",
        "Quy chế quản lý Trang thông tin điện tử",
        "Tổng sản phẩm trên địa bàn tỉnh (GRDP) 9 tháng năm 2025 ước tăng 7,52% so với cùng kỳ năm trước.",
        "Chỉ số giá tiêu dùng (CPI) tháng Mười tăng 0,21% so với tháng trước",
        "Sản xuất nông, lâm nghiệp và thủy sản: diện tích lúa vụ mùa đạt 41.250 ha, năng suất ước 56,8 tạ/ha.",
        "Kim ngạch xuất khẩu hàng hóa ước đạt 22,3 tỷ USD, chủ yếu là điện thoại và linh kiện điện tử.",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10/2025 ước đạt 4.125 tỷ đồng.",
        "Thông báo lịch công bố số liệu thống kê năm 2026",
        "Hội nghị triển khai Tổng điều tra kinh tế năm 2026 trên địa bàn tỉnh",
        "Người dân được hưởng lợi từ những ngôi trường mới xây ở vùng sâu, vùng xa.",
        "Để thực hiện kế hoạch năm 2025, ngành Thống kê đã chủ động phối hợp với các sở, ban, ngành.",
        "ĐIỀU TRA LAO ĐỘNG VIỆC LÀM QUÝ III",
        "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 VÀ 10 THÁNG NĂM 2025",
        "Thành phố Thái Nguyên, huyện Đại Từ, Phú Lương, Đồng Hỷ, Võ Nhai, Định Hóa, Phú Bình, thị xã Phổ Yên",
        "Ông Nguyễn Văn Hùng, Cục trưởng, phát biểu khai mạc hội nghị.",
        "Bà Trần Thị Thu Hà được bổ nhiệm giữ chức Phó Cục trưởng.",
        "Ấn phẩm Niên giám thống kê 2024 đã phát hành; ở đây có bảng số liệu về dân số và lao động.",
        "Ủy ban nhân dân tỉnh chỉ đạo các ngành rà soát hộ nghèo, hộ cận nghèo theo chuẩn mới.",
        "Giá vàng, đô-la Mỹ biến động; giá xăng dầu giảm theo giá thế giới.",
        "Khuyến khích doanh nghiệp đổi mới sáng tạo, chuyển đổi số và phát triển xanh.",
        "Năm 2025 dân số trung bình ước 1.335,99 nghìn người, tỷ lệ đô thị hóa đạt 38,2%.",
        "hoà bình, hòa bình, thuở ấy, khuya khoắt, khuỷu tay, quặng sắt, nguệch ngoạc, xoong nồi, cái loa",
        "Gìn giữ nét đẹp giếng làng, gì cũng có; ngoằn ngoèo, oái oăm, quềnh quàng.",
        "Y tế: tỷ lệ bao phủ bảo hiểm y tế đạt 94,5%; yêu cầu giữ vững 100% xã đạt chuẩn.",
        "Tháng Giêng, tháng Hai, tháng Ba; mùa xuân ấm áp.",
        "À, ừ, ờ, ạ — dạ vâng!",
        "Ðể kết nối, xin gọi 0208 3855 xxx",
        "ĐỒNG CHÍ BÍ THƯ TỈNH ỦY THĂM VÀ LÀM VIỆC",
        "Sáng 15/11, đoàn công tác của Tổng cục Thống kê do đồng chí Phó Tổng cục trưởng làm trưởng đoàn đã làm việc tại Cục.",
        "Số liệu sơ bộ; số liệu chính thức sẽ được cập nhật ở kỳ sau.",
        "Vốn đầu tư thực hiện từ nguồn ngân sách Nhà nước do địa phương quản lý ước đạt 3.842,6 tỷ đồng, bằng 72,4% kế hoạch năm.",
        "Chỉ số sản xuất công nghiệp (IIP) tăng 10,2%; trong đó ngành chế biến, chế tạo tăng 10,9%, sản xuất và phân phối điện tăng 8,1%.",
        "Tuyển dụng công chức năm 2025: danh sách thí sinh đủ điều kiện dự thi vòng 2",
        "Văn bản số 123/CTK-TTTT ngày 01/10/2025 về việc cung cấp thông tin",
        "Cá, tôm, mực; bò, lợn, gà; chè Tân Cương nổi tiếng cả nước.",
        "mét vuông, ki-lô-gam, cái, con, chiếc",
        "Tỉ lệ; tỷ lệ; ki lô mét; Mê Linh; Lê Lợi; Hồ Chí Minh; Hà Nội; Cần Thơ",
        "Lúa; ngô; khoai; sắn; đậu tương; lạc; mía; thuốc lá; rau các loại.",
    ];

    public static readonly string[] CleanOther =
    [
        "Thai Nguyen Statistics Office",
        "The gross regional domestic product grew by 7.52 percent year on year.",
        "Consumer prices rose 0.21% month-on-month in October.",
        "Café Müller in São Paulo; Ñandú, Jérôme, François, José, Zoë, Noël, Björn, Øresund, Ålesund, Malmö.",
        "Gabriel García Márquez, Antonín Dvořák, Frédéric Chopin, Władysław Reymont, Léon Blum, Pokémon",
        "Résumé of the naïve fiancée at the café; déjà vu; crème brûlée; über; Straße; Köln; Zürich.",
        "Où est la gare? À Paris, là-bas, près de l'hôtel. Côte d'Azur, rôle, été, fenêtre.",
        "Sí, señor; mañana en España, también en Perú y Bogotá. Niño, año, Peña.",
        "Guðrún and Ðór from Reykjavík; Þingvellir; Ísafjörður.",
        "01/10/2025 – 31/12/2025; 08:30–17:00; Q3/2025",
        "1.234.567,89 đ; $12.50; €1.000; £20; ¥300; 25 °C; ±0,5; 3 × 4 = 12; 12 ÷ 3; ½ kg; ¼; ¾",
        "nguyen.van.a@thainguyen.gov.vn; https://thongke.thainguyen.gov.vn/tin-tuc?trang=2&q=d%C3%A2n+s%E1%BB%91",
        "© 2025 Cục Thống kê tỉnh Thái Nguyên. ® ™ § 5 ¶ 2",
        "if (x >= 0 && y <= 10) { return a[i] * b[j]; } // TODO",
        "SELECT * FROM \"Items\" WHERE \"Title\" LIKE '%abc%';",
        "«Bonjour» — «Guten Tag» · A · B · C",
        "5 µm; 10 µg/m³; 30‰; №5",
        "Ðà Nẵng, ðà",
        "Số liệu (Statistics): GDP growth 7,5% — tăng trưởng GRDP đạt 7,5% (growth rate).",
        "Download the Excel file (báo cáo.xlsx) or the PDF version.",
        "Tiếng Việt và English: Hello, xin chào! How are you? Tôi khỏe.",
        "Nguyen Van A, Tran Thi B, Le Van C",
        "Pháp: Française; Đức: Deutsch; Tây Ban Nha: Español; Bồ Đào Nha: Português",
        "",
        "   ",
        "12345",
    ];

    public static TheoryData<string> CleanSamples()
    {
        var data = new TheoryData<string>();
        foreach (var s in CleanVietnamese.Concat(CleanOther)) data.Add(s);
        return data;
    }

    [Fact]
    public void The_clean_corpus_is_big_enough_to_mean_something()
    {
        Assert.True(CleanVietnamese.Length + CleanOther.Length >= 60);
    }

    [Theory]
    [MemberData(nameof(CleanSamples))]
    public void Clean_text_is_never_taken_for_legacy(string text)
    {
        var diagnosis = VietnameseTextDetector.Detect(text);

        Assert.False(diagnosis.IsLegacy, $"{diagnosis} for \"{text}\"");
        Assert.Equal(0, diagnosis.LegacyWords);
        Assert.Equal(TextEncodingKind.Unicode, diagnosis.Kind);
        Assert.False(diagnosis.HasNfd);
    }

    [Theory]
    [MemberData(nameof(CleanSamples))]
    public void Converting_clean_text_changes_nothing_but_look_alikes(string text)
    {
        Assert.Equal(UnicodeText.Clean(text), LegacyVietnamese.ToUnicode(text));
    }

    public static TheoryData<string> VietnameseSamples()
    {
        var data = new TheoryData<string>();
        foreach (var s in CleanVietnamese.Where(s => s.Split(' ').Length >= 3)) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(VietnameseSamples))]
    public void The_same_Vietnamese_in_TCVN3_is_detected_and_converts_back(string text)
    {
        var tcvn3 = LegacyVietnamese.ToTcvn3(UnicodeText.Clean(text));

        var diagnosis = VietnameseTextDetector.Detect(tcvn3);

        Assert.True(diagnosis.Kind == TextEncodingKind.Tcvn3, $"{diagnosis} for \"{tcvn3}\"");
        Assert.True(diagnosis.Confidence >= 0.8, $"{diagnosis} for \"{tcvn3}\"");
        // VN3 loses the case of toned capitals where the surroundings cannot tell it (see FromTcvn3).
        Assert.Equal(UnicodeText.Clean(text).ToLowerInvariant(), LegacyVietnamese.ToUnicode(tcvn3).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(VietnameseSamples))]
    public void The_same_Vietnamese_in_VNI_is_detected_and_converts_back_exactly(string text)
    {
        var vni = LegacyVietnamese.ToVni(UnicodeText.Clean(text));

        var diagnosis = VietnameseTextDetector.Detect(vni);

        Assert.True(diagnosis.Kind == TextEncodingKind.Vni, $"{diagnosis} for \"{vni}\"");
        Assert.True(diagnosis.Confidence >= 0.8, $"{diagnosis} for \"{vni}\"");
        Assert.Equal(UnicodeText.Clean(text), LegacyVietnamese.ToUnicode(vni));
    }

    [Theory]
    [InlineData("TiÕng ViÖt")]
    [InlineData("Côc Thèng kª tØnh Th¸i Nguyªn")]
    [InlineData("Quy chÕ qu¶n lý Trang th«ng tin ®iÖn tö")]
    [InlineData("B¸o c¸o t×nh h×nh kinh tÕ - x· héi th¸ng 10 n¨m 2025")]
    [InlineData("CôC THèNG K£ TØNH TH¸I NGUY£N")]
    public void Hand_written_TCVN3_is_detected(string tcvn3)
    {
        var diagnosis = VietnameseTextDetector.Detect(tcvn3);

        Assert.Equal(TextEncodingKind.Tcvn3, diagnosis.Kind);
        Assert.True(diagnosis.Confidence >= 0.8, diagnosis.ToString());
        Assert.True(diagnosis.IsLegacy);
        Assert.True(diagnosis.LegacyWords >= 2);
    }

    [Theory]
    [InlineData("Tieáng Vieät")]
    [InlineData("Cuïc Thoáng keâ tænh Thaùi Nguyeân")]
    [InlineData("Quy cheá quaûn lyù Trang thoâng tin ñieän töû")]
    [InlineData("Baùo caùo tình hình kinh teá - xaõ hoäi thaùng 10 naêm 2025")]
    [InlineData("CUÏC THOÁNG KEÂ TÆNH THAÙI NGUYEÂN")]
    public void Hand_written_VNI_is_detected(string vni)
    {
        var diagnosis = VietnameseTextDetector.Detect(vni);

        Assert.Equal(TextEncodingKind.Vni, diagnosis.Kind);
        Assert.True(diagnosis.Confidence >= 0.8, diagnosis.ToString());
        Assert.True(diagnosis.IsLegacy);
    }

    [Fact]
    public void A_Unicode_paragraph_with_a_pasted_TCVN3_sentence_is_mixed()
    {
        var diagnosis = VietnameseTextDetector.Detect(
            "Báo cáo tình hình kinh tế quý III. Tæng s¶n phÈm trªn ®Þa bµn t¨ng 7,5% so víi cïng kú n¨m tr­íc.");

        Assert.Equal(TextEncodingKind.Mixed, diagnosis.Kind);
        Assert.True(diagnosis.LegacyWords > 0);
        Assert.True(diagnosis.IsLegacy);
    }

    [Fact]
    public void A_Unicode_paragraph_with_a_pasted_VNI_sentence_is_mixed()
    {
        var diagnosis = VietnameseTextDetector.Detect(
            "Báo cáo tình hình kinh tế quý III. Toång saûn phaåm treân ñòa baøn taêng 7,5% so vôùi cuøng kyø naêm tröôùc.");

        Assert.Equal(TextEncodingKind.Mixed, diagnosis.Kind);
        Assert.True(diagnosis.LegacyWords > 0);
    }

    [Fact]
    public void Decomposed_text_is_NFD()
    {
        var diagnosis = VietnameseTextDetector.Detect("Cục Thống kê tỉnh Thái Nguyên".Normalize(NormalizationForm.FormD));

        Assert.Equal(TextEncodingKind.Nfd, diagnosis.Kind);
        Assert.True(diagnosis.HasNfd);
        Assert.False(diagnosis.IsLegacy);
        Assert.False(diagnosis.IsClean);
    }

    [Fact]
    public void The_eth_look_alike_in_a_Vietnamese_word_is_reported_but_Icelandic_is_not()
    {
        Assert.True(VietnameseTextDetector.Detect("Ðà Nẵng").HasLookAlikes);
        Assert.False(VietnameseTextDetector.Detect("Ðà Nẵng").IsClean);
        Assert.False(VietnameseTextDetector.Detect("Guðrún and Ðór").HasLookAlikes);
        Assert.True(VietnameseTextDetector.Detect("Guðrún and Ðór").IsClean);
    }

    [Fact]
    public void Plain_ASCII_is_clean_with_full_confidence()
    {
        var diagnosis = VietnameseTextDetector.Detect("Thai Nguyen 2025");

        Assert.True(diagnosis.IsClean);
        Assert.Equal(1, diagnosis.Confidence);
    }

    [Theory]
    [InlineData("Il est tôt, dit-il.")] // TCVN3 would read "tột"
    [InlineData("Non si può fare.")] // VNI would read "puị"
    [InlineData("Sí, es un ñu.")]
    [InlineData("Ein Bö und säen.")]
    [InlineData("Le goût du maïs à l'aéroport, où Noël.")]
    public void A_European_word_that_decodes_to_a_syllable_raises_no_alarm(string text)
    {
        var diagnosis = VietnameseTextDetector.Detect(text);

        Assert.False(diagnosis.IsLegacy, diagnosis.ToString());
    }

    [Theory]
    [InlineData("Tin tøc", TextEncodingKind.Tcvn3)] // nothing telling, but every word is Vietnamese
    [InlineData("Quèc héi", TextEncodingKind.Tcvn3)]
    [InlineData("N÷", TextEncodingKind.Tcvn3)] // a symbol among letters
    [InlineData("ViÖt", TextEncodingKind.Tcvn3)] // a capital inside a lower-case word
    [InlineData("Phaïm Thò D", TextEncodingKind.Vni)]
    [InlineData("Chính phuû", TextEncodingKind.Vni)]
    [InlineData("Tröôøng", TextEncodingKind.Vni)] // two VNI chars in a row
    public void Short_legacy_values_are_detected(string text, TextEncodingKind kind)
    {
        Assert.Equal(kind, VietnameseTextDetector.Detect(text).Kind);
    }

    [Theory]
    [InlineData("Đắk Lắk, Đắk Nông, Bắc Kạn")]
    [InlineData("Ðắk Lắk")]
    public void Highland_place_names_are_Vietnamese(string text)
    {
        Assert.False(VietnameseTextDetector.Detect(text).IsLegacy);
        Assert.Equal("Đắk Lắk", UnicodeText.Clean("Ðắk Lắk"));
    }
}
