using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CucThongKe.Media.Library;

/// <summary>Resized copies of library images, made on first request and kept in <c>{Cms:DataPath}/media-cache/</c> on each node; originals stay untouched.</summary>
public sealed class ImageVariants(MediaRoot media, IMemoryCache cache, IOptions<MediaOptions> options)
{
    /// <summary>How long a decision "this file is public" is kept: a file of an item just unpublished stays visible this long.</summary>
    public static readonly TimeSpan AccessCacheDuration = TimeSpan.FromMinutes(1);

    private static readonly SemaphoreSlim Gate = new(2);

    public static string Url(string path, int width) =>
        $"/anh/{width}/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A variant of a library image: for anyone when the image is public (<see cref="IPublicFileRule"/>), else for staff only.</summary>
    internal async Task<IResult> ServeAsync(int width, string? path, HttpContext http, IMediaStore store, IPublicFileRule? rule, IAuthorizationService authorization)
    {
        if (!options.Value.Widths.Contains(width) || string.IsNullOrEmpty(path) || path.Contains("..", StringComparison.Ordinal) || MediaPath.Normalize(path) is not { } relative)
        {
            return Results.NotFound();
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".jpg" or ".jpeg" or ".webp" or ".gif"))
        {
            return Results.NotFound();
        }

        // The original as a local file: the library folder's, or this node's copy of the database store's.
        var original = await store.LocalFileAsync(relative, http.RequestAborted);
        if (original is null)
        {
            return Results.NotFound();
        }

        // Only existing files get here, so the cached decisions are bounded by the library's size. Only "public" is
        // kept: a "not yet" kept would go on hiding an image from readers after the item showing it is published (a
        // preview by staff asks first), until the entry expired.
        var key = "media-public:" + relative;
        var isPublic = cache.TryGetValue(key, out bool known) && known;
        if (!isPublic && rule is not null && await rule.IsPublicAsync(relative, http.RequestAborted))
        {
            cache.Set(key, true, AccessCacheDuration);
            isPublic = true;
        }

        if (!isPublic)
        {
            if (!(await authorization.AuthorizeAsync(http.User, CorePermissions.AccessAdmin.Name)).Succeeded)
            {
                return Results.NotFound(); // as for a file that does not exist: an unpublished image's name says nothing
            }

            // Staff see drafts' images; no shared cache may keep one for readers.
            http.Response.Headers.CacheControl = "private, no-store";
        }

        var format = FormatOf(extension);
        var cached = Path.Combine(media.VariantsPath, width.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.ChangeExtension(relative, VariantExtension(format)));
        if (!File.Exists(cached) || File.GetLastWriteTimeUtc(cached) < File.GetLastWriteTimeUtc(original))
        {
            await Gate.WaitAsync();
            try
            {
                if (!Resize(original, cached, width, format))
                {
                    return Results.NotFound();
                }
            }
            finally
            {
                Gate.Release();
            }
        }

        var contentType = format switch
        {
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Webp => "image/webp",
            _ => "image/jpeg",
        };
        return Results.File(cached, contentType, lastModified: File.GetLastWriteTimeUtc(cached));
    }

    /// <summary>Deletes the resized copies of a file (replaced or deleted), in every width folder found on disk.</summary>
    public void Forget(string path)
    {
        if (!Directory.Exists(media.VariantsPath) || media.Resolve(path) is null)
        {
            return;
        }

        var format = FormatOf(Path.GetExtension(path).ToLowerInvariant());
        foreach (var folder in Directory.EnumerateDirectories(media.VariantsPath))
        {
            var cached = Path.GetFullPath(Path.Combine(folder, Path.ChangeExtension(path, VariantExtension(format))));
            if (cached.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(cached))
            {
                File.Delete(cached);
            }
        }
    }

    private static SKEncodedImageFormat FormatOf(string extension) =>
        extension == ".png" ? SKEncodedImageFormat.Png : extension == ".webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg;

    private static string VariantExtension(SKEncodedImageFormat format) =>
        format == SKEncodedImageFormat.Png ? ".png" : format == SKEncodedImageFormat.Webp ? ".webp" : ".jpg";

    private static bool Resize(string original, string target, int width, SKEncodedImageFormat format)
    {
        using var source = SKBitmap.Decode(original);
        if (source is null)
        {
            return false;
        }

        var scale = Math.Min(1.0, (double)width / source.Width);
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
        using var resized = source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized ?? source);
        using var data = image.Encode(format, 82);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp-" + Environment.CurrentManagedThreadId;
        using (var file = File.Create(temp))
        {
            data.SaveTo(file);
        }

        File.Move(temp, target, overwrite: true);
        return true;
    }
}
