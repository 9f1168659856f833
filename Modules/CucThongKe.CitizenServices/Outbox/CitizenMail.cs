using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Outbox;

/// <summary>A mail of the citizen services waiting to leave (the asker told of the answer, a feedback's reply, the unit told
/// of new feedback): written in the transaction of what causes it, deleted once sent, so a mail server that is down delays it
/// and never loses it.</summary>
public sealed class CitizenMail
{
    public long Id { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Failed attempts so far; after <see cref="CitizenServicesOptions.MailMaxAttempts"/> the mail is given up.</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this moment (the back-off after a failure).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Set when the last attempt failed for good: the mail stays for the operator to see, and is no longer tried.</summary>
    public DateTime? GaveUpUtc { get; set; }

    public string? LastError { get; set; }
}

internal sealed class CitizenMailConfiguration : IEntityTypeConfiguration<CitizenMail>
{
    public void Configure(EntityTypeBuilder<CitizenMail> builder)
    {
        builder.ToTable("CitizenMails");
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(20000);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.GaveUpUtc, m.NextAttemptUtc });
    }
}
