using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Definitions;

/// <summary>A stored definition of a content type or part, as JSON.</summary>
public sealed class ContentDefinitionRecord
{
    public required string Kind { get; set; }

    public required string Name { get; set; }

    public required string Json { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public const string TypeKind = "Type";
    public const string PartKind = "Part";
}

internal sealed class ContentDefinitionRecordConfiguration : IEntityTypeConfiguration<ContentDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ContentDefinitionRecord> builder)
    {
        builder.ToTable("ContentDefinitions");
        builder.HasKey(x => new { x.Kind, x.Name });
        builder.Property(x => x.Kind).HasMaxLength(10);
        builder.Property(x => x.Name).HasMaxLength(100);
    }
}
