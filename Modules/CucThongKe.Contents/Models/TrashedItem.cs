using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Models;

/// <summary>An item in the trash (thùng rác): which version comes back on restore, who put it there, when and why.</summary>
/// <remarks>
/// While it is here no version of the item is latest or published (<see cref="ContentItem.Removed"/>), so every list, editor
/// and workflow page leaves it out; restoring makes <see cref="VersionId"/> the latest again. The purge deletes the item's
/// versions and this row once <see cref="TrashedUtc"/> is older than the trash's period.
/// </remarks>
public sealed class TrashedItem
{
    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The title, for the trash list (the versions are not latest any more).</summary>
    public string? DisplayText { get; set; }

    /// <summary>The unit the item belongs to: the trash list and restore follow the same unit rules as the content list.</summary>
    public string? UnitId { get; set; }

    /// <summary>The version (row id) that was latest, made latest again on restore.</summary>
    public long VersionId { get; set; }

    public DateTime TrashedUtc { get; set; }

    public string? TrashedBy { get; set; }

    public string? Reason { get; set; }
}

internal sealed class TrashedItemConfiguration : IEntityTypeConfiguration<TrashedItem>
{
    public void Configure(EntityTypeBuilder<TrashedItem> builder)
    {
        builder.ToTable("TrashedItems");
        builder.HasKey(x => x.ContentItemId);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.DisplayText).HasMaxLength(1000);
        builder.Property(x => x.UnitId).HasMaxLength(100);
        builder.Property(x => x.TrashedBy).HasMaxLength(256);
        builder.Property(x => x.Reason).HasMaxLength(2000);
        // The purge walks the oldest first; a unit's staff list their unit's trash.
        builder.HasIndex(x => x.TrashedUtc);
        builder.HasIndex(x => new { x.UnitId, x.TrashedUtc });
    }
}
