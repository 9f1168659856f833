namespace CucThongKe.CitizenServices.Discussion;

/// <summary>The <c>Cms:CitizenServices:Discussion</c> section.</summary>
public sealed class DiscussionOptions
{
    public const string SectionName = "Cms:CitizenServices:Discussion";

    /// <summary>Comments one address may send in ten minutes, on every item together (reading is free).</summary>
    public int CommentsPerTenMinutes { get; set; } = 5;
}
