using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>Where a feedback stands in its unit's inbox (Điều 14.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackState>))]
public enum FeedbackState
{
    /// <summary>Received, nobody of the unit has taken it up yet.</summary>
    New,

    InProgress,

    /// <summary>The unit wrote its reply (mailed to the sender when they gave an address).</summary>
    Answered,

    /// <summary>Nothing more to do (answered, or filed without a reply).</summary>
    Closed,
}

/// <summary>The handling of one citizen's feedback (the Feedback item of the same id holds the text and the sender): its
/// category, status and the unit's reply. The unit is the item's (<c>ContentItem.UnitId</c>): triage moves it, recorded.</summary>
public sealed class FeedbackCase
{
    /// <summary>The Feedback item's id.</summary>
    public required string ContentItemId { get; set; }

    /// <summary>A <see cref="FeedbackCategory"/>'s id; null while nobody has classed it.</summary>
    public string? CategoryId { get; set; }

    public FeedbackState Status { get; set; }

    public DateTime ReceivedUtc { get; set; }

    /// <summary>The first reply (the "time to answer" of the summary runs from <see cref="ReceivedUtc"/> to here).</summary>
    public DateTime? RepliedUtc { get; set; }

    public string? RepliedBy { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public static string StatusName(FeedbackState status) => status switch
    {
        FeedbackState.New => "Mới",
        FeedbackState.InProgress => "Đang xử lý",
        FeedbackState.Answered => "Đã trả lời",
        _ => "Đã đóng",
    };
}

/// <summary>A category of feedback (chủ đề góp ý): data, filled by the setup recipe and edited by the board.</summary>
public sealed class FeedbackCategory
{
    /// <summary>A short code (lower-case letters, digits and hyphens).</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public int Position { get; set; }
}

internal sealed class FeedbackCaseConfiguration : IEntityTypeConfiguration<FeedbackCase>
{
    public void Configure(EntityTypeBuilder<FeedbackCase> builder)
    {
        builder.ToTable("FeedbackCases");
        builder.HasKey(c => c.ContentItemId);
        builder.Property(c => c.ContentItemId).HasMaxLength(32);
        builder.Property(c => c.CategoryId).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RepliedBy).HasMaxLength(256);
        builder.HasIndex(c => c.ReceivedUtc);
    }
}

internal sealed class FeedbackCategoryConfiguration : IEntityTypeConfiguration<FeedbackCategory>
{
    public void Configure(EntityTypeBuilder<FeedbackCategory> builder)
    {
        builder.ToTable("FeedbackCategories");
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
    }
}
