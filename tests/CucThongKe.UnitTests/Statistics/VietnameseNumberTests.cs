using CucThongKe.Statistics.Indicators;

namespace CucThongKe.Tests.Statistics;

public class VietnameseNumberTests
{
    [Theory]
    [InlineData("6.5", 1, "6,5")]
    [InlineData("1234.5", 1, "1.234,5")]
    [InlineData("1234567.891", 2, "1.234.567,89")]
    [InlineData("103.52", 2, "103,52")]
    [InlineData("7", 1, "7,0")]
    [InlineData("0.05", 1, "0,1")]
    [InlineData("-1234.25", 1, "-1.234,3")]
    [InlineData("2500", 0, "2.500")]
    public void Numbers_use_a_comma_for_decimals_and_dots_for_thousands(string value, int decimals, string expected) =>
        Assert.Equal(expected, VietnameseNumber.Text(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("6.5", "%", "6,5%")]
    [InlineData("5320", "tỷ đồng", "5.320,0 tỷ đồng")]
    [InlineData("1362.5", "nghìn người", "1.362,5 nghìn người")]
    [InlineData("7.25", null, "7,3")]
    public void A_percent_sticks_to_the_number_and_other_units_follow_a_space(string value, string? unit, string expected) =>
        Assert.Equal(expected, VietnameseNumber.WithUnit(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit));

    [Theory]
    [InlineData("0.3", "+0,3")]
    [InlineData("-1.2", "-1,2")]
    [InlineData("0", "0,0")]
    [InlineData("0.01", "0,0")]
    public void A_change_carries_its_sign_only_when_it_shows(string value, string expected) =>
        Assert.Equal(expected, VietnameseNumber.Change(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Machines_get_the_invariant_form() =>
        Assert.Equal("1234.5", VietnameseNumber.Invariant(1234.50m));
}
