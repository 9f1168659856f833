using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Core.Settings;

/// <summary>One named group of site settings, stored as a JSON document (site, contacts, ...).</summary>
public sealed class SettingsDocument
{
    public required string Name { get; set; }

    public required string Json { get; set; }

    public DateTime ModifiedUtc { get; set; }
}

internal sealed class SettingsDocumentConfiguration : IEntityTypeConfiguration<SettingsDocument>
{
    public void Configure(EntityTypeBuilder<SettingsDocument> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(100);
    }
}
