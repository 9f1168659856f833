using System.Collections.Concurrent;

namespace CucThongKe.Office.Monitoring;

/// <summary>When each of the office's background loops last finished a round, and how (for the operators' health page).</summary>
public sealed class LoopHeartbeats
{
    private readonly ConcurrentDictionary<string, LoopHeartbeat> _beats = new(StringComparer.Ordinal);

    public void Record(string loop, DateTime utc, string? error = null) => _beats[loop] = new LoopHeartbeat(loop, utc, error);

    public IReadOnlyList<LoopHeartbeat> All => [.. _beats.Values.OrderBy(b => b.Loop, StringComparer.Ordinal)];
}

/// <param name="Error">Null when the round succeeded; else what failed.</param>
public sealed record LoopHeartbeat(string Loop, DateTime LastRunUtc, string? Error);
