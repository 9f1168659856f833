namespace CucThongKe.Users.Security;

/// <summary>The <c>Cms:Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Cms:Security";

    /// <summary>Roles whose members must sign in with an authenticator app (comma-separated).</summary>
    public string RequireTwoFactorForRoles { get; set; } = "Administrator,BoardHead,BoardSecretary,Publisher";

    /// <summary>Sign-in attempts (form and <c>/api/auth/token</c>) one address may make a minute.</summary>
    /// <remarks>High enough for an office whose staff share one public address; the per-account limit and the
    /// lockout stop guessing one account's password.</remarks>
    public int SignInAttemptsPerAddressPerMinute { get; set; } = 60;

    /// <summary>Sign-in attempts one account name may receive a minute, whatever the address.</summary>
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>How long an account stays locked after 5 wrong passwords or codes in a row.</summary>
    /// <remarks>Short on purpose: anyone who knows a user name can lock the account, so a lock only slows guessing
    /// (5 guesses per lock) and must not keep the owner out for long; an administrator can unlock at once.</remarks>
    public int LockoutMinutes { get; set; } = 10;

    public IReadOnlyList<string> TwoFactorRoles =>
        RequireTwoFactorForRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
