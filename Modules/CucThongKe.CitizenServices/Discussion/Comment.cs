using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>Where a reader's comment stands: nothing is public before a moderator accepts it.</summary>
public enum CommentStatus
{
    /// <summary>Waiting for a moderator; never shown to readers.</summary>
    Pending,

    /// <summary>Accepted by a moderator: shown under the item while the item is public.</summary>
    Accepted,

    /// <summary>Refused by a moderator, with the reason; never shown to readers.</summary>
    Rejected,
}

/// <summary>A reader's comment (ý kiến bạn đọc) on an item open for discussion, as sent and as moderated.</summary>
/// <remarks>Plain text only: stored as typed (trimmed, NFC) and encoded when written out; no HTML is ever accepted.</remarks>
public sealed class Comment
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 200;
    public const int MinTextLength = 10;
    public const int MaxTextLength = 3000;
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    public long Id { get; set; }

    /// <summary>The item commented on (its <c>ContentItemId</c>).</summary>
    public required string ContentItemId { get; set; }

    /// <summary>The name the reader gave, shown with the comment once accepted.</summary>
    public required string Name { get; set; }

    /// <summary>The reader's address, when given: personal data, never shown.</summary>
    public string? Email { get; set; }

    public required string Text { get; set; }

    public CommentStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Who accepted or rejected it (user name), and when.</summary>
    public string? ModeratedBy { get; set; }

    public DateTime? ModeratedUtc { get; set; }

    /// <summary>Why it was rejected (the moderator's words).</summary>
    public string? RejectReason { get; set; }

    /// <summary>A hash of the anti-spam token the form was sent with: unique, so one form shown posts one comment.</summary>
    public required string TokenHash { get; set; }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("Comments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Comment.MaxNameLength).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(Comment.MaxEmailLength);
        builder.Property(x => x.Text).HasMaxLength(Comment.MaxTextLength).IsRequired();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ModeratedBy).HasMaxLength(256);
        builder.Property(x => x.RejectReason).HasMaxLength(Comment.MaxReasonLength);
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => new { x.ContentItemId, x.Status, x.CreatedUtc });
        builder.HasIndex(x => new { x.Status, x.CreatedUtc });
    }
}

/// <summary>An item the board opened for discussion (readers may comment on it while it is open), with who opened and closed it.</summary>
public sealed class DiscussionState
{
    public required string ContentItemId { get; set; }

    public DateTime OpenedUtc { get; set; }

    public required string OpenedBy { get; set; }

    /// <summary>Set when the board closed the discussion: accepted comments stay shown, no new ones are taken.</summary>
    public DateTime? ClosedUtc { get; set; }

    public string? ClosedBy { get; set; }

    public bool IsOpen => ClosedUtc is null;
}

internal sealed class DiscussionStateConfiguration : IEntityTypeConfiguration<DiscussionState>
{
    public void Configure(EntityTypeBuilder<DiscussionState> builder)
    {
        builder.ToTable("Discussions");
        builder.HasKey(x => x.ContentItemId);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.OpenedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.ClosedBy).HasMaxLength(256);
        builder.Ignore(x => x.IsOpen);
    }
}
