using System.Security.Claims;

namespace CucThongKe.Core.Admin;

/// <summary>A block of the back office's dashboard (<c>/admin</c>); modules add theirs with <c>AddDashboardWidget</c>.</summary>
public interface IDashboardWidget
{
    /// <summary>Smaller first.</summary>
    int Order { get; }

    /// <summary>The block for this user, or null when it has nothing to say to them.</summary>
    Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>What a widget shows: a title, a headline (e.g. "3 việc đang chờ bạn"), labelled facts, a few links, a link to more,
/// and optionally a small bar chart (drawn by the dashboard as an SVG with its numbers also as text).</summary>
/// <param name="Urgent">Something in it is late: the dashboard shows urgent blocks first, whatever their order.</param>
public sealed record DashboardBlock(string Title, string? Headline, IReadOnlyList<DashboardFact> Facts, IReadOnlyList<DashboardLink> Links, DashboardLink? More = null,
    DashboardChart? Chart = null, bool Urgent = false);

/// <summary>One labelled value of a block (e.g. "Đơn vị" → "Phòng Thống kê Tổng hợp"); <paramref name="Highlight"/> marks a late one.</summary>
public sealed record DashboardFact(string Label, string Value, bool Highlight = false);

/// <summary>A small bar chart of a block: its Vietnamese description (the SVG's accessible name) and its bars, at most <see cref="MaxBars"/>.</summary>
public sealed record DashboardChart(string Description, IReadOnlyList<DashboardBar> Bars)
{
    public const int MaxBars = 31;
}

/// <summary>One bar: its label (e.g. the day "07") and its value.</summary>
public sealed record DashboardBar(string Label, int Value);

/// <summary>A link of a block, with an optional note (a date, "quá hạn").</summary>
public sealed record DashboardLink(string Text, string Url, string? Note = null, bool Highlight = false);
