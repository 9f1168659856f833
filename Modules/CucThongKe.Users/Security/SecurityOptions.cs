namespace CucThongKe.Users.Security;

/// <summary>The <c>Cms:Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Cms:Security";

    /// <summary>Roles whose members must sign in with an authenticator app (comma-separated).</summary>
    public string RequireTwoFactorForRoles { get; set; } = "Administrator,BoardHead,BoardSecretary,Publisher";

    public IReadOnlyList<string> TwoFactorRoles =>
        RequireTwoFactorForRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
