using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Media.Library;

/// <summary>
/// Where the media library's files live, <c>{Cms:DataPath}/media/</c>, and its resized copies,
/// <c>{Cms:DataPath}/media-cache/</c>, and the copies of the database store's files, <c>{Cms:DataPath}/media-store-cache/</c>:
/// the one place these paths are made. Uploads, <c>/tep</c>, image variants and
/// the search indexer all find files through it.
/// </summary>
public sealed class MediaRoot(IOptions<CmsOptions> cms, IWebHostEnvironment environment)
{
    /// <summary>The media folder, as a full path without a trailing separator.</summary>
    public string FullPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(DataPath, "media"));

    /// <summary>The folder of resized image variants (a cache: deleting it loses nothing).</summary>
    public string VariantsPath => System.IO.Path.Combine(DataPath, "media-cache");

    /// <summary>This node's copies of files served from the database store (a bounded cache: deleting it loses nothing).</summary>
    public string StoreCachePath => System.IO.Path.Combine(DataPath, "media-store-cache");

    private string DataPath => cms.Value.ResolveDataPath(environment.ContentRootPath);

    /// <summary>
    /// The full path of <paramref name="relativePath"/> ('/'-separated, under the media folder), or null when it would
    /// leave the folder. Whether the file exists is the caller's question.
    /// </summary>
    public string? Resolve(string relativePath)
    {
        var root = FullPath + System.IO.Path.DirectorySeparatorChar;
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relativePath));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
