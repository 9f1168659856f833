using CucThongKe.Core.Modules;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Core.Data;

/// <summary>The site's one database: every module's entities, found in the modules' assemblies.</summary>
/// <remarks>
/// Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteCmsDbContext"/>, <see cref="PostgresCmsDbContext"/>). Services ask for <see cref="CmsDbContext"/>.
/// </remarks>
public abstract class CmsDbContext : DbContext
{
    private readonly ModuleCatalog _modules;

    protected CmsDbContext(DbContextOptions options, ModuleCatalog modules)
        : base(options)
    {
        _modules = modules;
    }

    public DbSet<SettingsDocument> Settings => Set<SettingsDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var assembly in _modules.Assemblies.Where(DeclaresEntities))
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    private static bool DeclaresEntities(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Dates are stored as UTC everywhere; the provider subclasses say how.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

/// <summary>The SQLite flavour of the site's database (the embedded default).</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options, ModuleCatalog modules)
    : CmsDbContext(options, modules)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; UTC DateTime is stored as sortable ISO text.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>The PostgreSQL flavour of the site's database.</summary>
public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options, ModuleCatalog modules)
    : CmsDbContext(options, modules);
