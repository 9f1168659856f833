using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Indexing;

/// <summary>One entry of the indexing-task log that search nodes follow: an item changed or was removed.</summary>
/// <remarks>The id only grows, so a node remembers the last id it applied and reads on from there.</remarks>
public sealed class IndexingTask
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public IndexingTaskType Type { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Raised after a commit that appended to the indexing-task log, so that this node's search index reads it at once.</summary>
/// <remarks>Other nodes sharing the database still see the change at their next poll of the log.</remarks>
public sealed class IndexingSignal : WakeUpSignal;

public enum IndexingTaskType
{
    Update,
    Delete,
}

internal sealed class IndexingTaskConfiguration : IEntityTypeConfiguration<IndexingTask>
{
    public void Configure(EntityTypeBuilder<IndexingTask> builder)
    {
        builder.ToTable("IndexingTasks");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
    }
}
