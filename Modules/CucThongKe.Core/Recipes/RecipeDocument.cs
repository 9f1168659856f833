using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;

namespace CucThongKe.Core.Recipes;

/// <summary>A parsed <c>*.recipe.json</c>: its description and its steps, not yet run.</summary>
public sealed class RecipeDocument
{
    private static readonly JsonDocumentOptions ParseOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    public required string File { get; init; }

    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>True for recipes meant to set up an empty site; listed apart in the back office.</summary>
    public bool IsSetupRecipe { get; init; }

    public required IReadOnlyList<JsonObject> Steps { get; init; }

    /// <summary>Parses a recipe, or fails with a message naming the file, the line and the JSON path.</summary>
    public static RecipeDocument Parse(string file, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l ? $" (dòng {l + 1}, cột {ex.BytePositionInLine + 1})" : "";
            throw new RecipeException(file, null, null, ex.Path, $"JSON không hợp lệ{line}.", ex);
        }

        // Cleaned once here, so that no step sees NFD or Ð, whichever entities it writes (see TextNormalizer).
        if (TextNormalizer.NormalizeNode(root) is not JsonObject obj)
        {
            throw new RecipeException(file, null, null, "$", "công thức phải là một đối tượng JSON.");
        }

        var name = ReadString(file, obj, "name", required: true)!;
        if (obj["steps"] is not JsonArray stepsArray)
        {
            throw new RecipeException(file, null, null, "$.steps", "thiếu danh sách bước 'steps' (một mảng).");
        }

        var steps = new List<JsonObject>();
        for (var i = 0; i < stepsArray.Count; i++)
        {
            if (stepsArray[i] is not JsonObject step)
            {
                throw new RecipeException(file, i, null, $"$.steps[{i}]", "mỗi bước phải là một đối tượng JSON.");
            }

            if (step["name"] is not JsonValue stepName || stepName.GetValueKind() != JsonValueKind.String)
            {
                throw new RecipeException(file, i, null, $"$.steps[{i}].name", "bước thiếu tên 'name'.");
            }

            steps.Add(step);
        }

        return new RecipeDocument
        {
            File = file,
            Name = name,
            DisplayName = ReadString(file, obj, "displayName", required: false),
            Description = ReadString(file, obj, "description", required: false),
            IsSetupRecipe = obj["isSetupRecipe"] is JsonValue v && v.GetValueKind() == JsonValueKind.True,
            Steps = steps,
        };
    }

    private static string? ReadString(string file, JsonObject obj, string property, bool required)
    {
        var node = obj[property];
        if (node is null)
        {
            return required ? throw new RecipeException(file, null, null, "$." + property, $"thiếu '{property}'.") : null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw new RecipeException(file, null, null, "$." + property, $"'{property}' phải là một chuỗi.");
        }

        return value.GetValue<string>();
    }
}
