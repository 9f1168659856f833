using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Statistics.Calendar;

/// <summary>What the board decided about a release; whether it is out is not stored but read from its item (see <see cref="ReleaseCalendar"/>).</summary>
public enum ReleaseStatus
{
    Planned = 1,
    Postponed = 2,
}

/// <summary>An entry of the release calendar (Điều 4.2; Nghị định 94/2016: next year's calendar before 15/12): when a
/// release is planned, what it carries, and the content item (the report) whose publication through the approval chain
/// releases it and every indicator value tied to it.</summary>
public sealed class ReleaseEntry
{
    public const int MaxKeyLength = 64;

    public long Id { get; set; }

    /// <summary>A stable name for recipes and imports (<c>cpi-2027-01</c>).</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>The reference period as readers read it ("Tháng 1/2027").</summary>
    public string? Period { get; set; }

    public DateTime PlannedUtc { get; set; }

    /// <summary>The indicators' codes the release carries, separated by spaces.</summary>
    public string? IndicatorCodes { get; set; }

    public ReleaseStatus Status { get; set; } = ReleaseStatus.Planned;

    /// <summary>Why it was postponed (required then, shown to readers).</summary>
    public string? Reason { get; set; }

    /// <summary>The item that carries the release (a socio-economic report); its publication releases the entry.</summary>
    public string? ContentItemId { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public string? ModifiedBy { get; set; }

    public IReadOnlyList<string> Codes => (IndicatorCodes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class ReleaseEntryConfiguration : IEntityTypeConfiguration<ReleaseEntry>
{
    public void Configure(EntityTypeBuilder<ReleaseEntry> builder)
    {
        builder.ToTable("ReleaseEntries");
        builder.HasKey(x => x.Id);
        builder.Ignore(x => x.Codes);
        builder.Property(x => x.Key).HasMaxLength(ReleaseEntry.MaxKeyLength);
        builder.HasIndex(x => x.Key).IsUnique();
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Period).HasMaxLength(100);
        builder.Property(x => x.IndicatorCodes).HasMaxLength(500);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Reason).HasMaxLength(1000);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ModifiedBy).HasMaxLength(256);
        builder.HasIndex(x => x.PlannedUtc);
    }
}
