using CucThongKe.ArchitectureTests.Infrastructure;

namespace CucThongKe.ArchitectureTests;

/// <summary>The content engine knows nothing of workflows: the approval chain plugs into it (publish guards, handlers,
/// its own type settings), never the other way round.</summary>
public sealed class ContentsRulesTests
{
    private const string Contents = "CucThongKe.Contents";
    private const string Workflows = "CucThongKe.Workflows";

    [Fact]
    public void Contents_does_not_reference_the_Workflows_project_or_assembly()
    {
        var projects = Rules.ProjectGraph(Repository.Projects);
        var assembly = CompiledAssembly.Read(Repository.Project(Contents).AssemblyPath);
        var offences = new List<string>();
        if (projects.ReachableFrom(Contents).Contains(Workflows))
        {
            offences.Add($"{Repository.Project(Contents).RelativePath} reaches {Workflows} through project references");
        }

        offences.AddRange(assembly.AssemblyReferences.Where(r => r == Workflows).Select(r => $"{Contents}.dll references the assembly {r}"));
        Verdict.NoOffences($"{Contents} depends on {Workflows}:", offences);
    }

    [Fact]
    public void No_type_or_member_of_Contents_is_named_after_workflows()
    {
        var assembly = CompiledAssembly.Read(Repository.Project(Contents).AssemblyPath);
        Verdict.NoOffences(
            $"{Contents} declares types or members named after workflows; the Workflows module owns them (its own type-settings section, its publish guard):",
            Rules.NamedAfter(assembly, "Workflow"));
    }
}
