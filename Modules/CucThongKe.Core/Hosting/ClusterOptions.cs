namespace CucThongKe.Core.Hosting;

/// <summary>The <c>Cms:Cluster</c> section: whether several nodes serve the site, and how they share background work.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cms:Cluster";

    /// <summary>Several nodes serve this site (behind a proxy, over one database). Start-up then refuses what only one node
    /// can use (SQLite) and warns about what each node keeps to itself (media on a local disk).</summary>
    public bool MultipleNodes { get; set; }

    /// <summary>This node's name in lease rows; by default the machine name, the process id and a random suffix.</summary>
    public string? NodeId { get; set; }

    /// <summary>How long a node holds a background-work lease without renewing it; another node takes the work over after that.</summary>
    public int LeaseSeconds { get; set; } = 60;
}
