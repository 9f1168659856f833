using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Workflows.Notifications;

/// <summary>A message for one user in the back office (an item waits for them, was returned, is overdue...).</summary>
public sealed class WorkflowNotification
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public string? ContentItemId { get; set; }

    public required string Message { get; set; }

    /// <summary>What caused it: a transition's name, or <c>deadline</c> for an escalation.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    /// <summary>When it was sent by email; null while pending (or when the user has no address).</summary>
    public DateTime? EmailedUtc { get; set; }
}

internal sealed class WorkflowNotificationConfiguration : IEntityTypeConfiguration<WorkflowNotification>
{
    public void Configure(EntityTypeBuilder<WorkflowNotification> builder)
    {
        builder.ToTable("WorkflowNotifications");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.Message).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(100);
        builder.HasIndex(x => new { x.UserName, x.ReadUtc, x.CreatedUtc });
    }
}
