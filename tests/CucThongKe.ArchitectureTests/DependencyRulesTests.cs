using CucThongKe.ArchitectureTests.Infrastructure;

namespace CucThongKe.ArchitectureTests;

/// <summary>Dependencies point one way: modules never depend on themes, and neither projects nor the folders inside a
/// project depend on each other in a circle.</summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string> ProjectsWithFolders =>
        new(Repository.ModulesAndThemes.Select(p => p.Name).Append("CucThongKe.Web"));

    [Fact]
    public void No_module_depends_on_a_theme()
    {
        var themes = Repository.Themes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var modules = Repository.Modules.ToList();
        var offences = Rules.ThemesReached(Rules.ProjectGraph(Repository.Projects), modules.Select(m => m.Name), themes).ToList();
        foreach (var module in modules)
        {
            offences.AddRange(CompiledAssembly.Read(module.AssemblyPath).AssemblyReferences
                .Where(themes.Contains)
                .Select(theme => $"{module.Name}.dll references the theme's assembly {theme}"));
        }

        Verdict.NoOffences("A module depends on a theme; themes depend on modules, never the reverse:", offences);
    }

    [Fact]
    public void No_cycle_between_projects()
    {
        var graph = Rules.ProjectGraph(Repository.Projects);
        Verdict.NoOffences("The projects' references make a cycle:", graph.Cycles().Select(c => graph.Describe(c)));
    }

    [Theory]
    [MemberData(nameof(ProjectsWithFolders))]
    public void No_cycle_between_the_folders_of_a_project(string project)
    {
        var assembly = CompiledAssembly.Read(Repository.Project(project).AssemblyPath);
        var graph = Rules.FolderGraph(assembly, project);
        Verdict.NoOffences(
            $"The folders (namespaces) of {project} depend on each other in a circle; move the types named below so that dependencies point one way:",
            graph.Cycles().Select(c => graph.Describe(c)));
    }
}
