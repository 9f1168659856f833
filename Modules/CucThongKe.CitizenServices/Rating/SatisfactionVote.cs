using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Rating;

/// <summary>What a vote rates: the site as a whole, or a service (an answered, published question).</summary>
public enum RatingTarget
{
    Site,
    Question,
}

/// <summary>One satisfaction vote, holding only what an aggregate needs.</summary>
/// <remarks>
/// The results are confidential (Nghị định 42/2022): no IP address, user, cookie, time of day or free text is kept, since
/// any of them could tie a vote to a person. The day (not the time) is enough for a report by month, quarter or year.
/// The token hash only makes one vote per form shown; the token itself carries no identity.
/// </remarks>
public sealed class SatisfactionVote
{
    public long Id { get; set; }

    public RatingTarget Target { get; set; }

    /// <summary>The published question rated (<see cref="RatingTarget.Question"/>); null for the site.</summary>
    public string? ContentItemId { get; set; }

    /// <summary>From 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Score { get; set; }

    /// <summary>A code of <see cref="SatisfactionRatings.Reasons"/>, or null.</summary>
    public string? Reason { get; set; }

    /// <summary>The day of the vote in Vietnam's time (no time of day).</summary>
    public DateOnly Day { get; set; }

    /// <summary>A hash of the anti-spam token the form was sent with: unique, so one form shown casts one vote.</summary>
    public required string TokenHash { get; set; }
}

internal sealed class SatisfactionVoteConfiguration : IEntityTypeConfiguration<SatisfactionVote>
{
    public void Configure(EntityTypeBuilder<SatisfactionVote> builder)
    {
        builder.ToTable("SatisfactionVotes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.Reason).HasMaxLength(20);
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => new { x.Day, x.Target });
    }
}
