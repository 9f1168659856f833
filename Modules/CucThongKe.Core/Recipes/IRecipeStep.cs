using System.Text.Json.Nodes;

namespace CucThongKe.Core.Recipes;

/// <summary>One kind of recipe step (e.g. <c>ContentDefinition</c>, <c>Roles</c>); registered with <c>AddRecipeStep</c>.</summary>
/// <remarks>A step runs inside the recipe's transaction, with the scoped database context; it throws
/// <see cref="RecipeException"/> (through <see cref="RecipeStepContext.Error"/>) for anything it cannot apply.</remarks>
public interface IRecipeStep
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <summary>Writes one step of an exported recipe; registered with <c>AddRecipeExporter</c>.</summary>
public interface IRecipeExporter
{
    /// <summary>Where the step goes in the exported recipe: definitions before what uses them.</summary>
    int Order { get; }

    /// <summary>The exported step (with its <c>name</c>), or null when there is nothing to export.</summary>
    Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken);
}

/// <summary>What an export includes.</summary>
public sealed record RecipeExportOptions(bool IncludeContent);

/// <summary>Told when a recipe has run (committed or rolled back), so caches of what recipes change can be reset.</summary>
public interface IRecipeEventHandler
{
    Task RecipeFinishedAsync(RecipeDocument recipe, bool succeeded);
}
