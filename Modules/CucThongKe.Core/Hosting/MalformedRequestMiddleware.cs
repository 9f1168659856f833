using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Hosting;

/// <summary>The one place where a request the site cannot read becomes a 400 (or the status the framework chose), never a 500.</summary>
/// <remarks>
/// A body that is not JSON or not UTF-8, a form over the framework's limits, a header the server refuses: wherever the
/// reading happens (a page's binding, a minimal API's parameter, an endpoint reading its own body), the exception comes
/// here. It sits inside the status-code pages, so the answer is the Vietnamese error page for people and problem
/// details under /api for programs.
/// </remarks>
internal sealed partial class MalformedRequestMiddleware(RequestDelegate next, ILogger<MalformedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (StatusFor(ex) is { } status && !context.Response.HasStarted)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path, ex.GetType().Name, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }

    private static int? StatusFor(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        JsonException or DecoderFallbackException or InvalidDataException => StatusCodes.Status400BadRequest,
        _ => ex.InnerException is { } inner ? StatusFor(inner) : null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable request {Method} {Path}: {Kind} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string kind, string reason);
}
