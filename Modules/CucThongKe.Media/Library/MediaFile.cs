using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Media.Library;

/// <summary>A file in the media library: where it is stored, what it really is, who uploaded it.</summary>
public sealed class MediaFile
{
    public long Id { get; set; }

    /// <summary>The path under the media folder, e.g. "van-ban/2026/quyet-dinh-215-a1b2c3.pdf"; never taken from the user's file name as a path.</summary>
    public required string Path { get; set; }

    public required string Folder { get; set; }

    /// <summary>The name the user's file had, for display and search only.</summary>
    public required string OriginalName { get; set; }

    public required string ContentType { get; set; }

    public MediaKind Kind { get; set; }

    public long Size { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? UploadedBy { get; set; }

    public string? UploaderUnitId { get; set; }

    public DateTime UploadedUtc { get; set; }
}

public enum MediaKind
{
    Image,
    Document,
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Path).HasMaxLength(500);
        builder.Property(x => x.Folder).HasMaxLength(300);
        builder.Property(x => x.OriginalName).HasMaxLength(300);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.UploadedBy).HasMaxLength(256);
        builder.Property(x => x.UploaderUnitId).HasMaxLength(100);
        builder.HasIndex(x => x.Path).IsUnique();
        builder.HasIndex(x => new { x.Folder, x.UploadedUtc });
    }
}
