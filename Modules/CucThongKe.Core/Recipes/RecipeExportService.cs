using System.Text.Json.Nodes;

namespace CucThongKe.Core.Recipes;

/// <summary>Writes the site's definitions, roles, settings (and, on request, content) as a recipe.</summary>
public sealed class RecipeExportService(IEnumerable<IRecipeExporter> exporters, TimeProvider clock)
{
    public async Task<JsonObject> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken = default)
    {
        var steps = new JsonArray();
        foreach (var exporter in exporters.OrderBy(e => e.Order))
        {
            if (await exporter.ExportAsync(options, cancellationToken) is { } step)
            {
                steps.Add(step);
            }
        }

        var now = clock.GetUtcNow();
        return new JsonObject
        {
            ["name"] = $"export-{now:yyyyMMdd-HHmmss}",
            ["displayName"] = $"Xuất cấu hình ngày {now:dd/MM/yyyy HH:mm} (UTC)",
            ["description"] = options.IncludeContent
                ? "Định nghĩa nội dung, vai trò, đơn vị, cài đặt và nội dung của trang."
                : "Định nghĩa nội dung, vai trò, đơn vị và cài đặt của trang.",
            ["isSetupRecipe"] = false,
            ["steps"] = steps,
        };
    }
}
