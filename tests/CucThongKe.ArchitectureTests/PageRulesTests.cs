using CucThongKe.ArchitectureTests.Infrastructure;

namespace CucThongKe.ArchitectureTests;

/// <summary>Pages are slices over services: a page model or a view binds, authorizes, calls a service of its module and redirects; queries and writes live in the module's services.</summary>
public sealed class PageRulesTests
{
    public static TheoryData<string> Modules => new(Repository.Modules.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_page_model_or_view_does_not_use_the_database_context(string module)
    {
        var assembly = CompiledAssembly.Read(Repository.Project(module).AssemblyPath);
        // A module may reference EF Core (its services do); only the uses from its pages and compiled views count here.
        var fromPages = Rules.DatabaseUse(assembly, $"{module}.Pages").Concat(Rules.DatabaseUse(assembly, "AspNetCoreGeneratedDocument"))
            .Where(o => !o.StartsWith($"{assembly.Name} references the assembly ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        Verdict.NoOffences($"{module}'s pages use the database; move the query or the write into a service of the module:", fromPages);
    }
}
