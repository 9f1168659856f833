using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Media.Files;

/// <summary>The media files a version points at (attachments and images), so a file is served only while a published item shows it.</summary>
/// <remarks>Without it, the data files of a report scheduled for release could be fetched before their time (Điều 4.2).</remarks>
public sealed class MediaReferenceIndex : ContentIndex
{
    public const int MaxPathLength = 500;

    public string Path { get; set; } = "";
}

internal sealed partial class MediaReferenceIndexProvider(CmsDbContext db) : ContentIndexProvider<MediaReferenceIndex>(db)
{
    protected override IEnumerable<MediaReferenceIndex> Map(ContentItem version, ResolvedContentType type) =>
        type.FindFields<AttachmentField, AttachmentFieldSettings>(version).SelectMany(f => f.Field.Items.Select(i => i.Path))
            .Concat(type.FindFields<MediaField, MediaFieldSettings>(version).SelectMany(f => f.Field.Items.Select(i => i.Path)))
            .Concat(type.FindFields<HtmlField, HtmlFieldSettings>(version).SelectMany(f => LinkedFiles(f.Field.Html)))
            .Concat(LinkedFiles(version.As<HtmlBodyPart>()?.Html))
            .Select(Normalize)
            .Where(p => p.Length is > 0 and <= MediaReferenceIndex.MaxPathLength)
            .Distinct(StringComparer.Ordinal)
            .Select(p => new MediaReferenceIndex { Path = p });

    protected override bool SameValues(MediaReferenceIndex stored, MediaReferenceIndex wanted) => stored.Path == wanted.Path;

    public static string Normalize(string path) => path.Trim().TrimStart('/');

    /// <summary>The library files rich text shows or links to (<c>/anh/{width}/...</c>, <c>/tep/...</c>): published with the item.</summary>
    private static IEnumerable<string> LinkedFiles(string? html) =>
        string.IsNullOrEmpty(html)
            ? []
            : LinkedFile().Matches(html).Select(m => string.Join('/', m.Groups[1].Value.Split('/').Select(Unescape)));

    private static string Unescape(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }

    [GeneratedRegex("(?:src|href)=\"/(?:anh/[0-9]+|tep)/([^\"?#]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex LinkedFile();
}

internal sealed class MediaReferenceIndexConfiguration : IEntityTypeConfiguration<MediaReferenceIndex>
{
    public void Configure(EntityTypeBuilder<MediaReferenceIndex> builder)
    {
        builder.ToTable("MediaReferenceIndex");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.ContentItemVersionId);
        builder.Property(x => x.Path).HasMaxLength(MediaReferenceIndex.MaxPathLength);
        builder.HasIndex(x => new { x.Path, x.Published });
    }
}
