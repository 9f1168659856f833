using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Settings;

/// <summary>The visitor-statistics script (thống kê truy cập) the public pages load: its address and the one origin the
/// Content-Security-Policy then allows.</summary>
public sealed partial record AnalyticsScript(string Url, string Origin)
{
    public const int MaxLength = 500;

    /// <summary>The sentence of a refused address.</summary>
    public const string Refusal =
        "Địa chỉ tập lệnh thống kê truy cập phải là một địa chỉ https đầy đủ (tên miền, đường dẫn, tham số; không dấu cách, dấu nháy hay ký tự đặc biệt), ví dụ https://thongke.thainguyen.gov.vn/matomo.js.";

    /// <summary>The script at <paramref name="value"/>, null when it is empty (analytics off) or not an acceptable address
    /// (<paramref name="valid"/> false).</summary>
    /// <remarks>Only a plain https address of a named host is accepted: it ends up in a <c>src</c> attribute and its origin in
    /// the policy header, so the characters that could close either (quotes, spaces, angle brackets, semicolons, a
    /// wildcard) and the schemes that carry script text (<c>javascript:</c>, <c>data:</c>) are refused outright, not
    /// escaped. Read values are parsed again, so a value stored by other means (a recipe) cannot widen the policy either.</remarks>
    public static AnalyticsScript? Parse(string? value, out bool valid)
    {
        valid = true;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length <= MaxLength && Plain().IsMatch(text)
            && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.HostNameType == UriHostNameType.Dns && uri.IdnHost.Contains('.', StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.UserInfo))
        {
            var origin = "https://" + uri.IdnHost.ToLowerInvariant() + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new AnalyticsScript(uri.AbsoluteUri, origin);
        }

        valid = false;
        return null;
    }

    /// <summary>Whether a page of <paramref name="path"/> loads the script: public pages only, never the back office, the
    /// API nor the pages where a password or a sign-in code is typed.</summary>
    public static bool Tracks(PathString path) =>
        !(path.StartsWithSegments("/admin") || path.StartsWithSegments("/api") || path.StartsWithSegments("/dang-nhap")
          || path.StartsWithSegments("/dang-xuat") || path.StartsWithSegments("/quen-mat-khau") || path.StartsWithSegments("/dat-lai-mat-khau"));

    /// <summary>https, a host of letters, digits, dots and hyphens, an optional port, then a path and query of URL characters.</summary>
    [GeneratedRegex(@"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/%-]*)?(\?[A-Za-z0-9._~%&=+-]*)?$")]
    private static partial Regex Plain();
}

/// <summary>The site's analytics script, kept in memory so that the security headers of every answer can name its origin
/// without a query: read again after <see cref="Duration"/>, at once after the settings page saves on this node.</summary>
/// <remarks>A singleton asked on every request: it opens its own scope only to reload, as <c>MaintenanceState</c> does.</remarks>
public sealed class SiteAnalytics(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SiteAnalytics> logger)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(AnalyticsScript? Script, DateTimeOffset Expires);

    private volatile Snapshot? _snapshot;

    /// <summary>The script the public pages load, null when analytics is off (the default).</summary>
    public async ValueTask<AnalyticsScript?> ScriptAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Expires <= now)
        {
            snapshot = new Snapshot(await LoadAsync(cancellationToken), now + Duration);
            _snapshot = snapshot;
        }

        return snapshot.Script;
    }

    private async Task<AnalyticsScript?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var site = await scope.ServiceProvider.GetRequiredService<SettingsStore>().GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
            return AnalyticsScript.Parse(site.AnalyticsScriptUrl, out _);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            // Every answer asks (its security headers): an unreachable database (or one not set up yet) must not fail /health
            // or the setup page; the site goes without analytics until the next read.
            logger.LogWarning(ex, "Không đọc được thiết lập thống kê truy cập; tạm không nạp tập lệnh.");
            return null;
        }
    }

    /// <summary>Forgets the script read; the next request reads it again (after the settings page's save commits).</summary>
    public void Invalidate() => _snapshot = null;
}
