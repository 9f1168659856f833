using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CucThongKe.OutputCache;

/// <summary>What a public page tells the cache while it is rendered: more tags, or "do not store".</summary>
public sealed class PublicPageCacheFeature
{
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public bool AllowStorage { get; set; } = true;
}

/// <summary>
/// Serves anonymous GETs and HEADs of public pages from <see cref="PublicPageStore"/>, early in the pipeline: a hit
/// costs no routing, authentication, rate limiting or endpoint work. A miss goes on through the pipeline; the response
/// is stored when its endpoint is a public page (<see cref="PublicPageCachePolicy.IsPublicPage"/>), it answered 200
/// without setting a cookie, the reader was not signed in and the page did not opt out.
/// </summary>
/// <remarks>
/// Keyed by scheme, host, path, query string and what the theme's pages vary by besides (<see cref="IPublicPageVariation"/>:
/// the public theme's text size).
/// A request carrying a sign-in cookie or an Authorization header bypasses the cache both ways: a signed-in reader is
/// never served a cached page, even one whose cookie turns out to be expired.
/// </remarks>
public sealed class PublicPageCacheMiddleware
{
    /// <summary>Bodies above this size are not cached (a large download has no place in memory).</summary>
    public const int MaxBodySize = 1024 * 1024;

    private static readonly HashSet<string> UnstoredHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.SetCookie, HeaderNames.Age,
        // The compression outside the cache labels each answer for its own reader; a stored label would call plain bytes Brotli.
        HeaderNames.ContentEncoding,
        // Each request's own correlation id (Core's RequestCorrelationMiddleware), set before the cache serves a page.
        "X-Request-ID",
    };

    private readonly RequestDelegate _next;
    private readonly PublicPageStore _store;
    private readonly TimeProvider _clock;
    private readonly string[] _signInCookies;
    private readonly IPublicPageVariation[] _variations;

    public PublicPageCacheMiddleware(RequestDelegate next, PublicPageStore store, TimeProvider clock,
        IAuthenticationSchemeProvider schemes, IOptionsMonitor<CookieAuthenticationOptions> cookieOptions,
        IEnumerable<IPublicPageVariation> variations)
    {
        _next = next;
        _store = store;
        _clock = clock;
        _variations = [.. variations];

        // Every cookie authentication scheme's cookie (sign-in, two-factor steps, external): a request with any of them is not anonymous.
        _signInCookies = [.. schemes.GetAllSchemesAsync().GetAwaiter().GetResult()
            .Where(s => typeof(CookieAuthenticationHandler).IsAssignableFrom(s.HandlerType))
            .Select(s => cookieOptions.Get(s.Name).Cookie.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!(isHead || HttpMethods.IsGet(request.Method))
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || HasSignInCookie(request)
            || context.Features.Get<IExceptionHandlerFeature>() is not null
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return _next(context);
        }

        var key = Key(request);
        if (_store.Get(key) is { } page)
        {
            return ServeAsync(context, page, isHead);
        }

        return isHead ? _next(context) : RenderAndStoreAsync(context, key);
    }

    /// <summary>Whether a response may be kept: 200, no cookie set, nobody signed in, not opted out.</summary>
    public static bool MayStore(HttpContext context, PublicPageCacheFeature feature) =>
        feature.AllowStorage
        && context.Response.StatusCode == StatusCodes.Status200OK
        && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie)
        && context.User.Identity?.IsAuthenticated != true
        && PublicPageCachePolicy.IsPublicPage(context.GetEndpoint());

    private string Key(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value, "|",
            _variations.Length == 1 ? _variations[0].Of(request) : string.Join('|', _variations.Select(v => v.Of(request))));

    private bool HasSignInCookie(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            return false;
        }

        foreach (var cookie in request.Cookies)
        {
            foreach (var name in _signInCookies)
            {
                // Large cookies are chunked as NAME, NAMEC1, NAMEC2...
                if (cookie.Key.StartsWith(name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Task ServeAsync(HttpContext context, CachedPage page, bool isHead)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        var age = Math.Max(0, (long)(_clock.GetUtcNow() - page.StoredAt).TotalSeconds);
        headers.Age = age.ToString(CultureInfo.InvariantCulture);
        headers.ContentLength = page.Body.Length;
        return isHead ? Task.CompletedTask : response.Body.WriteAsync(page.Body, 0, page.Body.Length, context.RequestAborted);
    }

    private async Task RenderAndStoreAsync(HttpContext context, string key)
    {
        var generation = _store.Generation;
        var feature = new PublicPageCacheFeature();
        context.Features.Set(feature);
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new CaptureStream(original.Stream, MaxBodySize);
        var captureFeature = new StreamResponseBodyFeature(capture, original);
        context.Features.Set<IHttpResponseBodyFeature>(captureFeature);
        byte[]? body;
        try
        {
            await _next(context);
            await captureFeature.CompleteAsync();
            body = capture.Take(MayStore(context, feature));
        }
        finally
        {
            // A page that failed halfway gives its pooled buffer back too (Take is a no-op the second time).
            capture.Take(keep: false);
            context.Features.Set(original);
        }

        if (body is not null)
        {
            // A page that named no tags of its own may show anything: it goes with every change.
            if (feature.Tags.Count == 0)
            {
                feature.Tags.Add(CacheTags.Lists);
            }

            var headers = context.Response.Headers.Where(h => !UnstoredHeaders.Contains(h.Key)).ToArray();
            _store.Set(key, new CachedPage(headers, body, _clock.GetUtcNow(), [.. feature.Tags]), generation);
        }
    }

    /// <summary>Writes through to the response and keeps a copy, up to a limit.</summary>
    /// <remarks>The copy is made in a buffer from the shared pool, copied once to a body of its exact length: a growing
    /// MemoryStream allocated about three times the page (each doubling, then its copy) for every page rendered for the
    /// first time, and collecting that garbage was a good part of a crawl's CPU (bench/README.md).</remarks>
    private sealed class CaptureStream(Stream inner, int limit) : Stream
    {
        private byte[]? _copy = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _length;

        /// <summary>The body written (when <paramref name="keep"/>), or null when it went over the limit; the buffer goes
        /// back to the pool either way.</summary>
        public byte[]? Take(bool keep)
        {
            var copy = _copy;
            _copy = null;
            if (copy is null)
            {
                return null;
            }

            var body = keep ? copy.AsSpan(0, _length).ToArray() : null;
            ArrayPool<byte>.Shared.Return(copy);
            return body;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Keep(buffer.AsSpan(offset, count));
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_length + bytes.Length > limit)
            {
                ArrayPool<byte>.Shared.Return(_copy);
                _copy = null;
                return;
            }

            if (_length + bytes.Length > _copy.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_copy.Length * 2, _length + bytes.Length));
                _copy.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_copy);
                _copy = larger;
            }

            bytes.CopyTo(_copy.AsSpan(_length));
            _length += bytes.Length;
        }
    }
}
