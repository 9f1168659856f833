using Microsoft.AspNetCore.Http;

namespace CucThongKe.OutputCache;

/// <summary>Something besides the address that a public page's HTML depends on (the public theme's text size, from a
/// cookie): part of the page cache's key.</summary>
/// <remarks>Registered by the theme, which owns what its pages vary by; the cache knows nothing of text sizes.</remarks>
public interface IPublicPageVariation
{
    /// <summary>The value for this request (one of a few: every distinct value is another copy of each page).</summary>
    string Of(HttpRequest request);
}
