using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Users.Units;

/// <summary>A unit (đơn vị) of the office: the office itself, a department (phòng) or a district branch (chi cục).</summary>
/// <remarks>Data, not code: the 2025 reorganisation renamed and merged units, and will not be the last.</remarks>
public sealed class Unit
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    public UnitKind Kind { get; set; }

    public string? ParentId { get; set; }

    public int Order { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>The unit's official email address.</summary>
    public string? Email { get; set; }

    /// <summary>The head of the unit and their official contacts (Điều 12.8).</summary>
    public string? HeadName { get; set; }

    public string? HeadPosition { get; set; }

    public string? HeadEmail { get; set; }

    public string? HeadPhone { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Set when the unit was dissolved or merged; old items keep pointing at it.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The unit that took this one over in a merge.</summary>
    public string? SucceededById { get; set; }
}

public enum UnitKind
{
    /// <summary>The office itself (Cục).</summary>
    Office,

    /// <summary>The office's leadership (lãnh đạo Cục).</summary>
    Leadership,

    /// <summary>A department (phòng) of the office.</summary>
    Department,

    /// <summary>A district statistics branch (chi cục).</summary>
    Branch,

    /// <summary>External collaborators grouped under a unit.</summary>
    External,
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(100);
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.ShortName).HasMaxLength(100);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.ParentId).HasMaxLength(100);
        builder.Property(u => u.SucceededById).HasMaxLength(100);
        builder.Property(u => u.Address).HasMaxLength(500);
        builder.Property(u => u.Phone).HasMaxLength(50);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.HeadName).HasMaxLength(200);
        builder.Property(u => u.HeadPosition).HasMaxLength(200);
        builder.Property(u => u.HeadEmail).HasMaxLength(256);
        builder.Property(u => u.HeadPhone).HasMaxLength(50);
        builder.HasIndex(u => u.ParentId);
    }
}
