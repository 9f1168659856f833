using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CucThongKe.Office.Obligations;

/// <summary>
/// The reporting period an item says it covers, when its type carries one: a part named after the type with the taxonomy field
/// <c>PeriodKind</c> (the setup recipe's "Kỳ báo cáo" terms <c>thang</c>, <c>quy</c>, <c>6-thang</c>, <c>9-thang</c>, <c>nam</c>), the
/// number <c>Period</c> (the month or quarter) and <c>Year</c>, as the socio-economic report has them. Such an item fulfils only
/// the entry of that period (a quarter's report is not a month's); an item without them is matched by its submission time.
/// </summary>
public static class ItemReportingPeriod
{
    /// <summary>The key a period named by an item has no obligation with (the cumulative "9 tháng" report).</summary>
    public const string NoObligationPeriod = "";

    /// <summary>Null: the item names no period; else the period key (<c>2026-11</c>, <c>2026-Q3</c>, <c>2026-H1</c>, <c>2026</c>),
    /// or <see cref="NoObligationPeriod"/> for a period no obligation has.</summary>
    public static string? KeyOf(string contentType, JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content[contentType] is not JsonObject part || part["PeriodKind"]?["TermIds"] is not JsonArray { Count: > 0 } terms
            || terms[0] is not JsonValue term || !term.TryGetValue<string>(out var kind))
        {
            return null;
        }

        if (Number(part["Year"]) is not { } year || year is < 2000 or > 2100)
        {
            return NoObligationPeriod;
        }

        var period = Number(part["Period"]);
        var y = year.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            "thang" when period is >= 1 and <= 12 => $"{y}-{period.Value.ToString("00", CultureInfo.InvariantCulture)}",
            "quy" when period is >= 1 and <= 4 => $"{y}-Q{period.Value.ToString(CultureInfo.InvariantCulture)}",
            "6-thang" => period == 2 ? $"{y}-H2" : $"{y}-H1",
            "nam" => y,
            _ => NoObligationPeriod,
        };
    }

    // Read from its JSON text: a stored item holds a JsonElement, one built in code an int or a decimal.
    private static int? Number(JsonNode? field) =>
        field?["Value"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && int.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
