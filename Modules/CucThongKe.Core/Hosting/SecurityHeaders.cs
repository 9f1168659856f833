using System.Security.Cryptography;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Core.Hosting;

/// <summary>The security headers every answer carries (pages, files, API, errors), with a fresh script nonce per request.</summary>
/// <remarks>
/// Scripts come only from this site's own files or an inline block carrying <see cref="CspNonce"/>: no third-party
/// origin (but the one of the analytics script the site settings name, on the public pages: <see cref="AnalyticsScript"/>),
/// no <c>eval</c>. Styles allow inline because the rich-text editor (Jodit) styles its own elements. Pages are
/// not framed by others; a page that the back office shows in its own dialog says so with
/// <see cref="AllowSameOriginFramingAttribute"/>, and one answer of a page with several addresses with
/// <see cref="AllowSameOriginFraming"/>. Cached public pages are stored with the nonce of the request that
/// rendered them, so they must not carry inline scripts (none do).
/// </remarks>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "cms-csp-nonce";
    private const string SameOriginFramingKey = "cms-same-origin-framing";

    /// <summary>Lets this one answer be shown in a frame of the site's own pages (the review page's preview), when a page
    /// serves other addresses that must stay unframed; call it before the answer starts.</summary>
    public static void AllowSameOriginFraming(HttpContext context) => context.Items[SameOriginFramingKey] = true;

    public async Task InvokeAsync(HttpContext context, SiteAnalytics analytics)
    {
        // The analytics script's origin (when the settings name one) on the public pages that load it, nothing broader;
        // read here from memory, as the page cache replays stored pages without the layout that includes it.
        var analyticsOrigin = AnalyticsScript.Tracks(context.Request.Path) && await analytics.ScriptAsync(context.RequestAborted) is { } script
            ? " " + script.Origin
            : "";
        context.Response.OnStarting(static state =>
        {
            var (http, extraOrigin) = ((HttpContext, string))state;
            var headers = http.Response.Headers;
            var sameOrigin = http.GetEndpoint()?.Metadata.GetMetadata<AllowSameOriginFramingAttribute>() is not null || http.Items.ContainsKey(SameOriginFramingKey);
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{CspNonce(http)}'{extraOrigin}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                $"font-src 'self'; connect-src 'self'{extraOrigin}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'self'; " +
                $"frame-ancestors {(sameOrigin ? "'self'" : "'none'")}";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = sameOrigin ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, (context, analyticsOrigin));
        await next(context);
    }

    /// <summary>This request's script nonce: an inline <c>&lt;script nonce="@Context.CspNonce()"&gt;</c> runs, any other does not.</summary>
    public static string CspNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }
}

/// <summary>Lets this page be shown in a frame of the site's own pages (the back office's media picker dialog), never of another site.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowSameOriginFramingAttribute : Attribute;

/// <summary>The script nonce for views.</summary>
public static class CspNonceExtensions
{
    /// <summary>This request's script nonce (see <see cref="SecurityHeadersMiddleware"/>).</summary>
    public static string CspNonce(this HttpContext context) => SecurityHeadersMiddleware.CspNonce(context);
}
