using CucThongKe.Core.Setup;

namespace CucThongKe.Core.Hosting;

/// <summary>The <c>Cms</c> configuration section.</summary>
public sealed class CmsOptions
{
    public const string SectionName = "Cms";

    /// <summary>The data folder: database, media and indexes. Relative paths are taken from the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public CmsDatabaseOptions Database { get; set; } = new();

    public CmsSetupOptions Setup { get; set; } = new();

    public CmsNetworkOptions Network { get; set; } = new();

    /// <summary>The data folder as an absolute path.</summary>
    public string ResolveDataPath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataPath) ? DataPath : Path.Combine(contentRoot, DataPath));
}

/// <summary>The <c>Cms:Database</c> section.</summary>
public sealed class CmsDatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Database contexts a node keeps for reuse (each keeps EF Core's services for it, a few kilobytes); more can
    /// be in use at once under a burst, those are created and dropped. From 1 to 1,024.</summary>
    public int ContextPoolSize { get; set; } = 128;
}

/// <summary>The database servers the site runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Cms:Network</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed.</summary>
/// <remarks>Empty by default: forwarded headers are then ignored, since anyone can send them. Sign-in and form rate
/// limits and the sign-in log count the address a listed proxy reports, and the connection's own address otherwise.</remarks>
public sealed class CmsNetworkOptions
{
    /// <summary>Proxy addresses (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
