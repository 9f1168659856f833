namespace CucThongKe.Media.Library;

/// <summary>The <c>Cms:Media</c> section.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Cms:Media";

    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;
}
