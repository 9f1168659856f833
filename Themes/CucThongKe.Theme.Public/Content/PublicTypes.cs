namespace CucThongKe.Theme.Public.Content;

/// <summary>The content types and taxonomies of the office's setup recipe that the public site shows.</summary>
public static class PublicTypes
{
    public const string Page = "Page";
    public const string News = "News";
    public const string LegalDocument = "LegalDocument";
    public const string Publication = "Publication";
    public const string SocioEconomicReport = "SocioEconomicReport";
    public const string Question = "Question";
    public const string Feedback = "Feedback";

    public const string NewsCategories = "chuyen-muc-tin";
    public const string DocumentTypes = "loai-van-ban";
    public const string StatisticsFields = "linh-vuc";
    public const string ReportPeriods = "ky-bao-cao";
}
