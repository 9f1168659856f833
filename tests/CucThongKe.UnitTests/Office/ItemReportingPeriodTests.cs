using System.Text.Json.Nodes;
using CucThongKe.Office.Obligations;

namespace CucThongKe.Tests.Office;

/// <summary>An item that names its reporting period (the socio-economic report's kind, period and year) fulfils that period only.</summary>
public sealed class ItemReportingPeriodTests
{
    private static JsonObject Report(string? kind, int? period, int? year)
    {
        var part = new JsonObject();
        if (kind is not null)
        {
            part["PeriodKind"] = new JsonObject { ["TermIds"] = new JsonArray(kind) };
        }

        if (period is not null)
        {
            part["Period"] = new JsonObject { ["Value"] = period };
        }

        if (year is not null)
        {
            part["Year"] = new JsonObject { ["Value"] = year };
        }

        return new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Tình hình kinh tế - xã hội" }, ["SocioEconomicReport"] = part };
    }

    [Theory]
    [InlineData("thang", 11, 2026, "2026-11")]
    [InlineData("thang", 3, 2027, "2027-03")]
    [InlineData("quy", 3, 2026, "2026-Q3")]
    [InlineData("6-thang", null, 2026, "2026-H1")]
    [InlineData("nam", null, 2025, "2025")]
    [InlineData("9-thang", 9, 2026, ItemReportingPeriod.NoObligationPeriod)]
    [InlineData("thang", 13, 2026, ItemReportingPeriod.NoObligationPeriod)]
    [InlineData("quy", null, 2026, ItemReportingPeriod.NoObligationPeriod)]
    [InlineData("thang", 11, null, ItemReportingPeriod.NoObligationPeriod)]
    public void A_report_names_the_period_of_its_kind_number_and_year(string kind, int? period, int? year, string expected) =>
        Assert.Equal(expected, ItemReportingPeriod.KeyOf("SocioEconomicReport", Report(kind, period, year)));

    [Fact]
    public void An_item_without_a_period_kind_names_none_and_is_matched_by_time()
    {
        Assert.Null(ItemReportingPeriod.KeyOf("SocioEconomicReport", Report(null, 11, 2026)));
        Assert.Null(ItemReportingPeriod.KeyOf("News", new JsonObject { ["News"] = new JsonObject { ["Authors"] = new JsonObject { ["Text"] = "Phạm Thị Hoa" } } }));
    }
}
