using CucThongKe.ArchitectureTests.Infrastructure;
using CucThongKe.ArchitectureTests.SelfTests.Fixtures.Registrations;

namespace CucThongKe.ArchitectureTests.SelfTests;

/// <summary>Each rule shown a violation (the fixtures next to this file, or a synthetic graph) catches it: the rules can fail.</summary>
public sealed class RuleSelfTests
{
    private const string Fixtures = "CucThongKe.ArchitectureTests.SelfTests.Fixtures";

    private static CompiledAssembly ThisAssembly => CompiledAssembly.Read(typeof(RuleSelfTests).Assembly.Location);

    [Fact]
    public void The_cycle_detector_finds_a_cycle_in_a_synthetic_graph_and_names_what_makes_it()
    {
        var graph = new Graph();
        graph.AddEdge("A", "B", "A1 uses B1");
        graph.AddEdge("B", "C", "B1 uses C1");
        graph.AddEdge("C", "A", "C1 uses A1");
        graph.AddEdge("C", "D", "C1 uses D1");
        graph.AddEdge("E", "E", "E1 uses E2");

        var cycles = graph.Cycles();

        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, c => c.SequenceEqual(["A", "B", "C"]));
        Assert.Contains(cycles, c => c.SequenceEqual(["E"]));
        var described = graph.Describe(cycles.Single(c => c.Count == 3));
        Assert.Contains("C → A: C1 uses A1", described, StringComparison.Ordinal);
        Assert.DoesNotContain("D", described, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cycle_detector_finds_nothing_in_a_graph_without_a_cycle()
    {
        var graph = new Graph();
        graph.AddEdge("Web", "Theme");
        graph.AddEdge("Theme", "Contents");
        graph.AddEdge("Web", "Contents");
        graph.AddEdge("Contents", "Core");

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void The_folder_rule_sees_a_cycle_made_only_inside_method_bodies()
    {
        var graph = Rules.FolderGraph(ThisAssembly, Fixtures + ".Cycle");

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal([Fixtures + ".Cycle.Left", Fixtures + ".Cycle.Right"], cycle);
        var described = graph.Describe(cycle);
        Assert.Contains("First uses Second", described, StringComparison.Ordinal);
        Assert.Contains("Second uses First", described, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_rule_catches_a_type_using_CmsDbContext_DbSet_and_an_entity_configuration()
    {
        var offences = Rules.DatabaseUse(ThisAssembly, Fixtures + ".Database");

        Assert.Contains(offences, o => o.StartsWith("CucThongKe.ArchitectureTests references the assembly Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains($"{Fixtures}.Database.ReadsTheDatabase uses CucThongKe.Core.Data.CmsDbContext", offences);
        Assert.Contains($"{Fixtures}.Database.ReadsTheDatabase uses Microsoft.EntityFrameworkCore.DbSet`1", offences);
        Assert.Contains($"{Fixtures}.Database.MapsAnEntity uses Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1", offences);
        Assert.DoesNotContain(offences, o => o.Contains(".Naming.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_naming_rule_catches_types_and_members_named_after_workflows()
    {
        var offences = Rules.NamedAfter(ThisAssembly, "Workflow", Fixtures + ".Naming");

        Assert.Equal(
            [
                $"{Fixtures}.Naming.ApprovalWorkflowSettings",
                $"{Fixtures}.Naming.TypeSettingsLike.IsGovernedByAWorkflow",
                $"{Fixtures}.Naming.TypeSettingsLike.Workflow",
            ],
            offences);
    }

    [Fact]
    public void The_registration_rule_catches_a_theme_registering_a_handler_a_hosted_service_a_rate_limit_and_middleware()
    {
        var offences = ModuleRegistrations.BehaviourOf(new BusyThemeModule());

        Assert.Contains(offences, o => o.Contains("IContentHandler → " + typeof(Handler).FullName, StringComparison.Ordinal));
        Assert.Contains(offences, o => o.Contains("IHostedService", StringComparison.Ordinal));
        Assert.Contains(offences, o => o.Contains("rate limiting", StringComparison.Ordinal));
        Assert.Contains(offences, o => o.Contains("ConfigureEarly adds middleware " + typeof(PageCache).FullName, StringComparison.Ordinal));
        Assert.Equal(4, offences.Count);
        Assert.Empty(ModuleRegistrations.BehaviourOf(new QuietThemeModule()));
    }

    [Fact]
    public void The_theme_rule_catches_a_module_reaching_a_theme_through_another_project()
    {
        var graph = new Graph();
        graph.AddEdge("Modules.Feeds", "Modules.Contents");
        graph.AddEdge("Modules.Contents", "Theme.Public");
        graph.AddEdge("Theme.Public", "Modules.Core");
        graph.AddEdge("Modules.Search", "Modules.Core");

        var offences = Rules.ThemesReached(graph, ["Modules.Feeds", "Modules.Contents", "Modules.Search"], new HashSet<string>(["Theme.Public"]));

        Assert.Equal(
            [
                "Modules.Contents depends on the theme Theme.Public (through project references)",
                "Modules.Feeds depends on the theme Theme.Public (through project references)",
            ],
            offences);
    }

    [Fact]
    public void The_host_rule_catches_a_module_class_Program_cs_does_not_list()
    {
        var listed = Rules.ModulesListedIn("builder.AddCms(modules => modules\n    .Add<QuietThemeModule>());");
        Assert.Equal(["QuietThemeModule"], listed);

        var offences = Rules.UnlistedModules([typeof(QuietThemeModule)], [typeof(QuietThemeModule), typeof(BusyThemeModule)]);

        Assert.Equal([$"{typeof(BusyThemeModule).FullName} (CucThongKe.ArchitectureTests) is not listed in CucThongKe.Web/Program.cs nor a dependency of a module listed there"], offences);
    }

    [Fact]
    public void The_readme_rule_catches_a_module_folder_without_one()
    {
        var folder = Directory.CreateTempSubdirectory("archtests-readme-");
        try
        {
            var project = new ProjectFile("CucThongKe.Nowhere", Path.Combine(folder.FullName, "CucThongKe.Nowhere.csproj"), ProjectKind.Module, []);
            Assert.Single(Rules.MissingReadmes([project]));
            File.WriteAllText(Path.Combine(folder.FullName, "README.md"), "# Nowhere");
            Assert.Empty(Rules.MissingReadmes([project]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
