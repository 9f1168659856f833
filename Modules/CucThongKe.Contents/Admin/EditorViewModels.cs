using System.Text.Json.Nodes;

namespace CucThongKe.Contents.Admin;

/// <summary>A part's section of the editor: the inputs its driver and its fields' drivers built.</summary>
public sealed record EditorSection(string Name, string Title, IReadOnlyList<EditorShape> Shapes, IReadOnlyList<string> Errors);

/// <summary>One input of the editor, with its current value and the errors found on it; the model of the built-in editor views.</summary>
public sealed record EditorInput(string Name, string Label, string Value, bool Required, string? Hint, IReadOnlyList<string> Errors)
{
    public string Id => "f-" + Name.Replace('.', '-');

    /// <summary>The ids of the hint and the error message, for the control's <c>aria-describedby</c>.</summary>
    public string DescribedBy => $"{Id}-hint {Id}-error";
}

/// <summary>A list to choose from (terms, items).</summary>
public sealed record EditorChoice(EditorInput Input, bool Multiple, IReadOnlyList<EditorOption> Options, IReadOnlyList<string> Selected);

public sealed record EditorOption(string Value, string Text);

/// <summary>Rows of file paths from the media library, each with a second text (the alt text, the title), and the picker's link.</summary>
/// <param name="FieldPath">The field's path (<c>News.LeadImage</c>), which the picker returns with the chosen file.</param>
/// <param name="PickKind">What the picker lists: <c>anh</c> (images) or <c>tat-ca</c> (every file).</param>
public sealed record EditorFileRows(EditorInput Input, string FieldPath, string SecondProperty, string SecondLabel, string PickKind, int RowCount, IReadOnlyList<JsonObject> Rows);
