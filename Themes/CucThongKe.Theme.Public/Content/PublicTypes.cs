using CucThongKe.LegalDocuments;
using CucThongKe.Statistics;

namespace CucThongKe.Theme.Public.Content;

/// <summary>The content types and taxonomies of the office's setup recipe that the public site shows (those a module owns are that module's names).</summary>
public static class PublicTypes
{
    public const string Page = "Page";
    public const string News = "News";
    public const string LegalDocument = LegalDocumentTypes.LegalDocument;
    public const string Publication = "Publication";
    public const string SocioEconomicReport = StatisticsTypes.SocioEconomicReport;
    public const string Question = "Question";
    public const string Feedback = "Feedback";

    public const string NewsCategories = "chuyen-muc-tin";
    public const string DocumentTypes = LegalDocumentTypes.DocumentTypes;
    public const string StatisticsFields = LegalDocumentTypes.StatisticsFields;
    public const string ReportPeriods = StatisticsTypes.ReportPeriods;
}
