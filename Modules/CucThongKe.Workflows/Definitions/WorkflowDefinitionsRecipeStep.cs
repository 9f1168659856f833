using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;

namespace CucThongKe.Workflows.Definitions;

/// <summary>The <c>WorkflowDefinitions</c> step: approval workflows, each validated before it is saved (replacing one of the same name).</summary>
/// <remarks>Runs after the <c>Roles</c> and <c>ContentDefinition</c> steps, whose roles and types it checks.</remarks>
internal sealed class WorkflowDefinitionsRecipeStep(WorkflowDefinitionStore store) : IRecipeStep
{
    public string Name => "WorkflowDefinitions";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Workflows.Count; i++)
        {
            var path = $".Workflows[{i}]";
            var definition = context.Read<WorkflowDefinition>(model.Workflows[i], path);
            var errors = await store.SaveAsync(definition, cancellationToken);
            if (errors.Count > 0)
            {
                // The first problem names its place; the others follow so that one run shows them all.
                var first = errors[0];
                var rest = errors.Skip(1).Select(e => $"$.steps[{context.Index}]{path}{e.Path}: {e.Message}");
                throw context.Error(path + first.Path, string.Join(" ", [first.Message, .. rest]));
            }
        }
    }

    private sealed record StepModel(List<JsonObject> Workflows);
}

/// <summary>Exports the stored workflow definitions as a <c>WorkflowDefinitions</c> step (after roles and content definitions).</summary>
internal sealed class WorkflowDefinitionsRecipeExporter(WorkflowDefinitionStore store) : IRecipeExporter
{
    public int Order => 45;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var definitions = await store.ListAsync(cancellationToken);
        if (definitions.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["name"] = "WorkflowDefinitions",
            ["Workflows"] = new JsonArray([.. definitions.Select(d => JsonSerializer.SerializeToNode(d, CmsJson.Options))]),
        };
    }
}
