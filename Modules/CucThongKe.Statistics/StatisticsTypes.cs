namespace CucThongKe.Statistics;

/// <summary>The names the office's setup recipe gives the socio-economic report type and its taxonomy.</summary>
public static class StatisticsTypes
{
    public const string SocioEconomicReport = "SocioEconomicReport";

    /// <summary>Kỳ báo cáo: thang, quy, 6-thang, 9-thang, nam.</summary>
    public const string ReportPeriods = "ky-bao-cao";
}
