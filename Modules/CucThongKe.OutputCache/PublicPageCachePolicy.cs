using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace CucThongKe.OutputCache;

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
        if (http.Features.Get<PublicPageCacheFeature>() is { } feature)
        {
            feature.AllowStorage = false;
        }
    }

    /// <summary>Files the response under more tags, when the page is being cached.</summary>
    public static void Add(HttpContext http, params string[] tags)
    {
        if (http.Features.Get<PublicPageCacheFeature>() is { } feature)
        {
            foreach (var tag in tags)
            {
                feature.Tags.Add(tag);
            }
        }
    }
}

/// <summary>Which endpoints are public pages that <see cref="PublicPageCacheMiddleware"/> may keep.</summary>
/// <remarks>
/// An endpoint opts in with <c>[OutputCache(PolicyName = PublicPageCachePolicy.Name)]</c> (the theme's pages, through
/// <c>_ViewImports</c>) or <see cref="CachePublicPage"/>; ASP.NET Core's <c>.CacheOutput(...)</c> is understood too (the
/// site has no other output cache policy). The rules (anonymous GETs, 200 without a
/// cookie, varied by query string and text size) are the middleware's; ASP.NET Core's own output cache middleware is
/// not used, its store neither.
/// </remarks>
public static class PublicPageCachePolicy
{
    public const string Name = "PublicPage";

    public static bool IsPublicPage(Endpoint? endpoint) =>
        endpoint is not null
        && (endpoint.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: Name }
            || endpoint.Metadata.GetMetadata<PublicPageMarker>() is not null
            || endpoint.Metadata.GetMetadata<IOutputCachePolicy>() is not null);

    /// <summary>Marks an endpoint as a public page the cache may keep.</summary>
    public static TBuilder CachePublicPage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicPageMarker());

    private sealed class PublicPageMarker;
}
