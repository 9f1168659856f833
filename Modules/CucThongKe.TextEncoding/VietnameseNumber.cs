using System.Globalization;
using System.Text.RegularExpressions;

namespace CucThongKe.TextEncoding;

/// <summary>
/// Numbers the Vietnamese way, the site's one reader and writer of them: '.' groups thousands and ',' is the decimal mark
/// (<c>1.234,5</c>, <c>6,5%</c>), whatever the server's or the request's culture.
/// </summary>
/// <remarks>Two readers, for two sources: <see cref="Parse"/> for a table's cells (what spreadsheets and other programs
/// export: grouping checked, a lone decimal point tolerated), <see cref="TryParsePoints"/> and <see cref="TryParseDong"/> for
/// what a person types in a form (a comma decides the Vietnamese form; đồng are whole).</remarks>
public static partial class VietnameseNumber
{
    /// <summary>The Vietnamese marks ('.' between thousands, ',' before decimals), read-only; for <c>ToString</c> and parsing.</summary>
    public static NumberFormatInfo Info { get; } = NumberFormatInfo.ReadOnly(new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" });

    /// <summary>A whole number grouped by dots: <c>1.250.000</c>.</summary>
    public static string Whole(long value) => value.ToString("#,##0", Info);

    /// <summary>Đồng as the pages show them: <c>1.250.000 đ</c>.</summary>
    public static string Dong(long value) => Whole(value) + " đ";

    /// <summary><paramref name="value"/> in a .NET numeric <paramref name="format"/> (<c>0.##</c>, <c>0.0</c>) with Vietnamese marks: <c>2,5</c>.</summary>
    public static string Format(decimal value, string format) => value.ToString(format, Info);

    /// <inheritdoc cref="Format(decimal, string)"/>
    public static string Format(double value, string format) => value.ToString(format, Info);

    /// <summary>
    /// Reads a table's cell as a number. The rule is Vietnamese: '.' groups thousands and ',' is the decimal mark ("1.234,5" is
    /// 1234.5, "6,5" is 6.5, "1.234" and "12.345.678" are whole numbers, with every group of three digits). A single '.'
    /// that cannot be a thousands separator (not followed by exactly three digits, or after a leading 0: "1234.5",
    /// "1.5", "0.123") is read as a decimal point, as other programs export numbers. Spaces, no-break spaces and a
    /// trailing '%' are ignored; anything else ("1.2.3", "1,234.5", "1.23,4", text) is not a number.
    /// </summary>
    public static decimal? Parse(string cell)
    {
        var text = cell.Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimEnd('%');
        if (text.Length == 0)
        {
            return null;
        }

        if (GroupedNumber().IsMatch(text))
        {
            return decimal.TryParse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Info, out var vietnamese) ? vietnamese : null;
        }

        return DecimalPoint().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var invariant)
            ? invariant
            : null;
    }

    /// <summary>A decimal typed in a form: a comma is the Vietnamese decimal mark (dots then group thousands); without one the
    /// text is invariant (a single dot is the decimal point, no grouping). Null: empty; false: not a number.</summary>
    public static bool TryParsePoints(string? text, out decimal? points)
    {
        points = null;
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return true;
        }

        var parsed = compact.Contains(',', StringComparison.Ordinal)
            ? decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Info, out var value)
            : decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        points = parsed ? value : null;
        return parsed;
    }

    /// <summary>Đồng typed in a form: whole, with dots or spaces between thousands and an optional "đ". Null: empty; false: not a whole number.</summary>
    public static bool TryParseDong(string? text, out long? amount)
    {
        amount = null;
        var compact = Compact(text).Replace("đ", "", StringComparison.OrdinalIgnoreCase).Replace(".", "", StringComparison.Ordinal);
        if (compact.Length == 0)
        {
            return Compact(text).Length == 0;
        }

        var parsed = long.TryParse(compact, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        amount = parsed ? value : null;
        return parsed;
    }

    private static string Compact(string? text) =>
        (text ?? "").Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    // Digits with '.' between groups of three (the first group not 0), or digits alone; then ',' and decimals.
    [GeneratedRegex(@"^[+-]?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")]
    private static partial Regex GroupedNumber();

    // One '.' that is not a thousands separator: what is left after GroupedNumber.
    [GeneratedRegex(@"^[+-]?\d*\.\d+$")]
    private static partial Regex DecimalPoint();
}
