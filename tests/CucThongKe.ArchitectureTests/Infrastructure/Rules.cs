using System.Reflection;
using System.Text.RegularExpressions;
using CucThongKe.Core.Modules;

namespace CucThongKe.ArchitectureTests.Infrastructure;

/// <summary>The rules as functions of what they inspect, so that each can be shown a violation (see SelfTests).</summary>
internal static partial class Rules
{
    /// <summary>The database types a theme must not use (matched by name in EF Core's or the site's namespaces, so a
    /// move of the site's context to another namespace keeps the rule).</summary>
    private static readonly string[] DatabaseTypeNames =
    [
        "CmsDbContext", "SqliteCmsDbContext", "PostgresCmsDbContext", "DbContext", "DbSet`1", "IEntityTypeConfiguration`1",
    ];

    /// <summary>The assemblies of EF Core and of the database drivers.</summary>
    private static readonly string[] DatabaseAssemblyPrefixes = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    /// <summary>The base class of module classes: a module class is its project's composition root.</summary>
    public const string ModuleBaseType = "CucThongKe.Core.Modules.CmsModule";

    /// <summary>References to EF Core's or a database driver's assemblies, and uses of the database's types, one line each.</summary>
    public static IReadOnlyList<string> DatabaseUse(CompiledAssembly assembly, string? namespacePrefix = null)
    {
        var offences = assembly.AssemblyReferences
            .Where(r => DatabaseAssemblyPrefixes.Any(prefix => r.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(r => $"{assembly.Name} references the assembly {r}")
            .ToList();
        offences.AddRange(assembly.Uses
            .Where(u => namespacePrefix is null || InNamespace(u.FromNamespace, namespacePrefix))
            .Where(u => DatabaseTypeNames.Contains(SimpleName(u.To), StringComparer.Ordinal)
                && (u.ToNamespace.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || u.ToNamespace.StartsWith("CucThongKe.", StringComparison.Ordinal)))
            .Select(u => $"{u.From} uses {u.To}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        return offences;
    }

    /// <summary>Types and members whose name contains <paramref name="word"/> (any case).</summary>
    public static IReadOnlyList<string> NamedAfter(CompiledAssembly assembly, string word, string? namespacePrefix = null) =>
        assembly.Declarations
            .Where(d => namespacePrefix is null || InNamespace(d.Namespace, namespacePrefix))
            .Where(d => d.SimpleName.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The dependencies between the namespaces (folders) under <paramref name="rootNamespace"/>, each edge with the type
    /// uses that make it. The module class is left out: it is the project's composition root and registers every folder.
    /// </summary>
    public static Graph FolderGraph(CompiledAssembly assembly, string rootNamespace)
    {
        var compositionRoots = assembly.BaseTypes.Where(b => b.BaseType == ModuleBaseType).Select(b => b.Type).ToHashSet(StringComparer.Ordinal);
        var graph = new Graph();
        foreach (var use in assembly.Uses)
        {
            if (use.ToAssembly == assembly.Name
                && use.FromNamespace != use.ToNamespace
                && InNamespace(use.FromNamespace, rootNamespace)
                && InNamespace(use.ToNamespace, rootNamespace)
                && !compositionRoots.Contains(use.From))
            {
                graph.AddEdge(use.FromNamespace, use.ToNamespace, $"{SimpleName(use.From)} uses {SimpleName(use.To)}");
            }
        }

        return graph;
    }

    /// <summary>The ProjectReference graph between projects, by name.</summary>
    public static Graph ProjectGraph(IEnumerable<ProjectFile> projects)
    {
        var list = projects.ToList();
        var byFile = list.ToDictionary(p => p.File, p => p.Name, StringComparer.Ordinal);
        var graph = new Graph();
        foreach (var project in list)
        {
            graph.AddNode(project.Name);
            foreach (var reference in project.References)
            {
                graph.AddEdge(project.Name, byFile.GetValueOrDefault(reference) ?? Path.GetFileNameWithoutExtension(reference), $"{project.RelativePath} has a ProjectReference to {Path.GetFileName(reference)}");
            }
        }

        return graph;
    }

    /// <summary>The themes each module reaches through project references, directly or through other projects.</summary>
    public static IReadOnlyList<string> ThemesReached(Graph projects, IEnumerable<string> modules, IReadOnlySet<string> themes) =>
        modules
            .SelectMany(module => projects.ReachableFrom(module).Where(themes.Contains).Select(theme => $"{module} depends on the theme {theme} (through project references)"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The module classes the host would not load: those not reached from the ones it lists through their dependencies.</summary>
    public static IReadOnlyList<string> UnlistedModules(IEnumerable<Type> listed, IEnumerable<Type> existing)
    {
        var catalog = new ModuleCatalog();
        var add = typeof(ModuleCatalog).GetMethod(nameof(ModuleCatalog.Add))!;
        foreach (var type in listed)
        {
            add.MakeGenericMethod(type).Invoke(catalog, null);
        }

        var loaded = catalog.Modules.Select(m => m.GetType()).ToHashSet();
        return existing.Where(t => !loaded.Contains(t))
            .Select(t => $"{t.FullName} ({t.Assembly.GetName().Name}) is not listed in CucThongKe.Web/Program.cs nor a dependency of a module listed there")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The module class names a host's Program.cs adds (<c>.Add&lt;ContentsModule&gt;()</c>).</summary>
    public static IReadOnlyList<string> ModulesListedIn(string programSource) =>
        AddModule().Matches(programSource).Select(m => m.Groups["name"].Value).ToList();

    /// <summary>The concrete module classes of an assembly.</summary>
    public static IEnumerable<Type> ModuleClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(CmsModule).IsAssignableFrom(t) && !t.IsAbstract);

    /// <summary>Projects whose folder has no README.md.</summary>
    public static IReadOnlyList<string> MissingReadmes(IEnumerable<ProjectFile> projects) =>
        projects.Where(p => !File.Exists(Path.Combine(p.Directory, "README.md")))
            .Select(p => $"{Path.GetRelativePath(Repository.Root, p.Directory).Replace('\\', '/')}/README.md is missing (what the module owns, registers, depends on)")
            .ToList();

    public static bool InNamespace(string @namespace, string prefix) =>
        @namespace == prefix || @namespace.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static string SimpleName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"\.Add<(?<name>[A-Za-z_][A-Za-z0-9_.]*)>\(\)")]
    private static partial Regex AddModule();
}

/// <summary>Fails with one headline and one line per offence.</summary>
internal static class Verdict
{
    public static void NoOffences(string headline, IEnumerable<string> offences)
    {
        var list = offences.ToList();
        if (list.Count > 0)
        {
            Assert.Fail(headline + Environment.NewLine + string.Join(Environment.NewLine, list.Select(o => "  - " + o)));
        }
    }
}
