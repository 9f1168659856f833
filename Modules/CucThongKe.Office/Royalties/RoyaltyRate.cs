using System.Globalization;
using CucThongKe.TextEncoding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Office.Royalties;

/// <summary>
/// One line of the royalty rate table (mức nhuận bút, Điều 6.2c): a kind of work (tin, bài, ảnh, dịch...) and what one piece
/// of it earns, in points (điểm, times the value of a point) or in đồng, from one date to another. Data, edited by an
/// authorised role; every change is kept in <see cref="RoyaltyRateChange"/>.
/// </summary>
public sealed class RoyaltyRate
{
    public long Id { get; set; }

    /// <summary>The kind's code, as credits name it (<c>tin</c>, <c>bai</c>, <c>anh</c>, <c>dich</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>What the kind is called ("Tin ngắn", "Ảnh báo chí").</summary>
    public required string Name { get; set; }

    /// <summary>Points per piece; the amount is points × <see cref="RoyaltyOptions.PointValue"/>. Null when <see cref="Amount"/> is given.</summary>
    public decimal? Points { get; set; }

    /// <summary>Đồng per piece. Null when <see cref="Points"/> is given.</summary>
    public long? Amount { get; set; }

    /// <summary>The first day (Vietnam) the rate applies to a publication.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day it applies; none: until a later rate is entered.</summary>
    public DateOnly? ValidTo { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public string? ModifiedBy { get; set; }

    /// <summary>One line for the change record and the pages ("Tin ngắn (tin): 120 điểm, 01/01/2026 – không hạn").</summary>
    public string Describe() =>
        $"{Name} ({Kind}): {(Points is { } p ? VietnameseNumber.Format(p, "0.##") + " điểm" : RoyaltyMoney.Format(Amount ?? 0))}, "
        + $"{ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} – {(ValidTo is { } to ? to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "không hạn")}";
}

/// <summary>A change of the rate table: who, when, the line before and after (Điều 6.2c: the rates are accountable data).</summary>
public sealed class RoyaltyRateChange
{
    public long Id { get; set; }

    public long RateId { get; set; }

    public DateTime ChangedUtc { get; set; }

    public string? ChangedBy { get; set; }

    /// <summary>The rate as it was (none: added).</summary>
    public string? Before { get; set; }

    public required string After { get; set; }
}

/// <summary>Money as the pages show it: "1.250.000 đ".</summary>
public static class RoyaltyMoney
{
    public static string Format(long amount) => VietnameseNumber.Dong(amount);

    public static string Number(long amount) => VietnameseNumber.Whole(amount);
}

internal sealed class RoyaltyRateConfiguration : IEntityTypeConfiguration<RoyaltyRate>
{
    public void Configure(EntityTypeBuilder<RoyaltyRate> builder)
    {
        builder.ToTable("RoyaltyRates");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Points).HasPrecision(9, 2);
        builder.Property(x => x.ModifiedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.Kind, x.ValidFrom });
    }
}

internal sealed class RoyaltyRateChangeConfiguration : IEntityTypeConfiguration<RoyaltyRateChange>
{
    public void Configure(EntityTypeBuilder<RoyaltyRateChange> builder)
    {
        builder.ToTable("RoyaltyRateChanges");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ChangedBy).HasMaxLength(256);
        builder.Property(x => x.Before).HasMaxLength(500);
        builder.Property(x => x.After).HasMaxLength(500).IsRequired();
        builder.HasIndex(x => x.RateId);
    }
}
