using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Office.Incidents;

[JsonConverter(typeof(JsonStringEnumConverter<IncidentSeverity>))]
public enum IncidentSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

[JsonConverter(typeof(JsonStringEnumConverter<IncidentStatus>))]
public enum IncidentStatus
{
    /// <summary>Recorded, nobody has taken it yet.</summary>
    Open,

    InProgress,

    Resolved,
}

/// <summary>A technical incident of the site (sự cố, Điều 11.6): what happened, how serious, what is proposed and done, by whom.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    /// <summary>What the site's own check found (<see cref="IncidentCauses"/>); null for an incident staff recorded.</summary>
    public string? Cause { get; set; }

    /// <summary>The cause while the incident is not resolved, else null: unique, so a cause has one open incident, however many nodes see it.</summary>
    public string? OpenCause { get; set; }

    public IncidentSeverity Severity { get; set; }

    public IncidentStatus Status { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public string? ActionsProposed { get; set; }

    public string? ActionsTaken { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The last time the check saw the cause again (the incident is not repeated).</summary>
    public DateTime LastSeenUtc { get; set; }

    public int Occurrences { get; set; } = 1;

    /// <summary>Who recorded it; null for the site itself.</summary>
    public string? ReportedBy { get; set; }

    /// <summary>Who last updated it (took it, wrote what was done, closed it).</summary>
    public string? HandledBy { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public static string SeverityName(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Low => "Thấp",
        IncidentSeverity.Medium => "Trung bình",
        IncidentSeverity.High => "Cao",
        _ => "Nghiêm trọng",
    };

    public static string StatusName(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => "Mới",
        IncidentStatus.InProgress => "Đang xử lý",
        _ => "Đã xử lý xong",
    };
}

/// <summary>The causes the site records by itself.</summary>
public static class IncidentCauses
{
    public const string Health = "health";
    public const string Database = "database";
    public const string ErrorRate = "error-rate";
    public const string Disk = "disk";
    public const string Mail = "mail";
    public const string Certificate = "certificate";
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Cause).HasMaxLength(50);
        builder.Property(x => x.OpenCause).HasMaxLength(50);
        builder.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.ActionsProposed).HasMaxLength(4000);
        builder.Property(x => x.ActionsTaken).HasMaxLength(4000);
        builder.Property(x => x.ReportedBy).HasMaxLength(256);
        builder.Property(x => x.HandledBy).HasMaxLength(256);
        builder.HasIndex(x => x.OpenCause).IsUnique();
        builder.HasIndex(x => new { x.Status, x.OccurredUtc });
    }
}
