using CucThongKe.Search.Querying;
using CucThongKe.Statistics.Indicators;

namespace CucThongKe.Tests.Statistics;

/// <summary>How a search names an indicator and a period: the rules behind the answer cards of /tim-kiem.</summary>
public sealed class IndicatorSearchAnswerTests
{
    private static readonly SynonymList Synonyms = SynonymList.From([["CPI", "chỉ số giá tiêu dùng"]]);

    private static readonly Indicator Cpi = new() { Code = "cpi", Name = "Chỉ số giá tiêu dùng (CPI) so với cùng kỳ năm trước", Frequency = PeriodKind.Month };

    private static readonly Indicator Population = new() { Code = "dan-so", Name = "Dân số trung bình", Frequency = PeriodKind.Year };

    private static bool Named(string query, Indicator indicator) =>
        IndicatorQuery.Named(SearchQueryParser.Words(query, Synonyms), indicator);

    [Theory]
    [InlineData("CPI tháng 10", true)]
    [InlineData("cpi", true)]
    [InlineData("chỉ số giá tiêu dùng tháng 10", true)]
    [InlineData("chi so gia tieu dung", true)]
    [InlineData("chỉ số giá", false)]
    [InlineData("giá tiêu dùng", false)]
    [InlineData("cpix", false)]
    public void An_indicator_is_named_by_its_code_its_name_its_abbreviation_or_a_synonym(string query, bool named) =>
        Assert.Equal(named, Named(query, Cpi));

    [Theory]
    [InlineData("dân số 2025", true)]
    [InlineData("dan so trung binh", true)]
    [InlineData("số dân", false)]
    public void A_code_with_a_hyphen_is_read_as_syllables(string query, bool named) =>
        Assert.Equal(named, Named(query, Population));

    [Theory]
    [InlineData("dẫn số", false)]
    [InlineData("dân sổ", false)]
    [InlineData("Dân Số", true)]
    [InlineData("dan so", true)]
    [InlineData("dân so", false)]
    [InlineData("DAN SO 2025", true)]
    public void Typed_diacritics_are_respected_and_folding_is_only_for_a_query_typed_without_them(string query, bool named) =>
        Assert.Equal(named, Named(query, Population));

    [Theory]
    [InlineData("chỉ sổ giá tiêu dùng", false)]
    [InlineData("CPI tháng 10", true)]
    [InlineData("cpi thang 10", true)]
    [InlineData("chi so gia tieu dung thang 10", true)]
    public void A_synonym_names_the_indicator_in_its_own_form_whatever_the_rest_of_the_query(string query, bool named) =>
        Assert.Equal(named, Named(query, Cpi));

    [Theory]
    [InlineData("CPI tháng 10", PeriodKind.Month, 10, null)]
    [InlineData("cpi thang 10 nam 2025", PeriodKind.Month, 10, 2025)]
    [InlineData("CPI T10/2026", PeriodKind.Month, 10, 2026)]
    [InlineData("CPI 10/2026", PeriodKind.Month, 10, 2026)]
    [InlineData("GRDP quý III năm 2026", PeriodKind.Quarter, 3, 2026)]
    [InlineData("grdp quy 2", PeriodKind.Quarter, 2, null)]
    [InlineData("xuất khẩu 9 tháng 2026", PeriodKind.NineMonths, 0, 2026)]
    [InlineData("dân số năm 2025", null, null, 2025)]
    public void The_period_asked_is_read_from_the_query(string query, PeriodKind? kind, int? number, int? year) =>
        Assert.Equal(new AskedPeriod(kind, number, year), AskedPeriod.From(SynonymList.FoldedSyllables(query)));

    [Theory]
    [InlineData("CPI")]
    [InlineData("CPI tháng 13")]
    [InlineData("dân số 1850")]
    public void A_query_without_a_valid_period_asks_for_the_latest(string query) =>
        Assert.Null(AskedPeriod.From(SynonymList.FoldedSyllables(query)));

    [Fact]
    public void A_month_without_a_year_matches_that_month_of_any_year_and_a_year_alone_any_period_of_it()
    {
        var october = new AskedPeriod(PeriodKind.Month, 10, null);
        Assert.True(october.Matches(new Period(PeriodKind.Month, 2025, 10)));
        Assert.True(october.Matches(new Period(PeriodKind.Month, 2026, 10)));
        Assert.False(october.Matches(new Period(PeriodKind.Month, 2026, 9)));
        Assert.False(october.Matches(new Period(PeriodKind.Quarter, 2026, 4)));

        var year = new AskedPeriod(null, null, 2025);
        Assert.True(year.Matches(new Period(PeriodKind.Year, 2025, 0)));
        Assert.False(year.Matches(new Period(PeriodKind.Year, 2024, 0)));
    }
}
