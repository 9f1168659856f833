using System.Text;
using System.Text.Json;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Hosting;

/// <summary>The one place where a failure that is not a bug becomes its status, never a 500: a request the site cannot
/// read (400, or the status the framework chose), a refusal a module declared in <see cref="FailureStatuses"/> (403,
/// 404, 409...) and a busy database (503 with Retry-After, see <see cref="DatabaseBusy"/>).</summary>
/// <remarks>
/// A body that is not JSON or not UTF-8, a form over the framework's limits, a header the server refuses: wherever the
/// reading happens (a page's binding, a minimal API's parameter, an endpoint reading its own body), the exception comes
/// here; so does a lock held too long by another connection, from any endpoint or from authentication (a token or a
/// sign-in cookie is checked against the database). It sits inside the status-code pages and before authentication, so
/// the answer is the Vietnamese error page for people and problem details under /api for programs.
/// </remarks>
internal sealed partial class RequestFailureMiddleware(RequestDelegate next, FailureStatuses failures, ILogger<RequestFailureMiddleware> logger)
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
        catch (Exception ex) when (failures.Describe(ex) is { } failure && !context.Response.HasStarted)
        {
            // Programs read the problem document; people get the status-code page (/loi) for the status. A page that
            // wants to keep its form filled catches the refusal itself (PageFailures.ShowFailure).
            LogRefused(logger, context.Request.Method, context.Request.Path, ex.GetType().Name, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = failure.Status;
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await failure.ToProblem().ExecuteAsync(context);
            }
        }
        catch (Exception ex) when (DatabaseBusy.IsBusy(ex) && !context.Response.HasStarted)
        {
            LogBusy(logger, ex, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await DatabaseBusy.WriteAsync(context);
        }
    }

    private static int? StatusFor(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        JsonException or DecoderFallbackException or InvalidDataException => StatusCodes.Status400BadRequest,
        _ => ex.InnerException is { } inner ? StatusFor(inner) : null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Kind} {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database busy on {Method} {Path}: answered 503.")]
    private static partial void LogBusy(ILogger logger, Exception exception, string method, PathString path);
}
