using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Workflows.Definitions;

/// <summary>A stored workflow definition: its name and display name as columns, the states and transitions as JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Name { get; set; }

    public required string DisplayName { get; set; }

    public required string Json { get; set; }

    public DateTime ModifiedUtc { get; set; }
}

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.DisplayName).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Json).IsRequired();
    }
}
