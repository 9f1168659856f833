using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Taxonomies;

/// <summary>A named list of terms (categories of news, fields of statistics, kinds of documents...).</summary>
public sealed class Taxonomy
{
    public required string Name { get; set; }

    public required string DisplayName { get; set; }
}

/// <summary>One term of a taxonomy, possibly under a parent term.</summary>
/// <summary>Where readers' pages keep the terms in memory (a few dozen rows, read by every item page).</summary>
public static class TaxonomyTermsCache
{
    public const string Key = "contents:taxonomy-terms";

    /// <summary>How long a change made by another process (a recipe run from the command line) may take to show.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
}

public sealed class TaxonomyTerm
{
    public required string Taxonomy { get; set; }

    /// <summary>The term's id, also its path segment (e.g. "hoat-dong-cua-cuc").</summary>
    public required string TermId { get; set; }

    public required string Name { get; set; }

    public string? ParentId { get; set; }

    public int Order { get; set; }
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> builder)
    {
        builder.ToTable("Taxonomies");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.DisplayName).HasMaxLength(200);
    }
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.ToTable("TaxonomyTerms");
        builder.HasKey(x => new { x.Taxonomy, x.TermId });
        builder.Property(x => x.Taxonomy).HasMaxLength(100);
        builder.Property(x => x.TermId).HasMaxLength(150);
        builder.Property(x => x.ParentId).HasMaxLength(150);
        builder.Property(x => x.Name).HasMaxLength(300);
    }
}
