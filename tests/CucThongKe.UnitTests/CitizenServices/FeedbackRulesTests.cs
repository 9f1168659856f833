using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Outbox;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>The pure rules of the feedback inbox: the summary's periods, the categories' text, the statuses and the mail back-off.</summary>
public sealed class FeedbackRulesTests
{
    [Theory]
    [InlineData("2026-12", "Tháng 12/2026", "2026-11-30T17:00:00Z", "2026-12-31T17:00:00Z")]
    [InlineData("2026-01", "Tháng 1/2026", "2025-12-31T17:00:00Z", "2026-01-31T17:00:00Z")]
    [InlineData("2026-Q4", "Quý IV/2026", "2026-09-30T17:00:00Z", "2026-12-31T17:00:00Z")]
    [InlineData("2026-Q1", "Quý I/2026", "2025-12-31T17:00:00Z", "2026-03-31T17:00:00Z")]
    [InlineData("2026", "Năm 2026", "2025-12-31T17:00:00Z", "2026-12-31T17:00:00Z")]
    public void A_period_is_a_month_quarter_or_year_in_Vietnam_time(string code, string label, string from, string to)
    {
        var period = FeedbackPeriod.Parse(code)!;

        Assert.Equal(label, period.Label);
        Assert.Equal(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), period.FromUtc);
        Assert.Equal(DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), period.ToUtc);
        Assert.Equal(DateTimeKind.Utc, period.FromUtc.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-Q0")]
    [InlineData("2026-Q5")]
    [InlineData("2026-q4")]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("26-12")]
    [InlineData("2026-12-01")]
    [InlineData("２０２６")]
    public void Anything_else_is_no_period(string? code) => Assert.Null(FeedbackPeriod.Parse(code));

    [Fact]
    public void The_month_of_a_moment_is_its_month_in_Vietnam()
    {
        // 30/11 at 18:00 UTC is already 1/12 in Vietnam.
        Assert.Equal("2026-12", FeedbackPeriod.MonthOf(new DateTime(2026, 11, 30, 18, 0, 0, DateTimeKind.Utc)).Code);
        Assert.Equal("2026-11", FeedbackPeriod.MonthOf(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc)).Code);
    }

    [Fact]
    public void Categories_are_read_one_a_line_in_order_and_a_line_without_a_code_is_named()
    {
        var categories = FeedbackCategories.Parse("so-lieu: Số liệu thống kê\r\n\n  khac :  Khác  \n");

        Assert.Equal([("so-lieu", "Số liệu thống kê", 1), ("khac", "Khác", 2)], categories.Select(c => (c.Id, c.Name, c.Position)));
        var refusal = Assert.Throws<FeedbackInputException>(() => FeedbackCategories.Parse("so-lieu: Số liệu\nKhác"));
        Assert.Equal("Dòng 2 “Khác” phải có dạng “mã: Tên chủ đề”.", refusal.Message);
        Assert.Throws<FeedbackInputException>(() => FeedbackCategories.Parse(string.Join("\n", Enumerable.Range(1, 51).Select(i => $"c{i}: Chủ đề {i}"))));
    }

    [Fact]
    public void Categories_text_is_stored_as_NFC()
    {
        var decomposed = "khac: Kha\u0301c";
        Assert.Equal("Khác", FeedbackCategories.Parse(decomposed).Single().Name);
    }

    [Theory]
    [InlineData("New", FeedbackState.New)]
    [InlineData("InProgress", FeedbackState.InProgress)]
    [InlineData("Closed", FeedbackState.Closed)]
    public void A_status_is_one_of_its_names(string text, FeedbackState expected) => Assert.Equal(expected, FeedbackDesk.ParseStatus(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("closed")]
    [InlineData("Mới")]
    public void Any_other_status_is_refused_in_Vietnamese(string? text) =>
        Assert.StartsWith("Trạng thái không hợp lệ", Assert.Throws<FeedbackInputException>(() => FeedbackDesk.ParseStatus(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_mail_back_off_grows_five_times_from_a_minute_to_at_most_a_day()
    {
        Assert.Equal(
            [1, 5, 25, 125, 625, 1440, 1440],
            Enumerable.Range(1, 7).Select(a => (int)CitizenMailOutbox.Backoff(a).TotalMinutes));
    }
}
