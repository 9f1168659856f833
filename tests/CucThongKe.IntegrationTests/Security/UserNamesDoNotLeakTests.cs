using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>Which user names exist does not show in how long a refusal takes: an unknown name's password is hashed
/// like a known one's (checked by counting the hasher's verifications, never by timing).</summary>
public sealed class UserNamesDoNotLeakTests() : SecurityTestBase(DatabaseProvider.Sqlite)
{
    private readonly HasherCalls _calls = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_calls);
        services.AddScoped<IPasswordHasher<CmsUser>, CountingPasswordHasher>();
    }

    [Fact]
    public async Task The_token_endpoint_verifies_a_password_for_an_unknown_user_name()
    {
        var before = _calls.Verifications;

        var response = await RequestTokenAsync("khong.ton.tai", "Sai@2026!matkhau");

        await AssertProblemAsync(HttpStatusCode.Unauthorized, response);
        Assert.Equal(1, _calls.Verifications - before);
    }

    [Fact]
    public async Task The_sign_in_page_verifies_a_password_for_an_unknown_user_name()
    {
        var client = Client();
        var before = _calls.Verifications;

        var response = await SignInAsync(client, "khong.ton.tai", "Sai@2026!matkhau");

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Equal(1, _calls.Verifications - before);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        await AddPeopleAsync();

        var unknown = await RequestTokenAsync("khong.ton.tai", "Sai@2026!matkhau");
        var wrong = await RequestTokenAsync(Contributor, "Sai@2026!matkhau");

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    public sealed class HasherCalls
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Verified() => Interlocked.Increment(ref _verifications);
    }

    /// <summary>The site's hasher, counting verifications.</summary>
    private sealed class CountingPasswordHasher(HasherCalls calls) : IPasswordHasher<CmsUser>
    {
        private readonly PasswordHasher<CmsUser> _inner = new();

        public string HashPassword(CmsUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CmsUser user, string hashedPassword, string providedPassword)
        {
            calls.Verified();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
