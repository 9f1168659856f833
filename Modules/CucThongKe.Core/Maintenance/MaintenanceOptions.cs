namespace CucThongKe.Core.Maintenance;

/// <summary>The <c>Cms:Maintenance</c> section: the rules of planned downtime.</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "Cms:Maintenance";

    /// <summary>Whole working days between the day a window is scheduled and the day it starts (the state-website rule: 7);
    /// less only when the window is marked urgent, with a reason.</summary>
    public int NoticeWorkingDays { get; set; } = 7;

    /// <summary>The longest window, in hours: a longer stop is an incident, not maintenance.</summary>
    public int MaxHours { get; set; } = 72;

    /// <summary>How long a node keeps the upcoming windows in memory before reading them again; a change made on this node
    /// evicts them at once, one made on another node is seen after at most this long.</summary>
    public int CacheSeconds { get; set; } = 30;
}
