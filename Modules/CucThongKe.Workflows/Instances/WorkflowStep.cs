using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Workflows.Instances;

/// <summary>One recorded step of an item's workflow (who, in which role and unit, when, from which state to which, on which version, why).</summary>
/// <remarks>Append-only: the application never updates or deletes a step (Core refuses it for every <see cref="IAppendOnlyRecord"/>).</remarks>
public sealed class WorkflowStep : IAppendOnlyRecord
{
    string IAppendOnlyRecord.RecordName => "Nhật ký quy trình duyệt";

    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    /// <summary>1, 2, 3... per item; unique, so two simultaneous steps cannot both be recorded.</summary>
    public int Sequence { get; set; }

    public required string WorkflowName { get; set; }

    /// <summary>The content version (row id) the step concerned.</summary>
    public long ContentItemVersionId { get; set; }

    public int ContentVersion { get; set; }

    /// <summary>The transition taken, or a system event (<c>content-changed</c>, <c>legacy-import</c>).</summary>
    public required string Transition { get; set; }

    public string? FromState { get; set; }

    public required string ToState { get; set; }

    public string? UserName { get; set; }

    public string? Role { get; set; }

    public string? UnitId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? Comment { get; set; }

    /// <summary>The system events recorded beside the transitions people take.</summary>
    public static class Events
    {
        public const string ContentChanged = "content-changed";
        public const string LegacyImport = "legacy-import";
        public const string Started = "start";
        public const string EmergencyPublish = "emergency-publish";

        /// <summary>The item moved to another unit (its state does not change; the instance's unit follows).</summary>
        public const string UnitTransfer = "unit-transfer";

        /// <summary>The item went to the trash (its state kept; no deadline runs while it is there).</summary>
        public const string Trash = "trash";

        /// <summary>The item came back from the trash, into the state it left (a fresh deadline).</summary>
        public const string Restore = "restore";

        /// <summary>A draft never published was deleted for good (the record stays).</summary>
        public const string Delete = "delete";

        /// <summary>The trash's purge deleted the item for good, after its period (the record stays).</summary>
        public const string Purge = "purge";
    }
}

internal sealed class WorkflowStepConfiguration : IEntityTypeConfiguration<WorkflowStep>
{
    public void Configure(EntityTypeBuilder<WorkflowStep> builder)
    {
        builder.ToTable("WorkflowSteps");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
        builder.Property(x => x.WorkflowName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Transition).HasMaxLength(100).IsRequired();
        builder.Property(x => x.FromState).HasMaxLength(100);
        builder.Property(x => x.ToState).HasMaxLength(100).IsRequired();
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Role).HasMaxLength(256);
        builder.Property(x => x.UnitId).HasMaxLength(100);
        builder.Property(x => x.Comment).HasMaxLength(4000);

        // Two people acting at once compute the same next sequence: the database records only one.
        builder.HasIndex(x => new { x.ContentItemId, x.Sequence }).IsUnique();
    }
}
