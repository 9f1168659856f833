using CucThongKe.Core.Modules;

namespace CucThongKe.Core.Recipes;

/// <summary>A recipe the site knows: a file in the application's <c>Recipes/</c> folder or one a module embeds.</summary>
/// <param name="Id">A stable id to ask for the recipe by (the back office and the command line use it).</param>
public sealed record RecipeEntry(string Id, RecipeDocument Document, string Origin);

/// <summary>Finds the recipes the site knows.</summary>
public sealed class RecipeHarvester(ModuleCatalog modules)
{
    public const string RecipeSuffix = ".recipe.json";

    /// <summary>The application's recipe folder.</summary>
    public static string RecipesFolder => Path.Combine(AppContext.BaseDirectory, "Recipes");

    /// <summary>Every recipe that parses; a recipe that does not is listed with its error by <see cref="HarvestErrors"/>.</summary>
    public IReadOnlyList<RecipeEntry> Harvest() => HarvestAll().Entries;

    public IReadOnlyList<RecipeException> HarvestErrors() => HarvestAll().Errors;

    public RecipeEntry? Find(string id) => Harvest().FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>Reads a recipe file from disk (the command line and setup use it).</summary>
    /// <remarks>A relative path is looked for in the application's folder, then the current folder.</remarks>
    public static RecipeDocument ReadFile(string path)
    {
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Path.Combine(AppContext.BaseDirectory, path), Path.GetFullPath(path) }.Distinct().ToArray();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new RecipeException(path, null, null, null, $"không tìm thấy tệp (đã tìm: {string.Join("; ", candidates)}).");
        return RecipeDocument.Parse(Path.GetFileName(found), File.ReadAllText(found));
    }

    private (List<RecipeEntry> Entries, List<RecipeException> Errors) HarvestAll()
    {
        var entries = new List<RecipeEntry>();
        var errors = new List<RecipeException>();
        if (Directory.Exists(RecipesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(RecipesFolder, "*" + RecipeSuffix).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                Collect(entries, errors, "site/" + name, "Recipes/", () => RecipeDocument.Parse(name, File.ReadAllText(file)));
            }
        }

        foreach (var module in modules.Modules)
        {
            var assembly = module.GetType().Assembly;
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(RecipeSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var name = resource[(resource.LastIndexOf('.', resource.Length - RecipeSuffix.Length - 1) + 1)..];
                Collect(entries, errors, $"{module.Name}/{name}", module.Name, () =>
                {
                    using var stream = assembly.GetManifestResourceStream(resource)!;
                    using var reader = new StreamReader(stream);
                    return RecipeDocument.Parse(name, reader.ReadToEnd());
                });
            }
        }

        return (entries, errors);
    }

    private static void Collect(List<RecipeEntry> entries, List<RecipeException> errors, string id, string origin, Func<RecipeDocument> read)
    {
        try
        {
            entries.Add(new RecipeEntry(id, read(), origin));
        }
        catch (RecipeException ex)
        {
            errors.Add(ex);
        }
    }
}
