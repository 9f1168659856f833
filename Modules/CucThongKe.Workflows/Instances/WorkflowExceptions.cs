namespace CucThongKe.Workflows.Instances;

/// <summary>The caller may not take this step (wrong role, another unit, a confidential document); nothing changed.</summary>
public sealed class WorkflowForbiddenException(string message) : Exception(message);

/// <summary>The step does not fit the item now (wrong state, stale version, someone acted first); nothing changed.</summary>
public sealed class WorkflowConflictException(string message) : Exception(message);

/// <summary>The request itself is incomplete (a required comment is missing, a comment too long); nothing changed.</summary>
public sealed class WorkflowInputException(string message) : Exception(message);

/// <summary>No such item, workflow or transition.</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);
