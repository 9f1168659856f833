using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Contents.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Statistics.Indexing;

/// <summary>The period of a socio-economic report (Điều 12.6), for the archive by period kind and year.</summary>
public sealed class ReportIndex : ContentIndex
{
    /// <summary>A term of the "ky-bao-cao" taxonomy: thang, quy, 6-thang, 9-thang, nam.</summary>
    public string? PeriodKind { get; set; }

    /// <summary>The month or quarter, when the kind has one.</summary>
    public int? Period { get; set; }

    public int? Year { get; set; }
}

internal sealed class ReportIndexProvider(CmsDbContext db) : ContentIndexProvider<ReportIndex>(db)
{
    protected override IEnumerable<ReportIndex> Map(ContentItem version, ResolvedContentType type)
    {
        if (version.ContentType != StatisticsTypes.SocioEconomicReport)
        {
            return [];
        }

        const string part = StatisticsTypes.SocioEconomicReport;
        return
        [
            new ReportIndex
            {
                PeriodKind = FieldReader.Term(version, part, "PeriodKind"),
                Period = FieldReader.WholeNumber(version, part, "Period"),
                Year = FieldReader.WholeNumber(version, part, "Year"),
            },
        ];
    }

    protected override bool SameValues(ReportIndex stored, ReportIndex wanted) =>
        stored.PeriodKind == wanted.PeriodKind && stored.Period == wanted.Period && stored.Year == wanted.Year;
}

internal sealed class ReportIndexConfiguration : IEntityTypeConfiguration<ReportIndex>
{
    public void Configure(EntityTypeBuilder<ReportIndex> builder)
    {
        builder.ToTable("ReportIndex");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.ContentItemVersionId);
        builder.Property(x => x.PeriodKind).HasMaxLength(150);
        builder.HasIndex(x => new { x.Published, x.Year, x.PeriodKind });
    }
}
