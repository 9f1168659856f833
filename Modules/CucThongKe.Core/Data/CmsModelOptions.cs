using CucThongKe.Core.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Data;

/// <summary>The modules whose entities make <see cref="CmsDbContext"/>'s model, carried by the context's options: a pooled
/// context is built from its options alone.</summary>
public sealed class CmsModelOptions(ModuleCatalog modules) : IDbContextOptionsExtension
{
    public ModuleCatalog Modules => modules;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(CmsModelOptions extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

/// <summary>Gives a context's options the site's modules.</summary>
public static class CmsModelOptionsExtensions
{
    public static DbContextOptionsBuilder UseModules(this DbContextOptionsBuilder options, ModuleCatalog modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new CmsModelOptions(modules));
        return options;
    }
}
