namespace CucThongKe.Workflows.Definitions;

/// <summary>A layout of a definition for drawing it as SVG in the back office: states in columns by distance from the start, transitions as arrows.</summary>
public sealed class WorkflowDiagram
{
    public const int BoxWidth = 170;
    public const int BoxHeight = 56;
    private const int ColumnGap = 70;
    private const int RowGap = 40;
    private const int Margin = 20;

    private WorkflowDiagram(IReadOnlyList<DiagramBox> boxes, IReadOnlyList<DiagramArrow> arrows, int width, int height)
    {
        Boxes = boxes;
        Arrows = arrows;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<DiagramBox> Boxes { get; }

    public IReadOnlyList<DiagramArrow> Arrows { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>A state's name cut at the space nearest its middle, to fit a box on two lines (each shortened past
    /// <see cref="MaxLineLength"/> characters).</summary>
    public static (string First, string Second) TwoLines(string name)
    {
        var spaces = Enumerable.Range(0, name.Length).Where(i => name[i] == ' ').ToList();
        if (name.Length <= MaxLineLength || spaces.Count == 0)
        {
            return (Shorten(name), "");
        }

        var cut = spaces.MinBy(i => Math.Abs(i - (name.Length / 2)));
        return (Shorten(name[..cut]), Shorten(name[(cut + 1)..]));
    }

    private const int MaxLineLength = 24;

    private static string Shorten(string line) => line.Length > MaxLineLength ? line[..(MaxLineLength - 1)] + "…" : line;

    public static WorkflowDiagram Layout(WorkflowDefinition definition)
    {
        // Column = shortest number of transitions from the initial state; unreachable states go last.
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [definition.InitialState] = 0 };
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var t in definition.Transitions.Where(t => t.From == state && !depth.ContainsKey(t.To)))
            {
                depth[t.To] = depth[state] + 1;
                queue.Enqueue(t.To);
            }
        }

        var last = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        var rows = new Dictionary<int, int>();
        var boxes = new List<DiagramBox>();
        foreach (var state in definition.States)
        {
            var column = depth.GetValueOrDefault(state.Name, last);
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            boxes.Add(new DiagramBox(state, Margin + column * (BoxWidth + ColumnGap), Margin + row * (BoxHeight + RowGap)));
        }

        // A definition being edited may name a state twice (the validator says so); the diagram draws what it can.
        var byName = boxes.DistinctBy(b => b.State.Name).ToDictionary(b => b.State.Name, StringComparer.Ordinal);
        var arrows = new List<DiagramArrow>();
        foreach (var t in definition.Transitions)
        {
            if (!byName.TryGetValue(t.From, out var from) || !byName.TryGetValue(t.To, out var to))
            {
                continue;
            }

            var forward = to.X > from.X;
            var (x1, y1) = forward ? (from.X + BoxWidth, from.Y + BoxHeight / 2) : (from.X + BoxWidth / 2, from.Y + BoxHeight);
            var (x2, y2) = forward ? (to.X, to.Y + BoxHeight / 2) : (to.X + BoxWidth / 2, to.Y + BoxHeight);
            // Arrows going back bend below the boxes so that they do not cross the forward ones.
            var bend = forward ? 0 : 40 + Math.Abs(x2 - x1) / 8;
            var path = forward
                ? $"M{x1},{y1} L{x2},{y2}"
                : $"M{x1},{y1} C{x1},{y1 + bend} {x2},{y2 + bend} {x2},{y2}";
            arrows.Add(new DiagramArrow(t, path, (x1 + x2) / 2, forward ? (y1 + y2) / 2 - 6 : Math.Max(y1, y2) + bend * 3 / 4));
        }

        var width = boxes.Count == 0 ? 200 : boxes.Max(b => b.X) + BoxWidth + Margin;
        var height = (boxes.Count == 0 ? 100 : boxes.Max(b => b.Y) + BoxHeight) + 120;
        return new WorkflowDiagram(boxes, arrows, width, height);
    }
}

/// <summary>A state's box in the diagram.</summary>
public sealed record DiagramBox(WorkflowState State, int X, int Y);

/// <summary>A transition's arrow in the diagram: its SVG path and where its label goes.</summary>
public sealed record DiagramArrow(WorkflowTransition Transition, string Path, int LabelX, int LabelY);
