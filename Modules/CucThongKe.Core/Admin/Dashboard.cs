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

/// <summary>What a widget shows: a title, a headline (e.g. "3 việc đang chờ bạn"), labelled facts, a few links and a link to more.</summary>
public sealed record DashboardBlock(string Title, string? Headline, IReadOnlyList<DashboardFact> Facts, IReadOnlyList<DashboardLink> Links, DashboardLink? More = null);

/// <summary>One labelled value of a block (e.g. "Đơn vị" → "Phòng Thống kê Tổng hợp").</summary>
public sealed record DashboardFact(string Label, string Value);

/// <summary>A link of a block, with an optional note (a date, "quá hạn").</summary>
public sealed record DashboardLink(string Text, string Url, string? Note = null, bool Highlight = false);
