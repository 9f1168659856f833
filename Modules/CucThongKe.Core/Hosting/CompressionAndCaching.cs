using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CucThongKe.Core.Hosting;

/// <summary>Compressed answers (Brotli, gzip) and cache lifetimes of static files: a phone on a slow network fetches the
/// site's text once compressed and its versioned assets once a year.</summary>
public static class CompressionAndCaching
{
    /// <summary>Versioned assets (<c>asp-append-version</c>: <c>?v=</c> the file's hash) never change under their address.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>An asset asked for without its version may change at the next deployment: an hour.</summary>
    public const string UnversionedCacheControl = "public, max-age=3600";

    /// <summary>The text the site sends: HTML, CSS, JavaScript, JSON, XML (sitemaps, RSS), SVG, plain text.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/problem+json",
        "application/xml", "text/xml", "application/rss+xml", "image/svg+xml", "text/plain",
    ];

    internal static void AddCompression(IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too, but only for answers that carry no secret (see SafeCompressionProvider).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        // Pages are compressed on the fly (a cached page is compressed again at each answer): the fastest level costs
        // little CPU and still shrinks HTML by about four fifths.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, SafeCompressionProvider>());
    }

    /// <summary>Static files: a year and <c>immutable</c> when asked for with the file's current version, an hour otherwise.</summary>
    /// <remarks>The version is checked against the file's (the same provider <c>asp-append-version</c> uses, which keeps
    /// the hashes in memory): an address with a made-up <c>?v=</c> must not be cached for a year.</remarks>
    internal static StaticFileOptions StaticFiles(IServiceProvider services)
    {
        var versions = services.GetService<IFileVersionProvider>();
        return new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var request = context.Context.Request;
                var versioned = versions is not null && request.Query.TryGetValue("v", out var asked) && asked.Count == 1
                    && versions.AddFileVersionToPath(request.PathBase, request.Path.Value!) is var current
                    && current.EndsWith("?v=" + asked[0], StringComparison.Ordinal);
                context.Context.Response.Headers.CacheControl = versioned ? VersionedCacheControl : UnversionedCacheControl;
            },
        };
    }
}

/// <summary>Compresses only answers that cannot leak a secret by their compressed length (BREACH): never a signed-in
/// reader's or editor's page (session-specific data, antiforgery tokens), never an answer marked <c>no-store</c> (every
/// form with an antiforgery token is, by the framework), never one that sets a cookie.</summary>
/// <remarks>ASP.NET Core's guidance: compression over HTTPS is safe for answers that do not mix secrets with input an
/// attacker controls. Anonymous public pages carry no secret, so they, the feeds, the API's public JSON and static
/// files are compressed; the back office is not (it is a few users on the office's network).</remarks>
internal sealed class SafeCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        var response = context.Response;
        if (context.User.Identity?.IsAuthenticated == true
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.CacheControl.Any(v => v?.Contains("no-store", StringComparison.OrdinalIgnoreCase) == true))
        {
            return false;
        }

        return base.ShouldCompressResponse(context);
    }
}
