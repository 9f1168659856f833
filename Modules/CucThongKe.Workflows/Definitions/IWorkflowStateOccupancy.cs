namespace CucThongKe.Workflows.Definitions;

/// <summary>How many items wait in each state of a workflow, so that an edit does not strand them in a state it drops.</summary>
/// <remarks>Items are the instances' business: this narrow reading keeps definitions from depending on them
/// (implemented by <c>Instances/WorkflowStateOccupancy</c>).</remarks>
public interface IWorkflowStateOccupancy
{
    Task<IReadOnlyList<WorkflowStateCount>> CountByStateAsync(string workflowName, CancellationToken cancellationToken);
}

/// <summary>The number of items of a workflow waiting in <paramref name="State"/>.</summary>
public sealed record WorkflowStateCount(string State, int Count);
