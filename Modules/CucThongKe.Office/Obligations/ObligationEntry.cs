using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Office.Obligations;

/// <summary>How an entry ended, for the timeliness statistics (Điều 17).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObligationOutcome>))]
public enum ObligationOutcome
{
    OnTime,
    Late,
    Missed,
}

/// <summary>What the overdue page filters by: an entry's state now.</summary>
public enum ObligationEntryState
{
    /// <summary>Not yet fulfilled, not yet due.</summary>
    Open,

    /// <summary>Past its due date, not fulfilled, not yet counted as missed.</summary>
    Overdue,

    OnTime,
    Late,
    Missed,
}

/// <summary>One period's due entry of an obligation (e.g. the November 2026 report of Phòng Tổng hợp, due 06/12/2026).</summary>
public sealed class ObligationEntry
{
    public long Id { get; set; }

    public required string ObligationId { get; set; }

    /// <summary>The obligation's unit when the entry was made (filters and statistics read it without a join).</summary>
    public required string UnitId { get; set; }

    /// <summary><c>2026-11</c>, <c>2026-Q4</c>, <c>2026-H2</c> or <c>2026</c>; unique per obligation, so making entries twice makes them once.</summary>
    public required string Period { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The due date (Vietnam), a working day.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>The end of the due date in UTC: a submission before it is on time.</summary>
    public DateTime DueUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? FulfilledUtc { get; set; }

    /// <summary>The item whose submission fulfilled the entry.</summary>
    public string? ContentItemId { get; set; }

    public string? FulfilledBy { get; set; }

    public ObligationOutcome? Outcome { get; set; }

    public DateTime? RemindedUtc { get; set; }

    public DateTime? OverdueNotifiedUtc { get; set; }

    public ObligationEntryState StateAt(DateTime nowUtc) => Outcome switch
    {
        ObligationOutcome.OnTime => ObligationEntryState.OnTime,
        ObligationOutcome.Late => ObligationEntryState.Late,
        ObligationOutcome.Missed => ObligationEntryState.Missed,
        _ => nowUtc > DueUtc ? ObligationEntryState.Overdue : ObligationEntryState.Open,
    };

    public static string StateName(ObligationEntryState state) => state switch
    {
        ObligationEntryState.Open => "Chưa đến hạn",
        ObligationEntryState.Overdue => "Quá hạn",
        ObligationEntryState.OnTime => "Đúng hạn",
        ObligationEntryState.Late => "Trễ hạn",
        _ => "Không thực hiện",
    };
}

internal sealed class ObligationEntryConfiguration : IEntityTypeConfiguration<ObligationEntry>
{
    public void Configure(EntityTypeBuilder<ObligationEntry> builder)
    {
        builder.ToTable("ObligationEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ObligationId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.UnitId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Period).HasMaxLength(10).IsRequired();
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.FulfilledBy).HasMaxLength(256);
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<ReportingObligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Restrict);

        // The scheduler makes a period's entry once, however often it runs or how many nodes run it.
        builder.HasIndex(x => new { x.ObligationId, x.Period }).IsUnique();
        builder.HasIndex(x => new { x.UnitId, x.DueDate });
    }
}
