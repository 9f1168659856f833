using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Workflows.Api;

/// <summary><c>POST /api/auth/token</c>: a user name and password (and, with two-factor, the current code) give a new API token.</summary>
internal static class AuthApi
{
    public const string RateLimitPolicy = "api-token";

    /// <summary>How long a token issued by the API lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static void MapAuthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/token", IssueAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> IssueAsync(HttpRequest request, UserManager<CmsUser> users, SignInManager<CmsUser> signIn, ApiTokens tokens, CancellationToken cancellationToken)
    {
        var (input, error) = await ApiJson.ReadAsync<TokenRequest>(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(input!.UserName) || input.UserName.Length > 256 || string.IsNullOrEmpty(input.Password) || input.Password.Length > 512)
        {
            return ApiJson.BadRequest("Cần tên đăng nhập (userName) và mật khẩu (password).");
        }

        const string refused = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá.";
        var user = await users.FindByNameAsync(input.UserName.Trim());
        if (user is null)
        {
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Không đăng nhập được", refused);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Không đăng nhập được", refused);
        }

        if (user.TwoFactorEnabled &&
            (string.IsNullOrWhiteSpace(input.Code) ||
             !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, input.Code.Replace(" ", "", StringComparison.Ordinal))))
        {
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Cần mã xác thực hai lớp", "Tài khoản bật xác thực hai lớp: gửi mã hiện tại trong 'code'.");
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? "API" : input.Name.Trim();
        if (name.Length > ApiTokens.MaxNameLength)
        {
            return ApiJson.BadRequest($"Tên mã truy cập dài quá {ApiTokens.MaxNameLength} ký tự.");
        }

        var (token, record) = await tokens.IssueAsync(user.Id, name, Lifetime, cancellationToken);
        return ApiJson.Json(new { token, tokenType = "Bearer", expiresUtc = record.ExpiresUtc, userName = user.UserName });
    }

    private sealed record TokenRequest(string? UserName, string? Password, string? Code, string? Name);
}
