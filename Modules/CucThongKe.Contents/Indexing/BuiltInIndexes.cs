using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Indexing;

/// <summary>The public path of a version (from <see cref="AutoroutePart"/>).</summary>
public sealed class AutorouteIndex : ContentIndex
{
    public string Path { get; set; } = "";
}

/// <summary>The terms a version is filed under, by field.</summary>
public sealed class TaxonomyIndex : ContentIndex
{
    public string Field { get; set; } = "";

    public string Taxonomy { get; set; } = "";

    public string TermId { get; set; } = "";
}

/// <summary>The items a version links to, by field.</summary>
public sealed class ContentPickerIndex : ContentIndex
{
    public string Field { get; set; } = "";

    public string TargetContentItemId { get; set; } = "";
}

internal sealed class AutorouteIndexProvider(CmsDbContext db) : ContentIndexProvider<AutorouteIndex>(db)
{
    protected override IEnumerable<AutorouteIndex> Map(ContentItem version, ResolvedContentType type) =>
        version.As<AutoroutePart>()?.Path is { Length: > 0 } path ? [new AutorouteIndex { Path = path }] : [];

    protected override bool SameValues(AutorouteIndex stored, AutorouteIndex wanted) => stored.Path == wanted.Path;
}

internal sealed class TaxonomyIndexProvider(CmsDbContext db) : ContentIndexProvider<TaxonomyIndex>(db)
{
    protected override IEnumerable<TaxonomyIndex> Map(ContentItem version, ResolvedContentType type) =>
        type.FindFields<TaxonomyField, TaxonomyFieldSettings>(version).SelectMany(f =>
            f.Field.TermIds.Select(t => new TaxonomyIndex { Field = f.Path, Taxonomy = f.Settings.Taxonomy, TermId = t }));

    protected override bool SameValues(TaxonomyIndex stored, TaxonomyIndex wanted) =>
        stored.Field == wanted.Field && stored.TermId == wanted.TermId && stored.Taxonomy == wanted.Taxonomy;
}

internal sealed class ContentPickerIndexProvider(CmsDbContext db) : ContentIndexProvider<ContentPickerIndex>(db)
{
    protected override IEnumerable<ContentPickerIndex> Map(ContentItem version, ResolvedContentType type) =>
        type.FindFields<ContentPickerField, ContentPickerFieldSettings>(version).SelectMany(f =>
            f.Field.ContentItemIds.Select(id => new ContentPickerIndex { Field = f.Path, TargetContentItemId = id }));

    protected override bool SameValues(ContentPickerIndex stored, ContentPickerIndex wanted) =>
        stored.Field == wanted.Field && stored.TargetContentItemId == wanted.TargetContentItemId;
}

internal static class ContentIndexConfiguration
{
    public static void ConfigureCommon<TIndex>(EntityTypeBuilder<TIndex> builder, string table) where TIndex : ContentIndex
    {
        builder.ToTable(table);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.ContentItemVersionId);
    }
}

internal sealed class AutorouteIndexConfiguration : IEntityTypeConfiguration<AutorouteIndex>
{
    public void Configure(EntityTypeBuilder<AutorouteIndex> builder)
    {
        ContentIndexConfiguration.ConfigureCommon(builder, "AutorouteIndex");
        builder.Property(x => x.Path).HasMaxLength(400);
        builder.HasIndex(x => new { x.Path, x.Published });
    }
}

internal sealed class TaxonomyIndexConfiguration : IEntityTypeConfiguration<TaxonomyIndex>
{
    public void Configure(EntityTypeBuilder<TaxonomyIndex> builder)
    {
        ContentIndexConfiguration.ConfigureCommon(builder, "TaxonomyIndex");
        builder.Property(x => x.Field).HasMaxLength(200);
        builder.Property(x => x.Taxonomy).HasMaxLength(100);
        builder.Property(x => x.TermId).HasMaxLength(150);
        builder.HasIndex(x => new { x.Taxonomy, x.TermId, x.Published });
    }
}

internal sealed class ContentPickerIndexConfiguration : IEntityTypeConfiguration<ContentPickerIndex>
{
    public void Configure(EntityTypeBuilder<ContentPickerIndex> builder)
    {
        ContentIndexConfiguration.ConfigureCommon(builder, "ContentPickerIndex");
        builder.Property(x => x.Field).HasMaxLength(200);
        builder.Property(x => x.TargetContentItemId).HasMaxLength(32);
        builder.HasIndex(x => new { x.TargetContentItemId, x.Published });
    }
}
