using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Core.Settings;

/// <summary>A settings document a module declares: its name in recipes and the type that checks it.</summary>
public sealed record SettingsDocumentType(string Name, Type Type);

/// <summary>The <c>Settings</c> step: <c>{ "name": "Settings", "Site": { "SiteName": "..." } }</c>; each property is a settings document.</summary>
internal sealed class SettingsRecipeStep(SettingsStore store, IEnumerable<SettingsDocumentType> documentTypes) : IRecipeStep
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var known = documentTypes.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var (documentName, value) in context.Step)
        {
            if (documentName == "name")
            {
                continue;
            }

            if (!known.TryGetValue(documentName, out var documentType))
            {
                throw context.Error("." + documentName, $"không có nhóm cài đặt '{documentName}'. Các nhóm hợp lệ: {string.Join(", ", known.Keys)}.");
            }

            if (value is not JsonObject values)
            {
                throw context.Error("." + documentName, "nhóm cài đặt phải là một đối tượng JSON.");
            }

            // Reading into the declared type checks names and value types; what is stored is the recipe's own values.
            try
            {
                values.Deserialize(documentType.Type, RecipeStepContext.ReadOptions);
            }
            catch (JsonException ex)
            {
                throw context.Error("." + documentName + CmsJson.RelativePath(ex), CmsJson.Describe(ex));
            }

            await store.MergeAsync(documentName, values, cancellationToken);
        }
    }
}

/// <summary>Exports every settings document as one <c>Settings</c> step.</summary>
internal sealed class SettingsRecipeExporter(CmsDbContext db, IEnumerable<SettingsDocumentType> documentTypes) : IRecipeExporter
{
    public int Order => 100;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var names = documentTypes.Select(d => d.Name).ToList();
        var documents = await db.Set<SettingsDocument>().AsNoTracking().Where(s => names.Contains(s.Name)).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (documents.Count == 0)
        {
            return null;
        }

        var step = new JsonObject { ["name"] = "Settings" };
        foreach (var document in documents)
        {
            step[document.Name] = JsonNode.Parse(document.Json);
        }

        return step;
    }
}
