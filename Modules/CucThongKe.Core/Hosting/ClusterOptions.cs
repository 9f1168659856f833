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

    /// <summary>How long a stopping node (SIGTERM, <c>systemctl stop</c>) waits for the requests under way to finish, having
    /// stopped taking new ones, before its background loops stop and its leases are released; keep it under systemd's
    /// <c>TimeoutStopSec</c> (45 s in deploy/cucthongke.service).</summary>
    public int ShutdownSeconds { get; set; } = 30;

    /// <summary>The Redis server the nodes share (StackExchange.Redis configuration, e.g. <c>127.0.0.1:6379</c>), for what must
    /// pass between nodes at once: page-cache evictions, rate-limit counters, who is editing what. Optional on one node (nothing
    /// is shared then); required with <see cref="MultipleNodes"/>.</summary>
    public string? Redis { get; set; }

    /// <summary>The start of every key and channel this site uses in Redis, so that several sites can share one server.</summary>
    public string RedisPrefix { get; set; } = "cucthongke:";
}
