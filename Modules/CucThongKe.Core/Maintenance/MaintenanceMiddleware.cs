using System.Globalization;
using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Core.Maintenance;

/// <summary>During a maintenance window every request is answered with the maintenance page (503 and <c>Retry-After</c>),
/// except the operators' (who may run the site meanwhile), <c>/health</c>, and the sign-in pages with their assets, so that
/// an operator can get in.</summary>
/// <remarks>Runs before the page cache, so that no cached page is served during the window. Outside a window it costs one
/// read of <see cref="MaintenanceState"/>'s memory; the sign-in cookie is read only during a window.</remarks>
internal sealed class MaintenanceMiddleware(RequestDelegate next, MaintenanceState state, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (AlwaysReachable(context.Request.Path) || await state.UnderWayAsync(context.RequestAborted) is not { } window)
        {
            await next(context);
            return;
        }

        var signedIn = await context.AuthenticateAsync();
        if (signedIn.Succeeded && signedIn.Principal.HasPermission(CorePermissions.ManageMaintenance.Name))
        {
            await next(context);
            return;
        }

        await WriteAsync(context, window);
    }

    private static bool AlwaysReachable(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/dang-nhap") || path.StartsWithSegments("/dang-xuat")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/favicon.ico");

    private Task WriteAsync(HttpContext context, MaintenanceNotice window)
    {
        var response = context.Response;
        var seconds = Math.Max(1, (int)Math.Ceiling((window.EndUtc - clock.GetUtcNow().UtcDateTime).TotalSeconds));
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var back = VietnamTime.Format(window.EndUtc, "HH:mm 'ngày' dd/MM/yyyy");
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            response.ContentType = "application/problem+json; charset=utf-8";
            return response.WriteAsJsonAsync(new
            {
                status = 503,
                title = "Đang bảo trì",
                detail = $"Hệ thống tạm ngừng để bảo trì; dự kiến hoạt động trở lại lúc {back} (giờ Việt Nam).",
            }, CmsJson.Options, "application/problem+json; charset=utf-8", context.RequestAborted);
        }

        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(Page(window.Reason, back), context.RequestAborted);
    }

    /// <summary>A page of its own (no layout, no database): the site may be mid-upgrade.</summary>
    private static string Page(string reason, string back) => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Trang đang bảo trì</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}h1{color:#8b0000;font-size:1.6rem}a{color:#0b4f9c}</style>
        </head>
        <body>
        <main>
        <h1>Trang thông tin điện tử đang tạm ngừng để bảo trì</h1>
        <p>{{WebUtility.HtmlEncode(reason)}}</p>
        <p>Dự kiến hoạt động trở lại lúc <strong>{{back}}</strong> (giờ Việt Nam). Xin lỗi vì sự bất tiện này.</p>
        <p><a href="/dang-nhap">Cán bộ quản trị đăng nhập</a></p>
        </main>
        </body>
        </html>
        """;
}
