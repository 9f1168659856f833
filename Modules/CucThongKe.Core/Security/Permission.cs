namespace CucThongKe.Core.Security;

/// <summary>Something a role may be allowed to do; modules declare theirs with <c>AddPermissions</c>.</summary>
/// <param name="NeverToOwnRole">
/// A permission that bypasses a safeguard (emergency publication): nobody may grant it to a role they hold, so taking
/// it always needs a second person.
/// </param>
public sealed record Permission(string Name, string DisplayName, string Group, bool NeverToOwnRole = false);

/// <summary>A module's list of permissions.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

/// <summary>Every permission every module declared.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly Lazy<IReadOnlyDictionary<string, Permission>> _all = new(() =>
        providers.SelectMany(p => p.GetPermissions())
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    public IReadOnlyCollection<Permission> All => (IReadOnlyCollection<Permission>)_all.Value.Values;

    public bool Exists(string name) => _all.Value.ContainsKey(name);

    public Permission? Find(string name) => _all.Value.GetValueOrDefault(name);
}

/// <summary>Claim types and built-in names of the site's security model.</summary>
public static class CmsClaims
{
    /// <summary>A permission granted through one of the user's roles.</summary>
    public const string Permission = "cms:permission";

    /// <summary>The unit (đơn vị) the user belongs to.</summary>
    public const string Unit = "cms:unit";

    public const string DisplayName = "cms:name";

    /// <summary>The role that holds every permission.</summary>
    public const string AdministratorRole = "Administrator";
}
