using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Contents.Api;

/// <summary><c>POST /api/auth/token</c>: a user name and password (and, with two-factor, the current code) give a new API token.</summary>
/// <remarks>
/// The same rules as the sign-in page: members of the two-factor roles get a token only once enrolled and only with a
/// code; wrong passwords and wrong codes count toward the same lockout; an unknown name costs the same hashing as a
/// known one; attempts are limited per address (policy) and per account (<see cref="SignInThrottle"/>).
/// </remarks>
internal static class AuthApi
{
    public const string RateLimitPolicy = "api-token";

    /// <summary>How long a token issued by the API lives.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private const string Refused = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá.";

    public static void MapAuthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/token", IssueAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> IssueAsync(
        HttpRequest request,
        UserManager<CmsUser> users,
        SignInManager<CmsUser> signIn,
        ApiTokens tokens,
        TwoFactorRequirement twoFactor,
        SignInThrottle throttle,
        UnknownUserPasswordCheck unknownUser,
        CancellationToken cancellationToken)
    {
        // A token is a password's equal: no cache, proxy or browser history keeps the answer.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.Pragma = "no-cache";

        var (input, error) = await ApiJson.ReadAsync<TokenRequest>(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(input!.UserName) || input.UserName.Length > 256 || string.IsNullOrEmpty(input.Password) || input.Password.Length > 512)
        {
            return ApiJson.BadRequest("Cần tên đăng nhập (userName) và mật khẩu (password).");
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? "API" : input.Name.Trim();
        if (name.Length > ApiTokens.MaxNameLength)
        {
            return ApiJson.BadRequest($"Tên mã truy cập dài quá {ApiTokens.MaxNameLength} ký tự.");
        }

        if (!await throttle.TryAcquireAsync(input.UserName))
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiJson.Problem(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu", SignInThrottle.Message);
        }

        var user = await users.FindByNameAsync(input.UserName.Trim());
        if (user is null)
        {
            unknownUser.Spend(input.Password);
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Không đăng nhập được", Refused);
        }

        // Refuses a locked account before looking at the password, and counts a wrong password toward the lockout.
        var result = await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Không đăng nhập được", Refused);
        }

        if (!user.TwoFactorEnabled)
        {
            if (await twoFactor.AppliesToAsync(user))
            {
                return ApiJson.Problem(StatusCodes.Status403Forbidden, "Cần cài đặt xác thực hai bước",
                    $"Vai trò của tài khoản này bắt buộc đăng nhập hai bước. Hãy đăng nhập trang quản trị và cài đặt ứng dụng xác thực tại {TwoFactorRequirement.SetupPath}, rồi lấy mã truy cập kèm mã xác thực trong 'code'.");
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Code))
        {
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Cần mã xác thực hai lớp", "Tài khoản bật xác thực hai lớp: gửi mã hiện tại (hoặc một mã khôi phục) trong 'code'.");
        }
        else if (!await CodeIsValidAsync(users, user, input.Code))
        {
            // A wrong code counts like a wrong password: five in a row lock the account.
            await users.AccessFailedAsync(user);
            return ApiJson.Problem(StatusCodes.Status401Unauthorized, "Không đăng nhập được", "Mã xác thực không đúng hoặc đã hết hạn, hoặc tài khoản đang bị khoá.");
        }
        else
        {
            // The password and the code were right: the count of failures starts again (CheckPasswordSignInAsync leaves
            // it alone for two-factor accounts until the second factor is proved).
            await users.ResetAccessFailedCountAsync(user);
        }

        var (token, record) = await tokens.IssueAsync(user.Id, name, Lifetime, cancellationToken);
        return ApiJson.Json(new { token, tokenType = "Bearer", expiresUtc = record.ExpiresUtc, userName = user.UserName });
    }

    /// <summary>The authenticator's current code, or one of the recovery codes (used up), as the sign-in page accepts.</summary>
    private static async Task<bool> CodeIsValidAsync(UserManager<CmsUser> users, CmsUser user, string code)
    {
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (cleaned.Length is 0 or > 20)
        {
            return false;
        }

        if (cleaned.Length == 6 && cleaned.All(char.IsAsciiDigit))
        {
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned);
        }

        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Trim())).Succeeded;
    }

    private sealed record TokenRequest(string? UserName, string? Password, string? Code, string? Name);
}
