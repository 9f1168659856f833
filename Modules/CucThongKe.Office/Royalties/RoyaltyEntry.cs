using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Office.Royalties;

/// <summary>What a credited person did for a published item.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoyaltyRole>))]
public enum RoyaltyRole
{
    Author,
    Photographer,
    Translator,
}

/// <summary>Where an entry stands: drafted from the rate, or reviewed by the accountant.</summary>
public enum RoyaltyEntryStatus
{
    Draft,
    Reviewed,
}

/// <summary>
/// One line of the royalty ledger (sổ nhuận bút, Điều 6.2c): what one credited person earns for one published item, drafted
/// from the rate valid on the publication date, reviewed and adjusted by the accountant, frozen once its period is closed.
/// A person is an account of the site (<see cref="UserName"/>, their unit) or an external collaborator (cộng tác viên,
/// Điều 14.5) known by name with their unit of attachment (<see cref="ExternalUnit"/>).
/// </summary>
public sealed class RoyaltyEntry
{
    public long Id { get; set; }

    /// <summary>The month it is paid in, <c>2026-12</c>: the publication's month, or the first open month after it when that one was closed.</summary>
    public required string Period { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The item's title when the entry was drafted (the ledger keeps what was paid for).</summary>
    public required string Title { get; set; }

    public DateTime PublishedUtc { get; set; }

    public RoyaltyRole Role { get; set; }

    /// <summary>The rate's kind (<c>tin</c>, <c>anh</c>...).</summary>
    public required string Kind { get; set; }

    /// <summary>The rate used; none when no rate of the kind was valid on the publication date (the amount is then 0, to adjust).</summary>
    public long? RateId { get; set; }

    /// <summary>The account credited; null for an external collaborator.</summary>
    public string? UserName { get; set; }

    /// <summary>The person's name as the ledger prints it (the account's display name, or the collaborator's name).</summary>
    public required string PersonName { get; set; }

    /// <summary>Who the entry belongs to, unique per item and kind: <c>u:</c> and the account, or <c>x:</c> and the collaborator's folded name and unit.</summary>
    public required string PersonKey { get; set; }

    /// <summary>The account's unit when drafted; null for an external collaborator.</summary>
    public string? UnitId { get; set; }

    /// <summary>An external collaborator's unit of attachment (đơn vị công tác), as given in the credit.</summary>
    public string? ExternalUnit { get; set; }

    /// <summary>Pieces of the kind (three photos: 3).</summary>
    public int Quantity { get; set; } = 1;

    /// <summary>Points in all (the rate's points × quantity), when the rate is in points.</summary>
    public decimal? Points { get; set; }

    /// <summary>What the rate gave, in đồng, before any adjustment.</summary>
    public long DraftAmount { get; set; }

    /// <summary>What is paid, in đồng.</summary>
    public long Amount { get; set; }

    public RoyaltyEntryStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReviewedUtc { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Why the drafted amount may need a look (no rate on the date, a later period because the month was closed).</summary>
    public string? Note { get; set; }

    /// <summary>Bumped by every change of the entry and by the closing of its month (a concurrency token): an adjustment that
    /// read the month open while the month was being closed fails at its save instead of landing in the closed month.</summary>
    public int Version { get; set; }

    public static string RoleName(RoyaltyRole role) => role switch
    {
        RoyaltyRole.Author => "Tác giả",
        RoyaltyRole.Photographer => "Người chụp ảnh",
        _ => "Người dịch",
    };

    public static string StatusName(RoyaltyEntryStatus status) => status == RoyaltyEntryStatus.Draft ? "Dự thảo" : "Đã duyệt";
}

/// <summary>An accountant's change of an entry's amount, with the mandatory reason.</summary>
public sealed class RoyaltyAdjustment
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    public DateTime ChangedUtc { get; set; }

    public required string ChangedBy { get; set; }

    public long OldAmount { get; set; }

    public long NewAmount { get; set; }

    public required string Reason { get; set; }
}

/// <summary>A closed month of the ledger: nothing in it changes any more (the row's presence is the lock).</summary>
public sealed class RoyaltyPeriod
{
    /// <summary><c>2026-11</c>.</summary>
    public required string Period { get; set; }

    public DateTime ClosedUtc { get; set; }

    public required string ClosedBy { get; set; }

    public int EntryCount { get; set; }

    /// <summary>The period's total in đồng when it was closed.</summary>
    public long Total { get; set; }
}

internal sealed class RoyaltyEntryConfiguration : IEntityTypeConfiguration<RoyaltyEntry>
{
    public void Configure(EntityTypeBuilder<RoyaltyEntry> builder)
    {
        builder.ToTable("RoyaltyEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Period).HasMaxLength(7).IsRequired();
        builder.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.PersonName).HasMaxLength(200).IsRequired();
        builder.Property(x => x.PersonKey).HasMaxLength(500).IsRequired();
        builder.Property(x => x.UnitId).HasMaxLength(100);
        builder.Property(x => x.ExternalUnit).HasMaxLength(200);
        builder.Property(x => x.Points).HasPrecision(11, 2);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(x => x.ReviewedBy).HasMaxLength(256);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.Property(x => x.Version).IsConcurrencyToken();

        // An item's publication drafts a person's entry of a kind once, however often it is published again or by how many nodes.
        builder.HasIndex(x => new { x.ContentItemId, x.Kind, x.PersonKey }).IsUnique();
        builder.HasIndex(x => new { x.Period, x.UserName });
        builder.HasIndex(x => new { x.Period, x.UnitId });
    }
}

internal sealed class RoyaltyAdjustmentConfiguration : IEntityTypeConfiguration<RoyaltyAdjustment>
{
    public void Configure(EntityTypeBuilder<RoyaltyAdjustment> builder)
    {
        builder.ToTable("RoyaltyAdjustments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        builder.HasOne<RoyaltyEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.EntryId);
    }
}

internal sealed class RoyaltyPeriodConfiguration : IEntityTypeConfiguration<RoyaltyPeriod>
{
    public void Configure(EntityTypeBuilder<RoyaltyPeriod> builder)
    {
        builder.ToTable("RoyaltyPeriods");
        builder.HasKey(x => x.Period);
        builder.Property(x => x.Period).HasMaxLength(7);
        builder.Property(x => x.ClosedBy).HasMaxLength(256).IsRequired();
    }
}
