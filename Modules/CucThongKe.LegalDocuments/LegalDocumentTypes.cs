namespace CucThongKe.LegalDocuments;

/// <summary>The names the office's setup recipe gives the legal document type and its taxonomies.</summary>
public static class LegalDocumentTypes
{
    public const string LegalDocument = "LegalDocument";

    /// <summary>Loại văn bản (the lookup's type filter).</summary>
    public const string DocumentTypes = "loai-van-ban";

    /// <summary>Lĩnh vực thống kê (the lookup's field filter; related documents are filed by it).</summary>
    public const string StatisticsFields = "linh-vuc";
}
