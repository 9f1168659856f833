using CucThongKe.Search.Indexing;
using CucThongKe.Search.Querying;

namespace CucThongKe.Tests.Search;

/// <summary>Ranking and query safety over a real Lucene index in a temporary folder.</summary>
public sealed class SearchRankingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cucthongke-search-unit", Guid.NewGuid().ToString("N"));
    private readonly SearchIndexStore _store;

    public SearchRankingTests()
    {
        _store = new SearchIndexStore(_folder);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private SearchService Index(params SearchDocument[] documents)
    {
        using var build = _store.BeginBuild();
        build.Add(documents);
        build.Publish(0);
        return new SearchService(_store);
    }

    private static SearchDocument Doc(string id, string title, string body, string type = "News", int year = 2024, string? number = null, DateTime? published = null) =>
        new(id, type, title, null, body, "/tin-tuc/" + id, published ?? new DateTime(year, 6, 1, 0, 0, 0, DateTimeKind.Utc), year, number, null, null, []);

    private static List<string> Ids(SearchResults results) => [.. results.Hits.Select(h => h.Id)];

    [Fact]
    public void A_query_without_diacritics_finds_Vietnamese_text()
    {
        var search = Index(Doc("a", "Tình hình kinh tế - xã hội tháng 10 năm 2024", "Tổng sản phẩm trên địa bàn tỉnh Thái Nguyên tăng trưởng khá."));

        Assert.Equal(["a"], Ids(search.Search(new("tinh hinh kinh te xa hoi"))));
        Assert.Equal(["a"], Ids(search.Search(new("THAI NGUYEN"))));
    }

    [Fact]
    public void An_exact_match_ranks_above_a_match_of_the_folded_form_only()
    {
        var search = Index(
            Doc("thong-tin", "Bản tin tháng", "Trung tâm thông kê thông tin số liệu nông nghiệp."),
            Doc("thong-ke", "Bản tin tháng", "Trung tâm thống kê thông tin số liệu nông nghiệp."));

        var results = search.Search(new("thống kê"));

        Assert.Equal(["thong-ke", "thong-tin"], Ids(results));
    }

    [Fact]
    public void Adjacent_syllables_rank_above_the_same_syllables_apart()
    {
        var search = Index(
            Doc("apart", "Báo cáo", "Bàn về kinh doanh nhỏ và lẻ; chính sách y tế cơ sở của tỉnh."),
            Doc("phrase", "Báo cáo", "Bàn về kinh tế của tỉnh; chính sách doanh nghiệp nhỏ và lẻ cơ sở."));

        Assert.Equal(["phrase", "apart"], Ids(search.Search(new("kinh tế"))));
        Assert.Equal(["phrase", "apart"], Ids(search.Search(new("kinh te"))));
    }

    [Theory]
    [InlineData("chỉ số giá tiêu dùng")]
    [InlineData("chi so gia tieu dung")]
    public void With_more_matches_than_are_ranked_in_full_the_first_page_is_the_full_rankings(string query)
    {
        // 800 items mention the words in their bodies, in various orders and lengths; three are titled with them,
        // one of those without diacritics. Only the best matches by the folded syllables are ranked in full.
        var fillers = Enumerable.Range(0, 800).Select(i => Doc(
            $"body-{i:D3}", $"Bản tin số {i}",
            string.Join(' ', Enumerable.Repeat("Giá cả thị trường ổn định.", 1 + (i % 7))) + (i % 2 == 0 ? " Chỉ số giá tiêu dùng tăng nhẹ." : " Tiêu dùng tăng, chỉ số giá ổn định.")));
        var search = Index([
            .. fillers,
            Doc("title-folded", "Chi so gia tieu dung thang 10", "Số liệu tháng 10."),
            Doc("title-exact-1", "Chỉ số giá tiêu dùng tháng 10", "Số liệu tháng 10."),
            Doc("title-exact-2", "Chỉ số giá tiêu dùng tháng 11", "Số liệu tháng 11.")]);

        var results = search.Search(new(query));

        // Every item scored by the full ranking query, the slow way.
        var everyMatchRanked = _store.Search(searcher => searcher.Search(SearchQueryParser.BuildQuery(query)!, 10).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).Get(SearchFields.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        // Typed with diacritics, the query respects them: the item titled without diacritics is found only by the
        // query typed without (issue 15: the folded form is a fallback when the exact form finds little).
        Assert.Equal(query.Contains('ố', StringComparison.Ordinal) ? 802 : 803, results.Total);
        Assert.Equal(everyMatchRanked, Ids(results));
        Assert.StartsWith("title-", Ids(results)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_in_the_title_ranks_above_the_same_word_in_the_body()
    {
        var search = Index(
            Doc("body", "Bản tin tháng 6", "Tình hình sản xuất nông nghiệp: diện tích lúa ổn định, thủy sản tăng."),
            Doc("title", "Sản lượng thủy sản 6 tháng", "Tình hình sản xuất nông nghiệp: diện tích lúa ổn định, chăn nuôi tăng."));

        Assert.Equal(["title", "body"], Ids(search.Search(new("thuy san"))));
    }

    [Fact]
    public void Old_and_new_tone_placement_find_each_other()
    {
        var search = Index(
            Doc("hoa", "Huyện Định Hóa đón nhận danh hiệu", "Sản lượng thủy sản tăng."),
            Doc("khoe", "Chăm sóc sức khoẻ cộng đồng", "Uỷ ban nhân dân tỉnh chỉ đạo."));

        Assert.Equal(["hoa"], Ids(search.Search(new("Định Hoà"))));
        Assert.Equal(["hoa"], Ids(search.Search(new("thuỷ sản"))));
        Assert.Equal(["khoe"], Ids(search.Search(new("sức khỏe"))));
        Assert.Equal(["khoe"], Ids(search.Search(new("Ủy ban"))));
    }

    [Theory]
    [InlineData("181/QĐ-CTK")]
    [InlineData("181/qd-ctk")]
    [InlineData("181 QĐ CTK")]
    public void A_legal_document_number_is_found_whole_in_any_spelling(string query)
    {
        var search = Index(
            Doc("qc", "Quy chế quản lý Trang thông tin điện tử", "Ban hành kèm theo Quyết định số 181/QĐ-CTK của Cục trưởng.", "LegalDocument", number: "181/QĐ-CTK"),
            Doc("other", "Quyết định 182/QĐ-CTK", "Về việc cử 181 công chức đi học; QĐ về CTK năm sau.", "LegalDocument", number: "182/QĐ-CTK"));

        Assert.Equal(["qc"], Ids(search.Search(new(query))));
    }

    [Fact]
    public void Facets_count_types_and_years_and_filters_narrow_the_results()
    {
        var search = Index(
            Doc("n1", "Dân số tỉnh Thái Nguyên", "Dân số trung bình", "News", 2023),
            Doc("n2", "Dân số và việc làm", "Dân số trong độ tuổi lao động", "News", 2024),
            Doc("r1", "Báo cáo dân số", "Dân số năm 2024", "SocioEconomicReport", 2024));

        var all = search.Search(new("dan so"));
        var news2024 = search.Search(new("dan so", Type: "News", Year: 2024));

        Assert.Equal(3, all.Total);
        Assert.Contains(new FacetValue("News", 2), all.Types);
        Assert.Contains(new FacetValue("SocioEconomicReport", 1), all.Types);
        Assert.Equal([new FacetValue("2024", 2), new FacetValue("2023", 1)], all.Years);
        Assert.Equal(["n2"], Ids(news2024));
        // The type facet counts over the year filter only, so other types stay visible.
        Assert.Contains(new FacetValue("SocioEconomicReport", 1), search.Search(new("dan so", Type: "News", Year: 2024)).Types);
    }

    [Fact]
    public void Sorting_by_date_puts_the_newest_first_and_paging_splits_the_results()
    {
        var search = Index(
            Doc("old", "Chỉ số giá tiêu dùng", "chỉ số giá", published: new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            Doc("new", "Chỉ số giá", "chỉ số giá tiêu dùng chỉ số giá", published: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            Doc("mid", "Chỉ số giá", "chỉ số giá", published: new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        var byDate = search.Search(new("chi so gia", Sort: SearchSort.Date));
        var page2 = search.Search(new("chi so gia", Sort: SearchSort.Date, Page: 2, PageSize: 2));

        Assert.Equal(["new", "mid", "old"], Ids(byDate));
        Assert.Equal(["old"], Ids(page2));
        Assert.Equal(2, page2.PageCount);
    }

    [Fact]
    public void Snippets_mark_the_matched_words_and_encode_the_text()
    {
        var search = Index(Doc("x", "Tin", "Giá trị <script>alert(1)</script> sản xuất công nghiệp & xây dựng tăng 8,5%."));

        var snippet = search.Search(new("cong nghiep")).Hits.Single().SnippetHtml;

        Assert.Contains("<mark>công</mark> <mark>nghiệp</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"kinh tế")]
    [InlineData("kinh AND OR NOT (tế")]
    [InlineData("title:[a TO z] ~2 ^3 \\ /")]
    [InlineData("'; DROP TABLE ContentItems; --")]
    [InlineData("\u0000\u0001\u001f")]
    [InlineData("")]
    public void Hostile_or_empty_queries_answer_without_failing(string query)
    {
        var search = Index(Doc("a", "Kinh tế", "Kinh tế tăng trưởng"));

        var results = search.Search(new(query));

        Assert.True(results.Total >= 0);
    }

    [Fact]
    public void A_ten_thousand_character_query_is_cut_and_still_answers()
    {
        var search = Index(Doc("a", "Kinh tế", "Kinh tế tăng trưởng"));

        var results = search.Search(new(string.Concat(Enumerable.Repeat("kinh tế ", 1250))));

        Assert.True(results.QueryWasCut);
        Assert.Equal(["a"], Ids(results));
    }
    private static readonly SynonymList Synonyms = SynonymList.From([["CPI", "chỉ số giá tiêu dùng"], ["KT-XH", "kinh tế - xã hội"], ["GRDP", "tổng sản phẩm trên địa bàn"]]);

    [Fact]
    public void Diacritics_typed_are_respected_and_syllables_apart_are_not_a_word()
    {
        var search = Index(
            Doc("dan-so-1", "Dân số trung bình năm 2025", "Dân số tăng 1,1%."),
            Doc("dan-so-2", "Kết quả điều tra dân số giữa kỳ", "Quy mô hộ 3,4 người."),
            Doc("dan-so-3", "Xin số liệu dân số theo xã", "Gửi yêu cầu bằng văn bản."),
            Doc("dan-so-folded", "Dẫn số liệu từ báo cáo", "Trích dẫn số liệu đúng nguồn."),
            Doc("apart", "Hướng dẫn đọc bảng", "Bài viết dẫn các ví dụ; cột so với cùng kỳ cho biết mức tăng."));

        // Typed with diacritics: "dân số" only, not "dẫn số" (folds alike) nor "dẫn ... so với" (apart).
        Assert.Equal(["dan-so-1", "dan-so-2", "dan-so-3"], Ids(search.Search(new("dân số"))).Order().ToList());
        // Typed without: both spellings side by side, still not the syllables apart.
        Assert.Equal(["dan-so-1", "dan-so-2", "dan-so-3", "dan-so-folded"], Ids(search.Search(new("dan so"))).Order().ToList());
    }

    [Fact]
    public void A_query_typed_with_diacritics_that_the_exact_form_barely_answers_falls_back_to_the_folded_form_then_to_syllables_anywhere()
    {
        var search = Index(
            Doc("exact", "Lấy ý kiến dự thảo Quy chế", "Góp ý đến hết tháng 11."),
            Doc("misspelt", "Góp ý du thảo kế hoạch", "Trước khi trình ký."),
            Doc("apart", "Dự án mới", "Hội nghị thảo luận về dự án."),
            Doc("other", "Du lịch và thể thao", "Đông khách dịp nghỉ lễ."));

        // One exact match is little: the folded pair comes next, then the syllables anywhere; "du lịch ... thể thao" never.
        Assert.Equal(["exact", "misspelt", "apart"], Ids(search.Search(new("dự thảo"))));
    }

    [Fact]
    public void The_words_of_a_query_are_found_in_another_order()
    {
        var search = Index(
            Doc("both", "Dân số và lao động năm 2025", "Lực lượng lao động tăng."),
            Doc("one", "Dân số trung bình", "Quy mô dân số tăng."),
            Doc("other", "Lao động việc làm", "Thất nghiệp giảm."));

        Assert.Equal(["both"], Ids(search.Search(new("lao động dân số"))));
    }

    [Fact]
    public void Recency_breaks_ties_between_the_same_report_of_several_years_but_never_overturns_a_better_match()
    {
        var search = Index(
            Doc("r2024", "Tình hình kinh tế - xã hội tháng 10 năm 2024", "Sản xuất công nghiệp tăng.", "SocioEconomicReport", 2024, published: new DateTime(2024, 11, 6, 0, 0, 0, DateTimeKind.Utc)),
            Doc("r2026", "Tình hình kinh tế - xã hội tháng 10 năm 2026", "Sản xuất công nghiệp tăng.", "SocioEconomicReport", 2026, published: new DateTime(2026, 11, 6, 0, 0, 0, DateTimeKind.Utc)),
            Doc("r2025", "Tình hình kinh tế - xã hội tháng 10 năm 2025", "Sản xuất công nghiệp tăng.", "SocioEconomicReport", 2025, published: new DateTime(2025, 11, 6, 0, 0, 0, DateTimeKind.Utc)),
            Doc("newer-weaker", "Bản tin tháng 12", "Nhắc lại tình hình kinh tế - xã hội tháng 10.", "News", 2026, published: new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(["r2026", "r2025", "r2024", "newer-weaker"], Ids(search.Search(new("tình hình kinh tế xã hội tháng 10"))));
    }

    [Theory]
    [InlineData("CPI tháng 10")]
    [InlineData("cpi thang 10")]
    [InlineData("chỉ số giá tiêu dùng tháng 10")]
    public void A_synonym_of_the_list_finds_the_items_written_with_another(string query)
    {
        var search = Index(
            Doc("long", "Chỉ số giá tiêu dùng tháng 10 năm 2026", "Tăng 0,42% so với tháng trước."),
            Doc("short", "CPI tháng 10 tăng nhẹ", "Giá thực phẩm tăng."),
            Doc("other", "Chỉ số sản xuất công nghiệp tháng 10", "Tăng 9,1%."));

        Assert.Equal(["long", "short"], Ids(search.Search(new(query, Synonyms: Synonyms))).Order().ToList());
    }

    [Fact]
    public void Without_the_synonym_list_an_abbreviation_finds_only_itself_and_the_list_also_reads_hyphenated_abbreviations()
    {
        var search = Index(
            Doc("long", "Tình hình kinh tế - xã hội tháng 11", "Sản xuất tăng."),
            Doc("short", "Họp báo công bố số liệu KT-XH tháng 11", "Trả lời phóng viên."),
            Doc("grdp", "Tổng sản phẩm trên địa bàn năm 2025", "Tăng 6,8%."));

        Assert.Equal(["short"], Ids(search.Search(new("KT-XH"))));
        Assert.Equal(["long", "short"], Ids(search.Search(new("KT-XH", Synonyms: Synonyms))).Order().ToList());
        Assert.Equal(["long", "short"], Ids(search.Search(new("kinh te xa hoi", Synonyms: Synonyms))).Order().ToList());
        Assert.Equal(["grdp"], Ids(search.Search(new("grdp", Synonyms: Synonyms))));
    }

    [Fact]
    public void A_legal_number_finds_the_item_numbered_so_first_then_those_that_cite_it_and_a_number_nobody_carries_is_searched_as_words()
    {
        var search = Index(
            Doc("cites", "Hướng dẫn chế độ báo cáo", "Thực hiện theo Thông tư số 15/2024/TT-BKHĐT của Bộ.", "News"),
            Doc("own", "Thông tư quy định chế độ báo cáo thống kê", "Có hiệu lực từ tháng 10.", "LegalDocument", number: "15/2024/TT-BKHĐT"),
            Doc("parts", "Báo cáo 15 ngày", "Năm 2024 TT và BKHĐT phối hợp.", "News"),
            Doc("people", "Cử 181 công chức tham gia tập huấn", "Tập huấn nghiệp vụ.", "News"));

        Assert.Equal(["own", "cites"], Ids(search.Search(new("15/2024/TT-BKHĐT"))));
        Assert.Equal(["own", "cites"], Ids(search.Search(new("15/2024/tt-bkhdt"))));
        // Looks like a number, but no item carries "181 công chức" as one: the words are searched.
        Assert.Equal(["people"], Ids(search.Search(new("181 công chức"))));
    }

    [Fact]
    public void The_synonym_list_is_read_from_lines_and_bad_lines_are_refused_with_their_number()
    {
        var (groups, errors) = SynonymList.ParseLines("CPI = chỉ số giá tiêu dùng\n\n  KT-XH =  kinh tế -  xã hội ");
        Assert.Empty(errors);
        Assert.Equal([["CPI", "chỉ số giá tiêu dùng"], ["KT-XH", "kinh tế - xã hội"]], groups);

        var (_, bad) = SynonymList.ParseLines("CPI\nGRDP = \n" + "A = " + new string('x', 81) + "\nB = ---\n" + string.Join(" = ", Enumerable.Range(0, 11).Select(i => "t" + i)));
        Assert.Equal(5, bad.Count);
        Assert.StartsWith("Dòng 1:", bad[0], StringComparison.Ordinal);
        Assert.StartsWith("Dòng 2:", bad[1], StringComparison.Ordinal);
        Assert.StartsWith("Dòng 3:", bad[2], StringComparison.Ordinal);
        Assert.StartsWith("Dòng 4:", bad[3], StringComparison.Ordinal);
        Assert.StartsWith("Dòng 5:", bad[4], StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_written_before_the_current_field_layout_is_not_opened_so_the_node_rebuilds_it()
    {
        var folder = Path.Combine(_folder, "index-old");
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(CucThongKe.Search.Analysis.VietnameseAnalyzer.Version, SearchIndexStore.CreateAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { [SearchIndexStore.CursorKey] = "7" });
            writer.Commit();
        }

        File.WriteAllText(Path.Combine(_folder, "current"), "index-old");

        Assert.False(_store.TryOpen());
        Assert.False(_store.IsOpen);
    }
}
