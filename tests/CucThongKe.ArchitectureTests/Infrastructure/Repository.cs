using System.Xml.Linq;

namespace CucThongKe.ArchitectureTests.Infrastructure;

/// <summary>Whether a project is a module (under <c>Modules/</c>), a theme (under <c>Themes/</c>) or something else (the host, tests, bench).</summary>
internal enum ProjectKind
{
    Module,
    Theme,
    Other,
}

/// <summary>A project of the repository, read from its csproj file.</summary>
/// <param name="Name">The project's name (its csproj file name, which is also its assembly name here).</param>
/// <param name="File">The csproj file's full path.</param>
/// <param name="References">The full paths of the csproj files it references.</param>
internal sealed record ProjectFile(string Name, string File, ProjectKind Kind, IReadOnlyList<string> References)
{
    public string Directory => Path.GetDirectoryName(File)!;

    /// <summary>The path relative to the repository's root, with forward slashes, for messages.</summary>
    public string RelativePath => Path.GetRelativePath(Repository.Root, File).Replace('\\', '/');

    /// <summary>The compiled assembly, copied next to the tests because the host references every module and theme.</summary>
    public string AssemblyPath => Path.Combine(AppContext.BaseDirectory, Name + ".dll");
}

/// <summary>The repository these tests were built from: its root, its projects and the host's module list.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<ProjectFile>> LazyProjects = new(ReadProjects);

    public static string Root => LazyRoot.Value;

    /// <summary>Every csproj of the repository (bin, obj and node_modules excluded).</summary>
    public static IReadOnlyList<ProjectFile> Projects => LazyProjects.Value;

    public static IEnumerable<ProjectFile> Modules => Projects.Where(p => p.Kind == ProjectKind.Module);

    public static IEnumerable<ProjectFile> Themes => Projects.Where(p => p.Kind == ProjectKind.Theme);

    public static IEnumerable<ProjectFile> ModulesAndThemes => Projects.Where(p => p.Kind != ProjectKind.Other);

    public static ProjectFile Project(string name) =>
        Projects.SingleOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"No project named {name} in {Root}.");

    public static string HostProgram => Path.Combine(Root, "CucThongKe.Web", "Program.cs");

    public static string Solution => Path.Combine(Root, "CucThongKe.slnx");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CucThongKe.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CucThongKe.slnx not found above {AppContext.BaseDirectory}.");
    }

    private static List<ProjectFile> ReadProjects()
    {
        var root = Root;
        var modules = Path.Combine(root, "Modules") + Path.DirectorySeparatorChar;
        var themes = Path.Combine(root, "Themes") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" or "artifacts" || part.StartsWith('.')))
            .Select(f => Path.GetFullPath(f))
            .Order(StringComparer.Ordinal)
            .Select(f => new ProjectFile(
                Path.GetFileNameWithoutExtension(f),
                f,
                f.StartsWith(modules, StringComparison.Ordinal) ? ProjectKind.Module
                    : f.StartsWith(themes, StringComparison.Ordinal) ? ProjectKind.Theme
                    : ProjectKind.Other,
                ReadReferences(f)))
            .ToList();
    }

    private static List<string> ReadReferences(string csproj)
    {
        var directory = Path.GetDirectoryName(csproj)!;
        return XDocument.Load(csproj).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }
}
