using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;

namespace CucThongKe.Workflows.Definitions;

/// <summary>The <c>WorkflowDefinitions</c> step: approval workflows, each validated before it is saved (replacing one of the same name).</summary>
/// <remarks>
/// <para>Runs after the <c>Roles</c> and <c>ContentDefinition</c> steps, whose roles and types it checks.</para>
/// <para>From the back office it may add a workflow (the validator's rules apply as everywhere) but not change an existing
/// one: a changed definition could add the administrator's role to the chain's transitions and let one person submit,
/// approve and publish. Such a change is made on the definition's edit page; a re-uploaded export, identical, passes.</para>
/// </remarks>
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
            if (context.Options.IsBackOffice && await store.GetAsync(definition.Name, cancellationToken) is { } stored
                && JsonSerializer.Serialize(stored, CmsJson.Options) != JsonSerializer.Serialize(definition, CmsJson.Options))
            {
                throw context.Error(path,
                    $"công thức chạy trong trang quản trị không được sửa quy trình duyệt có sẵn '{definition.Name}' (vai trò, bước, điều kiện chuyển): hãy sửa ở trang Định nghĩa quy trình (/admin/quy-trinh/dinh-nghia/{definition.Name}/sua).");
            }

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
