using System.Text.Encodings.Web;
using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Api;

/// <summary>Signs in an API request from <c>Authorization: Bearer &lt;token&gt;</c>: the user's roles, permissions and unit, as with the cookie.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CmsDbContext db,
    UserManager<CmsUser> users,
    IUserClaimsPrincipalFactory<CmsUser> principals,
    ApiTokenUsage usage,
    TwoFactorRequirement twoFactor,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ.");
        }

        var hash = ApiToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Set<ApiToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (record is null || record.RevokedUtc is not null || record.ExpiresUtc <= now)
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ hoặc đã hết hạn.");
        }

        var user = await users.FindByIdAsync(record.UserId);
        // Deactivation revokes the account's tokens, but the handler checks it too: a token that escaped the revocation (made
        // by another node at that moment, or restored from a backup) must not outlive the account.
        if (user is null || user.DeactivatedUtc is not null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("Tài khoản không còn được phép đăng nhập.");
        }

        var principal = await principals.CreateAsync(user);
        if (!user.TwoFactorEnabled && twoFactor.AppliesTo(principal))
        {
            // A member of a two-factor role who has not set up the authenticator (or whose two-factor was reset)
            // signs in with nothing but a password: tokens made before the rule applied to them stop here.
            return AuthenticateResult.Fail("Tài khoản phải cài đặt xác thực hai bước trước khi dùng API.");
        }

        usage.Note(record);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiJson.Problem(StatusCodes.Status401Unauthorized, "Chưa đăng nhập",
            "Cần mã truy cập: lấy bằng POST /api/auth/token rồi gửi trong tiêu đề 'Authorization: Bearer <mã>'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiJson.Forbidden("Bạn không có quyền thực hiện thao tác này.").ExecuteAsync(Context);
}
