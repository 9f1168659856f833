using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Counts a workflow's instances by state for <see cref="WorkflowDefinitionValidator"/>.</summary>
internal sealed class WorkflowStateOccupancy(CmsDbContext db) : IWorkflowStateOccupancy
{
    public async Task<IReadOnlyList<WorkflowStateCount>> CountByStateAsync(string workflowName, CancellationToken cancellationToken)
    {
        var counts = await db.Set<WorkflowInstance>().Where(i => i.WorkflowName == workflowName)
            .GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. counts.Select(c => new WorkflowStateCount(c.State, c.Count))];
    }
}
