using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CucThongKe.Theme.Public.Caching;

/// <summary>The tags public pages are cached under, so that a content change evicts exactly the pages that show it.</summary>
public static class CacheTags
{
    /// <summary>Every public page (home, listings, feeds, sitemaps): anything published can appear there.</summary>
    public const string Lists = "public:lists";

    public static string Item(string contentItemId) => "public:item:" + contentItemId;

    public static string Type(string contentType) => "public:type:" + contentType;

    /// <summary>Keeps this response out of the cache (forms, a reader's own status).</summary>
    public static void DoNotStore(HttpContext http)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } context)
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>Files the response under more tags, when the page is being cached.</summary>
    public static void Add(HttpContext http, params string[] tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } context)
        {
            foreach (var tag in tags)
            {
                context.Tags.Add(tag);
            }
        }
    }
}

/// <summary>Caches anonymous GETs of public pages, per query string and text size; never a signed-in reader's page or a response setting a cookie.</summary>
public sealed class PublicPageCachePolicy(IOptions<PublicSiteOptions> options) : IOutputCachePolicy
{
    public const string Name = "PublicPage";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = options.Value.OutputCache
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.OutputCacheDuration;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["co-chu"] = FontSize.Current(http.Request);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }

        // A page that named no tags of its own may show anything: it goes with every change.
        if (context.Tags.Count == 0)
        {
            context.Tags.Add(CacheTags.Lists);
        }

        return ValueTask.CompletedTask;
    }
}
