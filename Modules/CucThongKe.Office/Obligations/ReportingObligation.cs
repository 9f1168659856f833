using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Office.Obligations;

/// <summary>How often a unit reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObligationFrequency>))]
public enum ObligationFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// <summary>How the due date of a period is found.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DueRuleKind>))]
public enum DueRuleKind
{
    /// <summary>Day <c>Day</c> of the month <c>MonthsAfter</c> months after the period's last month (0: in it); the last day when the month is shorter.</summary>
    DayOfMonth,

    /// <summary>The <c>Day</c>th working day after the period ends.</summary>
    WorkingDaysAfter,

    /// <summary>A date of the year (<c>Day</c>/<c>Month</c>), the first after the period ends; yearly obligations only.</summary>
    FixedDate,
}

/// <summary>What a unit must provide, how often and by when (nghĩa vụ cung cấp thông tin, Điều 9.1, 17.1); data, edited by the board.</summary>
public sealed class ReportingObligation
{
    /// <summary>A short name made of lower-case letters, digits and hyphens, e.g. <c>bao-cao-kt-xh-thang</c>.</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string UnitId { get; set; }

    public ObligationFrequency Frequency { get; set; }

    public DueRuleKind DueRule { get; set; }

    /// <summary>The day of the month (<see cref="DueRuleKind.DayOfMonth"/>, <see cref="DueRuleKind.FixedDate"/>) or the number of working days.</summary>
    public int DueDay { get; set; }

    /// <summary>The month of a fixed date (1-12).</summary>
    public int? DueMonth { get; set; }

    /// <summary>For <see cref="DueRuleKind.DayOfMonth"/>: months after the period's last month (default 1: the next month).</summary>
    public int MonthsAfter { get; set; } = 1;

    /// <summary>The content type of the item whose submission into the approval chain fulfils an entry.</summary>
    public required string ContentType { get; set; }

    /// <summary>The first period that is due (the one containing this date).</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>A suspended obligation gets no new entries; its past ones stay.</summary>
    public bool Active { get; set; } = true;

    public string? Note { get; set; }
}

internal sealed class ReportingObligationConfiguration : IEntityTypeConfiguration<ReportingObligation>
{
    public void Configure(EntityTypeBuilder<ReportingObligation> builder)
    {
        builder.ToTable("Obligations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(100);
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.UnitId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.DueRule).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(1000);
        builder.HasIndex(x => x.UnitId);
    }
}
