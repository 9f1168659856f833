namespace CucThongKe.Statistics.OpenData;

/// <summary>The open data API's limits (<c>Cms:OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string SectionName = "Cms:OpenData";

    /// <summary>Requests one address may make to <c>/api/data</c> a minute (a program reading every series needs a few dozen).</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;

    /// <summary>How long a client or a shared cache may keep an answer of <c>/api/data</c> (Cache-Control max-age). A value
    /// released meanwhile reaches such a client this much later, never earlier.</summary>
    public int ApiCacheSeconds { get; set; } = 300;
}
