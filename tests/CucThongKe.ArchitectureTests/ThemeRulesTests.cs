using System.Reflection;
using CucThongKe.ArchitectureTests.Infrastructure;
using CucThongKe.Core.Modules;

namespace CucThongKe.ArchitectureTests;

/// <summary>A theme holds layouts, templates and assets: no database, no behaviour a second theme would have to copy.</summary>
public sealed class ThemeRulesTests
{
    public static TheoryData<string> Themes => new(Repository.Themes.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Themes))]
    public void A_theme_does_not_reference_the_database(string theme)
    {
        var assembly = CompiledAssembly.Read(Repository.Project(theme).AssemblyPath);
        Verdict.NoOffences(
            $"{theme} uses the database (EF Core, CmsDbContext, DbSet<>, IEntityTypeConfiguration<>); move that code to the module that owns the domain:",
            Rules.DatabaseUse(assembly));
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void A_theme_registers_no_index_provider_handler_guard_hosted_service_rate_limit_or_middleware(string theme)
    {
        var modules = Rules.ModuleClasses(Assembly.Load(theme)).ToList();
        Verdict.NoOffences(
            $"{theme}'s module class registers behaviour; a theme registers views only (move it to the module that owns it):",
            modules.SelectMany(m => ModuleRegistrations.BehaviourOf((CmsModule)Activator.CreateInstance(m)!)));
    }
}
