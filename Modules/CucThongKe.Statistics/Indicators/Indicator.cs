using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Statistics.Indicators;

/// <summary>A statistical indicator (CPI, GRDP growth...): what it measures and how; its values are <see cref="IndicatorValue"/>s.</summary>
public sealed class Indicator
{
    public const int MaxCodeLength = 40;

    public int Id { get; set; }

    /// <summary>The address of its page (<c>/chi-so/cpi</c>): lower-case letters, digits and '-'.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Definition { get; set; }

    /// <summary>"%", "tỷ đồng", "nghìn người"...</summary>
    public string? Unit { get; set; }

    public PeriodKind Frequency { get; set; }

    public string? Source { get; set; }

    public string? Methodology { get; set; }

    /// <summary>The theme the list of indicators groups it under ("Giá cả", "Dân số và lao động"...).</summary>
    public string? Theme { get; set; }

    /// <summary>Decimal places shown to readers.</summary>
    public int Decimals { get; set; } = 1;

    /// <summary>Whether the home page's strip of key figures shows it, and where (lowest first); null: not shown.</summary>
    public int? KeyFigureOrder { get; set; }

    public int Order { get; set; }
}

/// <summary>How final a value is (Điều 12.6: figures are first estimated, then revised, then final).</summary>
public enum ValueStatus
{
    Preliminary = 1,
    Revised = 2,
    Final = 3,
}

/// <summary>One value of an indicator for one period, as one import gave it. A later import of the same period adds a
/// row: the older rows are the revision history (who, when), and readers see the newest row whose release is out.</summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    /// <summary><see cref="Period.Key"/>.</summary>
    public required string PeriodKey { get; set; }

    public PeriodKind PeriodKind { get; set; }

    public int Year { get; set; }

    /// <summary>Month or quarter; 0 for the other kinds.</summary>
    public int PeriodNumber { get; set; }

    public decimal Value { get; set; }

    public ValueStatus Status { get; set; }

    /// <summary>The calendar entry whose release makes it public.</summary>
    public long ReleaseId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public Period Period => new(PeriodKind, Year, PeriodNumber);

    public static string StatusName(ValueStatus status) => status switch
    {
        ValueStatus.Preliminary => "Sơ bộ",
        ValueStatus.Revised => "Điều chỉnh",
        _ => "Chính thức",
    };

    /// <summary>Reads the status a table writes ("sơ bộ", "điều chỉnh", "chính thức", with or without diacritics).</summary>
    public static ValueStatus? ParseStatus(string text) =>
        CucThongKe.TextEncoding.VietnameseText.Fold(text.Trim()) switch
        {
            "so bo" or "preliminary" => ValueStatus.Preliminary,
            "dieu chinh" or "revised" => ValueStatus.Revised,
            "chinh thuc" or "final" => ValueStatus.Final,
            _ => null,
        };
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(Indicator.MaxCodeLength);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Definition).HasMaxLength(4000);
        builder.Property(x => x.Unit).HasMaxLength(50);
        builder.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Source).HasMaxLength(500);
        builder.Property(x => x.Methodology).HasMaxLength(8000);
        builder.Property(x => x.Theme).HasMaxLength(150);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.HasKey(x => x.Id);
        builder.Ignore(x => x.Period);
        builder.Property(x => x.PeriodKey).HasMaxLength(10);
        builder.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Value).HasPrecision(18, 4);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Calendar.ReleaseEntry>().WithMany().HasForeignKey(x => x.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IndicatorId, x.PeriodKey });
        builder.HasIndex(x => x.ReleaseId);
    }
}
