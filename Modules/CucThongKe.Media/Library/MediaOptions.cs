namespace CucThongKe.Media.Library;

/// <summary>The <c>Cms:Media</c> section.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Cms:Media";

    /// <summary>The widths <c>/anh/{width}/...</c> serves when the setting names none.</summary>
    public static readonly IReadOnlyList<int> DefaultImageWidths = [160, 320, 640, 1024, 1200, 1600];

    /// <summary>The widths the back office itself asks for: list thumbnails and images the rich-text editor inserts.</summary>
    public static readonly IReadOnlyList<int> RequiredImageWidths = [160, 1024];

    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// The only widths resized images are made in (<c>Cms:Media:ImageWidths</c>); any other width is a 404 and writes
    /// nothing, so the variants on disk are at most this many per image. Null: <see cref="DefaultImageWidths"/> (a
    /// default list here would be appended to by the configuration binder, not replaced).
    /// </summary>
    public int[]? ImageWidths { get; set; }

    /// <summary>Where the library's files are kept (<c>Cms:Media:Store</c>): <see cref="MediaStoreKind.Folder"/> (the default;
    /// a shared mount for several nodes) or <see cref="MediaStoreKind.Database"/>. <c>media move</c> copies a site's files
    /// from one to the other.</summary>
    public MediaStoreKind Store { get; set; } = MediaStoreKind.Folder;

    /// <summary>The most a node keeps of files it served from the database store, in MB (<c>Cms:Media:StoreCacheMegabytes</c>).</summary>
    public int StoreCacheMegabytes { get; set; } = 1024;

    public IReadOnlyList<int> Widths => ImageWidths is { Length: > 0 } widths ? widths : DefaultImageWidths;
}
