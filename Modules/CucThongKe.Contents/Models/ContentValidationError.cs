namespace CucThongKe.Contents.Models;

/// <summary>One thing wrong with an item, at a path of its JSON.</summary>
public sealed record ContentValidationError(string Path, string Message)
{
    /// <summary>Worth telling the editor, but no reason to refuse the item (e.g. body text still in a legacy encoding).</summary>
    public bool IsWarning { get; init; }
}
