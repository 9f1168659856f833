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
        Assert.Equal(803, results.Total);
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
}
