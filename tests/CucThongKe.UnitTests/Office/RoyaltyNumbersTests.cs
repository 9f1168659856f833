using System.Globalization;
using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.Office;

/// <summary>The royalty forms read numbers the same whatever the server's culture: Vietnamese when a comma is typed, invariant otherwise.</summary>
public sealed class RoyaltyNumbersTests
{
    [Theory]
    [InlineData("2,5", "2.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData(" 12 ", "12")]
    [InlineData("2.5", "2.5")]
    [InlineData("40", "40")]
    [InlineData("1 234,75", "1234.75")]
    public void Points_are_read_in_Vietnamese_form_with_a_comma_and_invariant_without_whatever_the_culture(string typed, string expected)
    {
        foreach (var culture in new[] { "vi-VN", "en-US", "de-DE", "" })
        {
            var before = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                Assert.True(VietnameseNumber.TryParsePoints(typed, out var points));
                Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), points);
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
            }
        }
    }

    [Theory]
    [InlineData("2,5,5")]
    [InlineData("1,234.5")]
    [InlineData("hai điểm")]
    [InlineData("1.234.5")]
    public void Text_that_is_not_a_number_in_either_form_is_refused(string typed) =>
        Assert.False(VietnameseNumber.TryParsePoints(typed, out _));

    [Theory]
    [InlineData("150.000", 150_000L)]
    [InlineData("1 250 000 đ", 1_250_000L)]
    [InlineData("250000", 250_000L)]
    public void Dong_are_whole_numbers_grouped_by_dots_or_spaces(string typed, long expected)
    {
        Assert.True(VietnameseNumber.TryParseDong(typed, out var amount));
        Assert.Equal(expected, amount);
    }

    [Fact]
    public void Empty_is_no_value_and_fractions_or_words_of_dong_are_refused()
    {
        Assert.True(VietnameseNumber.TryParsePoints("  ", out var none));
        Assert.Null(none);
        Assert.True(VietnameseNumber.TryParseDong("", out var noAmount));
        Assert.Null(noAmount);
        Assert.False(VietnameseNumber.TryParseDong("150,5", out _));
        Assert.False(VietnameseNumber.TryParseDong("-5", out _));
        Assert.False(VietnameseNumber.TryParseDong("đ", out _));
    }
}
