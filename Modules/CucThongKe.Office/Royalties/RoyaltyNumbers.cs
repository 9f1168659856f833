using System.Globalization;

namespace CucThongKe.Office.Royalties;

/// <summary>
/// Numbers typed in the royalty forms, read the same whatever the server's culture: points in Vietnamese form (<c>1.234,5</c>,
/// <c>2,5</c>) when a comma is present, else invariant (<c>2.5</c>); đồng as whole numbers grouped by dots or spaces
/// (<c>1.250.000</c>, <c>1 250 000 đ</c>).
/// </summary>
public static class RoyaltyNumbers
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    /// <summary>Points: a comma is the Vietnamese decimal mark (dots then group thousands); without one the text is invariant
    /// (a single dot is the decimal point, no grouping). Null: empty; false: not a number.</summary>
    public static bool TryParsePoints(string? text, out decimal? points)
    {
        points = null;
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return true;
        }

        var parsed = compact.Contains(',', StringComparison.Ordinal)
            ? decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Vietnamese, out var value)
            : decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        points = parsed ? value : null;
        return parsed;
    }

    /// <summary>Đồng: whole, with dots or spaces between thousands and an optional "đ". Null: empty; false: not a whole number.</summary>
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
}
