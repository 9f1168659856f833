using System.Text.Json.Nodes;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CucThongKe.Contents.Taxonomies;

/// <summary>The <c>Taxonomies</c> step: taxonomies and their term trees; a taxonomy in the step replaces the stored one's terms.</summary>
internal sealed class TaxonomiesRecipeStep(CmsDbContext db, IMemoryCache cache) : IRecipeStep
{
    public string Name => "Taxonomies";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Taxonomies.Count; i++)
        {
            var input = model.Taxonomies[i];
            var path = $".Taxonomies[{i}]";
            if (string.IsNullOrWhiteSpace(input.Name) || SlugGenerator.Slugify(input.Name) != input.Name)
            {
                throw context.Error(path + ".Name", $"tên danh mục '{input.Name}' phải là chữ thường không dấu, nối bằng '-'.");
            }

            var taxonomy = await db.Set<Taxonomy>().FirstOrDefaultAsync(t => t.Name == input.Name, cancellationToken);
            if (taxonomy is null)
            {
                db.Add(taxonomy = new Taxonomy { Name = input.Name, DisplayName = input.DisplayName });
            }

            taxonomy.DisplayName = input.DisplayName;
            await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == input.Name).ExecuteDeleteAsync(cancellationToken);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var order = 0;
            AddTerms(context, input.Name, input.Terms, parentId: null, path + ".Terms", seen, ref order);
        }

        cache.Remove(TaxonomyTermsCache.Key);
    }

    private void AddTerms(RecipeStepContext context, string taxonomy, List<TermModel> terms, string? parentId, string path, HashSet<string> seen, ref int order)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var termPath = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(term.Name))
            {
                throw context.Error(termPath + ".Name", "mục danh mục cần có tên.");
            }

            var id = string.IsNullOrWhiteSpace(term.Id) ? SlugGenerator.Slugify(term.Name) : term.Id;
            if (!seen.Add(id))
            {
                throw context.Error(termPath, $"mã mục '{id}' bị trùng trong danh mục '{taxonomy}'.");
            }

            db.Add(new TaxonomyTerm { Taxonomy = taxonomy, TermId = id, Name = term.Name.Trim(), ParentId = parentId, Order = order++ });
            AddTerms(context, taxonomy, term.Children, id, termPath + ".Children", seen, ref order);
        }
    }

    private sealed record StepModel(List<TaxonomyModel> Taxonomies);

    private sealed record TaxonomyModel(string Name, string DisplayName, List<TermModel> Terms);

    private sealed class TermModel
    {
        public string? Id { get; init; }

        public required string Name { get; init; }

        public List<TermModel> Children { get; init; } = [];
    }
}

internal sealed class TaxonomiesRecipeExporter(CmsDbContext db) : IRecipeExporter
{
    public int Order => 20;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var taxonomies = await db.Set<Taxonomy>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        if (taxonomies.Count == 0)
        {
            return null;
        }

        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().OrderBy(t => t.Order).ToListAsync(cancellationToken);
        var array = new JsonArray();
        foreach (var taxonomy in taxonomies)
        {
            var own = terms.Where(t => t.Taxonomy == taxonomy.Name).ToList();
            array.Add(new JsonObject
            {
                ["Name"] = taxonomy.Name,
                ["DisplayName"] = taxonomy.DisplayName,
                ["Terms"] = Children(own, null),
            });
        }

        return new JsonObject { ["name"] = "Taxonomies", ["Taxonomies"] = array };
    }

    private static JsonArray Children(List<TaxonomyTerm> terms, string? parentId) =>
        [.. terms.Where(t => t.ParentId == parentId).Select(t => (JsonNode)new JsonObject
        {
            ["Id"] = t.TermId,
            ["Name"] = t.Name,
            ["Children"] = Children(terms, t.TermId),
        })];
}
