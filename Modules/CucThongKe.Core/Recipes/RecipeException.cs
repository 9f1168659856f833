namespace CucThongKe.Core.Recipes;

/// <summary>A recipe that cannot be applied: says which file, which step and where in the JSON.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string file, int? stepIndex, string? stepName, string? jsonPath, string reason, Exception? inner = null)
        : base(Format(file, stepIndex, stepName, jsonPath, reason), inner)
    {
        File = file;
        StepIndex = stepIndex;
        StepName = stepName;
        JsonPath = jsonPath;
        Reason = reason;
    }

    public string File { get; }

    public int? StepIndex { get; }

    public string? StepName { get; }

    public string? JsonPath { get; }

    public string Reason { get; }

    private static string Format(string file, int? stepIndex, string? stepName, string? jsonPath, string reason)
    {
        var where = $"Công thức '{file}'";
        if (stepIndex is not null)
        {
            where += $", bước {stepIndex} '{stepName}'";
        }

        if (!string.IsNullOrEmpty(jsonPath))
        {
            where += $", tại {jsonPath}";
        }

        return $"{where}: {reason}";
    }
}
