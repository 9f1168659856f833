namespace CucThongKe.Core.Settings;

/// <summary>The site's identity and contacts (Điều 3.3): shown in the layout, the footer and metadata.</summary>
public sealed class SiteSettings
{
    public const string DocumentName = "Site";

    public string SiteName { get; set; } = "Trang thông tin điện tử";

    public string? OwnerName { get; set; }

    public string? ShortName { get; set; }

    public string? BaseUrl { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    /// <summary>The person responsible for the site's content, as the state-website rules require in the footer.</summary>
    public string? ResponsiblePerson { get; set; }

    public string? LicenceNumber { get; set; }

    /// <summary>The citation line of Điều 8.1.</summary>
    public string Citation { get; set; } = "Thông tin khai thác từ Trang Thông tin điện tử";

    /// <summary>The address of a visitor-statistics script the public pages load (e.g. a Matomo tag file), null for none:
    /// off by default; its origin alone is added to the Content-Security-Policy (<see cref="AnalyticsScript"/>).</summary>
    public string? AnalyticsScriptUrl { get; set; }

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public int PageSize { get; set; } = 20;
}
