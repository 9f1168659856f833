using CucThongKe.Core.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CucThongKe.Core.Data;

/// <summary>The site's one database: every module's entities, found in the modules' assemblies.</summary>
/// <remarks>
/// Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteCmsDbContext"/>, <see cref="PostgresCmsDbContext"/>). Services ask for <see cref="CmsDbContext"/>.
/// <para>Contexts are pooled (reused by request after request, reset in between): a context holds no state of its own
/// beyond what EF Core resets, and the modules whose entities make the model come with the options
/// (<see cref="CmsModelOptionsExtensions.UseModules"/>).</para>
/// </remarks>
public abstract class CmsDbContext : DbContext
{
    private readonly ModuleCatalog _modules;

    protected CmsDbContext(DbContextOptions options)
        : base(options)
    {
        _modules = options.FindExtension<CmsModelOptions>()?.Modules
            ?? throw new InvalidOperationException("The site's context needs its modules: UseModules(catalog).");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var assembly in _modules.Assemblies.Where(DeclaresEntities))
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    private static bool DeclaresEntities(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)));

    /// <summary>
    /// Values that must stay byte for byte as written, never cleaned: secrets and the keys Identity computes from other
    /// columns (cleaning a hash or a stamp would break sign-in; a normalised name is recomputed from the cleaned name).
    /// They are ASCII in practice, so this is a guard, not a cost. Listed by name because Identity's types are not ours.
    /// </summary>
    private static readonly HashSet<string> ExactTextProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedUserName", "NormalizedEmail", "NormalizedName",
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        CleanText();
        try
        {
            // Changes were detected once, by CleanText; the values it cleaned were set through the tracker.
            ChangeTracker.AutoDetectChangesEnabled = false;
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        CleanText();
        try
        {
            ChangeTracker.AutoDetectChangesEnabled = false;
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// The last gate of Điều 15.3: whatever path wrote it (a page, the API, a recipe step, an import), no string reaches
    /// the database un-normalised. Only new rows and changed columns are looked at, and clean text costs one scan.
    /// Keys and foreign keys are left alone (changing one would break the row's identity or its links).
    /// </summary>
    private void CleanText()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                foreach (var property in entry.Properties)
                {
                    CleanProperty(entry.State, property);
                }
            }
        }
    }

    private static void CleanProperty(EntityState state, PropertyEntry property)
    {
        if (property.CurrentValue is not string text || (state == EntityState.Modified && !property.IsModified))
        {
            return;
        }

        var clean = TextNormalizer.Normalize(text);
        if (!ReferenceEquals(clean, text) && !property.Metadata.IsKey() && !property.Metadata.IsForeignKey()
            && !property.Metadata.IsConcurrencyToken && !ExactTextProperties.Contains(property.Metadata.Name))
        {
            property.CurrentValue = clean;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Dates are stored as UTC everywhere; the provider subclasses say how.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

/// <summary>The SQLite flavour of the site's database (the embedded default).</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options)
    : CmsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; UTC DateTime is stored as sortable ISO text.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>The PostgreSQL flavour of the site's database.</summary>
public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options)
    : CmsDbContext(options);
