using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Core.Maintenance;

/// <summary>A planned stop of the public site (tạm ngừng để bảo trì): announced on the public pages beforehand, and
/// answered with the maintenance page while it lasts, for everyone but the operators.</summary>
public sealed class MaintenanceWindow
{
    public long Id { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>What the public reads in the notice and on the maintenance page.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Scheduled with less notice than the rule's working days (khẩn cấp), for <see cref="UrgentReason"/>.</summary>
    public bool Urgent { get; set; }

    public string? UrgentReason { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? CancelledUtc { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>Bumped by every change: two operators editing the same window do not overwrite each other.</summary>
    public int Version { get; set; }
}

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Reason).HasMaxLength(MaintenanceSchedule.MaxReasonLength).IsRequired();
        builder.Property(x => x.UrgentReason).HasMaxLength(MaintenanceSchedule.MaxReasonLength);
        builder.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.CancelledBy).HasMaxLength(256);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.EndUtc);
    }
}
