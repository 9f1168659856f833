using System.Globalization;

namespace CucThongKe.Statistics.Indicators;

/// <summary>The one formatter of figures for readers: Vietnamese separators (<c>1.234,5</c>, <c>6,5%</c>).</summary>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>The value with <paramref name="decimals"/> places (trailing zeros kept, as statistical tables do), grouped by thousands.</summary>
    public static string Text(decimal value, int decimals = 1) =>
        Math.Round(value, Math.Clamp(decimals, 0, 6), MidpointRounding.AwayFromZero).ToString("N" + Math.Clamp(decimals, 0, 6).ToString(CultureInfo.InvariantCulture), Format);

    /// <summary>The value followed by its unit: a percent sign sticks to the number (<c>6,5%</c>), other units follow a space.</summary>
    public static string WithUnit(decimal value, string? unit, int decimals = 1)
    {
        var text = Text(value, decimals);
        return string.IsNullOrWhiteSpace(unit) ? text : unit.Trim() == "%" ? text + "%" : text + " " + unit.Trim();
    }

    /// <summary>A change with its sign (<c>+0,3</c>, <c>-1,2</c>, <c>0,0</c>).</summary>
    public static string Change(decimal value, int decimals = 1)
    {
        var text = Text(value, decimals);
        return value > 0 && text.Any(c => c is >= '1' and <= '9') ? "+" + text : text;
    }

    /// <summary>The invariant form for machines (JSON, CSV, <c>data-</c> attributes): <c>1234.5</c>.</summary>
    public static string Invariant(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
