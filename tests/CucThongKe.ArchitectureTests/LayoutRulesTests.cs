using System.Reflection;
using System.Xml.Linq;
using CucThongKe.ArchitectureTests.Infrastructure;

namespace CucThongKe.ArchitectureTests;

/// <summary>The folder tree says what the site is: every module is documented, built and loaded by the host.</summary>
public sealed class LayoutRulesTests
{
    [Fact]
    public void Every_module_and_theme_has_a_README()
    {
        Verdict.NoOffences("A module or theme has no README.md:", Rules.MissingReadmes(Repository.ModulesAndThemes));
    }

    [Fact]
    public void Every_module_and_theme_project_is_in_the_solution()
    {
        var listed = XDocument.Load(Repository.Solution).Descendants()
            .Where(e => e.Name.LocalName == "Project")
            .Select(e => (string?)e.Attribute("Path"))
            .OfType<string>()
            .Select(path => Path.GetFullPath(Path.Combine(Repository.Root, path.Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
        Verdict.NoOffences(
            "A project is missing from CucThongKe.slnx, so ./build/test.sh never builds it:",
            Repository.ModulesAndThemes.Where(p => !listed.Contains(p.File)).Select(p => p.RelativePath));
    }

    [Fact]
    public void Every_module_and_theme_project_is_referenced_by_the_host()
    {
        var reached = Rules.ProjectGraph(Repository.Projects).ReachableFrom("CucThongKe.Web");
        Verdict.NoOffences(
            "A module or theme project is an orphan: CucThongKe.Web does not reference it (directly or through another module):",
            Repository.ModulesAndThemes.Where(p => !reached.Contains(p.Name)).Select(p => p.RelativePath));
    }

    [Fact]
    public void Program_cs_lists_every_module_class()
    {
        var assemblies = Repository.ModulesAndThemes.Select(p => Assembly.Load(p.Name)).ToList();
        var existing = assemblies.SelectMany(Rules.ModuleClasses).ToList();
        var names = Rules.ModulesListedIn(File.ReadAllText(Repository.HostProgram));
        var unknown = names.Where(n => !existing.Any(t => t.Name == n || t.FullName == n)).Select(n => $"Program.cs adds {n}, which no module or theme project defines");
        var listed = existing.Where(t => names.Contains(t.Name) || names.Contains(t.FullName!));
        Verdict.NoOffences("The host's module list (CucThongKe.Web/Program.cs) and the module classes disagree:", unknown.Concat(Rules.UnlistedModules(listed, existing)));
    }
}
