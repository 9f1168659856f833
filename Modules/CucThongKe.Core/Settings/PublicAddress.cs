namespace CucThongKe.Core.Settings;

/// <summary>The site's public address, from the one place it is configured: the <c>BaseUrl</c> of the <c>Site</c> settings.</summary>
/// <remarks>
/// Links that leave the request (password-reset and notification mail) are built from this only, never from the request's
/// Host header: a forged Host would otherwise send a valid reset token to another site.
/// </remarks>
public static class PublicAddress
{
    /// <summary>The configured address as <c>https://host[/base]</c> without a trailing slash, or null when it is unset
    /// or not an absolute http(s) address.</summary>
    public static string? Of(SiteSettings site) =>
        site.BaseUrl is { Length: > 0 } configured
        && Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    /// <summary>The start-up warning when no public address is configured (one sentence, for the operator).</summary>
    public const string MissingWarning =
        "Chưa đặt địa chỉ công khai của trang (BaseUrl trong thiết lập Site, bước Settings của công thức): thư đặt lại mật khẩu sẽ không được gửi và thư thông báo không kèm liên kết đầy đủ.";
}
