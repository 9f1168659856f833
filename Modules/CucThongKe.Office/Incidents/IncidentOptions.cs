namespace CucThongKe.Office.Incidents;

/// <summary>The settings of the incident log and the site's own checks (section <c>Cms:Office:Incidents</c>).</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Cms:Office:Incidents";

    /// <summary>Whether this node runs the checks (health, database, disk, error rate, mail) in the background.</summary>
    public bool RunMonitor { get; set; } = true;

    /// <summary>How often the checks run.</summary>
    public int CheckSeconds { get; set; } = 60;

    /// <summary>The technical staff: roles told of every new incident, in the back office and by mail (Điều 11.6).</summary>
    public List<string> AlertRoles { get; set; } = ["Administrator", "Publisher"];

    /// <summary>An incident when at least this percentage of the answers of the window were server errors (5xx)...</summary>
    public int ErrorRatePercent { get; set; } = 20;

    /// <summary>...and the window saw at least this many requests (two failures of three requests at night are no incident).</summary>
    public int ErrorRateMinRequests { get; set; } = 20;

    /// <summary>The window of the error rate, in minutes (1-10).</summary>
    public int ErrorRateWindowMinutes { get; set; } = 5;

    /// <summary>An incident when the data folder's disk has less free space than this percentage.</summary>
    public int DiskFreePercent { get; set; } = 10;

    /// <summary>The site's TLS certificate to watch: a file (PEM, DER or PKCS#12 without password) or the <c>host:port</c> serving it;
    /// none: not checked. Read once a day.</summary>
    public string? Certificate { get; set; }

    /// <summary>An incident this many days before the certificate expires.</summary>
    public int CertificateWarningDays { get; set; } = 21;
}
