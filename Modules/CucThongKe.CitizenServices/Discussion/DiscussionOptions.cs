namespace CucThongKe.CitizenServices.Discussion;

/// <summary>The <c>Cms:CitizenServices:Discussion</c> section.</summary>
public sealed class DiscussionOptions
{
    public const string SectionName = "Cms:CitizenServices:Discussion";

    /// <summary>Comments one address may send in ten minutes, on every item together (reading is free).</summary>
    public int CommentsPerTenMinutes { get; set; } = 5;

    /// <summary>The most items opened for discussion whose ids a node keeps in memory (about 100 bytes each), so that the
    /// page of an item never opened asks the database nothing about its discussion; past it, every such page asks
    /// (<see cref="DiscussedItems"/>). From 0 (never kept) to 100,000.</summary>
    public int MaxItemsKept { get; set; } = 2_000;
}
