using CucThongKe.Contents.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Scheduling;

/// <summary>A version approved to be published at an exact UTC time (the release calendar of Điều 4.2).</summary>
public sealed class ScheduledPublication
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public long ContentItemVersionId { get; set; }

    public DateTime PublishUtc { get; set; }

    /// <summary>The path that scheduled it; the publication takes the same path.</summary>
    public PublishSource Source { get; set; }

    public string? RequestedBy { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    /// <summary>Why the publication did not happen (cancelled, or refused at the time).</summary>
    public string? Outcome { get; set; }
}

internal sealed class ScheduledPublicationConfiguration : IEntityTypeConfiguration<ScheduledPublication>
{
    public void Configure(EntityTypeBuilder<ScheduledPublication> builder)
    {
        builder.ToTable("ScheduledPublications");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.Source).HasConversion(PublishSourceText.Converter).HasMaxLength(20);
        builder.Property(x => x.RequestedBy).HasMaxLength(256);
        builder.Property(x => x.Note).HasMaxLength(2000);
        builder.Property(x => x.Outcome).HasMaxLength(2000);
        builder.HasIndex(x => new { x.CompletedUtc, x.PublishUtc });
        builder.HasIndex(x => x.ContentItemId);
    }
}
