using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;

namespace CucThongKe.Users.Security;

/// <summary>
/// For a user name that does not exist, verifies the password against a fixed dummy hash with the site's own hasher,
/// so that a refusal costs the same time as for an existing account with a wrong password and the answer's time does
/// not tell which user names exist (before, 3 ms against 80 ms).
/// </summary>
public sealed class UnknownUserPasswordCheck(IPasswordHasher<CmsUser> hasher)
{
    private static readonly CmsUser Nobody = new() { UserName = "", Id = "" };

    // Made once with the same hasher (same algorithm and iteration count as real accounts' hashes).
    private static string? s_dummyHash;

    public void Spend(string password)
    {
        var hash = s_dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
