using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Workflows.Instances;

/// <summary>Where one content item stands in its workflow: the state, the version it concerns, the version the board head approved.</summary>
public sealed class WorkflowInstance
{
    /// <summary>The content item (all its versions share it).</summary>
    public required string ContentItemId { get; set; }

    public required string WorkflowName { get; set; }

    public required string State { get; set; }

    /// <summary>The unit (đơn vị) of the item's author, fixed when the item was created; the same-unit rule checks against it.</summary>
    public string? UnitId { get; set; }

    /// <summary>The user who created the item (told when it is returned or published).</summary>
    public string? Author { get; set; }

    /// <summary>The content version (row id) the current state concerns: the latest version.</summary>
    public long ContentItemVersionId { get; set; }

    /// <summary>The content version number (1, 2, 3...) the current state concerns.</summary>
    public int ContentVersion { get; set; }

    /// <summary>The version the board head approved; cleared when the content changes after approval.</summary>
    public long? ApprovedVersionId { get; set; }

    public DateTime StateEnteredUtc { get; set; }

    /// <summary>When the current state's deadline passes; null when it has none.</summary>
    public DateTime? DueUtc { get; set; }

    /// <summary>When the escalation of the current state's deadline was sent.</summary>
    public DateTime? EscalatedUtc { get; set; }

    /// <summary>Counts the steps; the concurrency token that lets exactly one of two simultaneous steps win.</summary>
    public int Revision { get; set; }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(x => x.ContentItemId);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.WorkflowName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.State).HasMaxLength(100).IsRequired();
        builder.Property(x => x.UnitId).HasMaxLength(100);
        builder.Property(x => x.Author).HasMaxLength(256);
        builder.Property(x => x.Revision).IsConcurrencyToken();
        builder.HasIndex(x => new { x.WorkflowName, x.State });
        builder.HasIndex(x => x.DueUtc);
    }
}
