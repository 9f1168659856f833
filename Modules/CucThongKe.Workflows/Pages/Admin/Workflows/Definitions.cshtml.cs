using CucThongKe.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>The workflow definitions, and one definition with its states, transitions and diagram.</summary>
[Authorize(Policy = "ViewWorkflows")]
public sealed class DefinitionsModel(WorkflowDefinitionStore store) : PageModel
{
    public IReadOnlyList<WorkflowDefinition> Definitions { get; private set; } = [];

    public WorkflowDefinition? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            Definitions = await store.ListAsync(cancellationToken);
            return Page();
        }

        Selected = await store.GetAsync(name, cancellationToken);
        return Selected is null ? NotFound() : Page();
    }
}
