using CucThongKe.Statistics.DataTables;

namespace CucThongKe.Tests.Statistics;

/// <summary>How a table's cell is read as a number: the Vietnamese rule ('.' thousands, ',' decimal), and a single '.'
/// that cannot group thousands read as a decimal point.</summary>
public sealed class StatTableNumberTests
{
    [Theory]
    [InlineData("1.234", "1234")]
    [InlineData("12.345.678", "12345678")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("6,5", "6.5")]
    [InlineData("6,5%", "6.5")]
    [InlineData("-1.234,56", "-1234.56")]
    [InlineData("1 234,5", "1234.5")]
    [InlineData("1\u00a0234", "1234")]
    [InlineData("180.000", "180000")]
    [InlineData("103,52", "103.52")]
    [InlineData("0,25", "0.25")]
    [InlineData("1234", "1234")]
    public void Vietnamese_numbers_group_thousands_with_a_dot_and_mark_decimals_with_a_comma(string cell, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatTable.Number(cell));

    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.2345", "1.2345")]
    [InlineData("0.123", "0.123")]
    [InlineData("-0.5", "-0.5")]
    public void A_single_dot_that_cannot_group_thousands_is_a_decimal_point(string cell, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatTable.Number(cell));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("1.2.3")]
    [InlineData("1.234.5")]
    [InlineData("1,234.5")]
    [InlineData("1.23,4")]
    [InlineData("1,2,3")]
    [InlineData("12.34.567")]
    [InlineData("1.")]
    [InlineData("tăng 5")]
    [InlineData("x")]
    public void Anything_else_is_not_a_number(string cell) => Assert.Null(StatTable.Number(cell));
}
