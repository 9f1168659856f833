using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;

namespace CucThongKe.Core.Recipes;

/// <summary>What a step sees while it runs: its JSON, where it sits in the recipe, and how to report an error.</summary>
public sealed class RecipeStepContext
{
    /// <summary>Recipe JSON is read strictly: a property the step does not know is an error, not a silent no-op.</summary>
    public static JsonSerializerOptions ReadOptions => CmsJson.Strict;

    public RecipeStepContext(RecipeDocument recipe, int index, JsonObject step, RecipeRunOptions options)
    {
        Recipe = recipe;
        Index = index;
        Step = step;
        Options = options;
    }

    public RecipeDocument Recipe { get; }

    public int Index { get; }

    public string Name => Step["name"]!.GetValue<string>();

    public JsonObject Step { get; }

    public RecipeRunOptions Options { get; }

    /// <summary>An error at a path inside this step, e.g. <c>.ContentTypes[0].Parts[1]</c>.</summary>
    public RecipeException Error(string relativePath, string reason) =>
        new(Recipe.File, Index, Name, $"$.steps[{Index}]{relativePath}", reason);

    /// <summary>Reads the whole step (its <c>name</c> aside) as <typeparamref name="T"/>, strictly.</summary>
    public T Read<T>() where T : class
    {
        var copy = Step.DeepClone().AsObject();
        copy.Remove("name");
        return Read<T>(copy, "");
    }

    /// <summary>Reads a node found at <paramref name="relativePath"/> of this step, strictly.</summary>
    public T Read<T>(JsonNode? node, string relativePath) where T : class
    {
        try
        {
            return node.Deserialize<T>(ReadOptions) ?? throw Error(relativePath, "giá trị không được để trống.");
        }
        catch (JsonException ex)
        {
            throw Error(relativePath + CmsJson.RelativePath(ex), CmsJson.Describe(ex));
        }
    }
}

/// <summary>How a recipe is run.</summary>
/// <param name="ActorUserName">The user running it (recorded on what it creates); null for setup and the command line.</param>
public sealed record RecipeRunOptions(string? ActorUserName = null)
{
    /// <summary>Work done in the recipe's transaction after its last step (setup creates the first administrator here).</summary>
    public Func<IServiceProvider, CancellationToken, Task>? BeforeCommit { get; init; }

    public IProgress<string>? Progress { get; init; }
}
