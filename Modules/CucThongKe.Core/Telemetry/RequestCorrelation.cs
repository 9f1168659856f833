using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Telemetry;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Request-ID</c> when it is a short plain token (a proxy's id),
/// else the trace id of a valid W3C <c>traceparent</c>, else a new one. It is the request's <c>TraceIdentifier</c> (shown
/// on error pages), the answer's <c>X-Request-ID</c>, and the <c>CorrelationId</c> of the scope of every log written
/// while the request runs; one log line per request goes to the <c>CucThongKe.Requests</c> category.
/// </summary>
/// <remarks>A header that is not an id (too long, control characters, anything outside letters, digits and <c>-._:</c>)
/// is replaced, never echoed nor logged: a forged header cannot write into the logs.</remarks>
internal sealed class RequestCorrelationMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Header = "X-Request-ID";

    /// <summary>The longest incoming id kept (a UUID is 36, a trace id 32).</summary>
    public const int MaxLength = 64;

    private readonly ILogger _requests = loggers.CreateLogger("CucThongKe.Requests");

    public async Task InvokeAsync(HttpContext context)
    {
        var id = From(context.Request.Headers[Header].ToString(), context.Request.Headers["traceparent"].ToString())
            ?? Activity.Current?.TraceId.ToHexString()
            ?? Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using var scope = _requests.BeginScope(new CorrelationScope(id));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Response.StatusCode;
            // Server errors always (with their id, to find the exception logged under the same scope); the rest on request.
            var level = status >= 500 ? LogLevel.Warning : LogLevel.Information;
            if (_requests.IsEnabled(level))
            {
                _requests.Log(level, "{Method} {Path} → {Status} ({Elapsed:0.0} ms)",
                    context.Request.Method, context.Request.Path.Value, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>The id the caller sent, or null when it sent none that may be used.</summary>
    public static string? From(string? requestId, string? traceParent)
    {
        if (IsToken(requestId))
        {
            return requestId;
        }

        // version "00" - 32 hex trace id - 16 hex parent id - 2 hex flags; an all-zero trace id is invalid.
        if (traceParent is { Length: 55 } t && t[2] == '-' && t[35] == '-' && t[52] == '-' && t.StartsWith("00", StringComparison.Ordinal)
            && IsLowerHex(t.AsSpan(3, 32)) && IsLowerHex(t.AsSpan(36, 16)) && IsLowerHex(t.AsSpan(53, 2)) && t.AsSpan(3, 32).ContainsAnyExcept('0'))
        {
            return t.Substring(3, 32);
        }

        return null;
    }

    private static bool IsToken(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The log scope: one property, <c>CorrelationId</c>, as structured loggers (JSON console) write it.</summary>
    private sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "CorrelationId:" + id;
    }
}
