using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Users.Units;

/// <summary>
/// A rename or a merge of a unit, kept as history (the 2025 reorganisation): the name it had, the name it got or the unit it
/// went into, and from when. Items keep the unit id they were written under; this record says what that unit was called.
/// </summary>
public sealed class UnitChange
{
    public long Id { get; set; }

    public required string UnitId { get; set; }

    public UnitChangeKind Kind { get; set; }

    public required string OldName { get; set; }

    /// <summary>The new name of a rename; null for a merge.</summary>
    public string? NewName { get; set; }

    /// <summary>The unit this one was merged into; null for a rename.</summary>
    public string? MergedIntoId { get; set; }

    public DateOnly EffectiveDate { get; set; }

    public DateTime RecordedUtc { get; set; }

    public string? RecordedBy { get; set; }
}

public enum UnitChangeKind
{
    /// <summary>Đổi tên.</summary>
    Renamed,

    /// <summary>Sáp nhập vào đơn vị khác.</summary>
    Merged,
}

internal sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> builder)
    {
        builder.ToTable("UnitChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.UnitId).HasMaxLength(100);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OldName).HasMaxLength(300);
        builder.Property(c => c.NewName).HasMaxLength(300);
        builder.Property(c => c.MergedIntoId).HasMaxLength(100);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.UnitId, c.EffectiveDate });
    }
}
