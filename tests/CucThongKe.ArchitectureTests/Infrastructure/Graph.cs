namespace CucThongKe.ArchitectureTests.Infrastructure;

/// <summary>A directed graph of names (projects, namespaces) with, for each edge, why it exists (the types that make it).</summary>
internal sealed class Graph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public void AddNode(string node)
    {
        if (!_edges.ContainsKey(node))
        {
            _edges[node] = new(StringComparer.Ordinal);
        }
    }

    /// <param name="reason">What makes the edge, e.g. "ContentManager → WorkflowService"; kept for the failure message.</param>
    public void AddEdge(string from, string to, string? reason = null)
    {
        AddNode(from);
        AddNode(to);
        if (!_edges[from].TryGetValue(to, out var reasons))
        {
            _edges[from][to] = reasons = new(StringComparer.Ordinal);
        }

        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }

    public IEnumerable<string> Nodes => _edges.Keys;

    public IEnumerable<string> Successors(string node) => _edges.TryGetValue(node, out var to) ? to.Keys : [];

    public IReadOnlyCollection<string> Reasons(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var reasons) ? reasons : [];

    /// <summary>Every node reachable from <paramref name="start"/> (itself excluded unless on a cycle).</summary>
    public HashSet<string> ReachableFrom(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Successors(start));
        while (stack.TryPop(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var next in Successors(node))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>The cycles: each strongly connected component of two or more nodes, and each node with an edge to itself (Tarjan).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Successors(node))
            {
                if (!indexes.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] == indexes[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1 || Successors(node).Contains(node, StringComparer.Ordinal))
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in Nodes)
        {
            if (!indexes.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>A cycle described for a failure message: its members, then each edge inside it with up to
    /// <paramref name="reasonsPerEdge"/> of the type dependencies that make it.</summary>
    public string Describe(IReadOnlyList<string> cycle, int reasonsPerEdge = 4)
    {
        var members = new HashSet<string>(cycle, StringComparer.Ordinal);
        var lines = new List<string> { "cycle: " + string.Join(" ⇄ ", cycle) };
        foreach (var from in cycle)
        {
            foreach (var to in Successors(from).Where(members.Contains))
            {
                var reasons = Reasons(from, to);
                var shown = string.Join("; ", reasons.Take(reasonsPerEdge));
                var more = reasons.Count > reasonsPerEdge ? $"; and {reasons.Count - reasonsPerEdge} more" : "";
                lines.Add($"    {from} → {to}" + (reasons.Count > 0 ? $": {shown}{more}" : ""));
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}
