using CucThongKe.Core.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Security;

/// <summary>Gives a role a permission it lacks, by the role's name; a role the site does not have is left alone. Users implements it.</summary>
public interface IRoleGrants
{
    /// <summary>Whether the grant was added (false: the role does not exist or already holds the permission).</summary>
    Task<bool> GrantIfMissingAsync(string role, string permission, CancellationToken cancellationToken);

    /// <summary>Adds the role when the site has none of that name (false: it exists, perhaps renamed or emptied by an administrator, and is left as it is).</summary>
    Task<bool> AddRoleIfMissingAsync(DefaultRole role, CancellationToken cancellationToken);
}

/// <summary>A role of the regulation a module added after sites were set up (the accountant, for the royalty ledger), as the setup recipe defines it.</summary>
public sealed record DefaultRole(string Name, string DisplayName, string Description);

/// <summary>A permission a module added after sites were set up, and the roles of the regulation that hold it in the setup recipe.</summary>
public sealed record DefaultGrant(string Permission, params string[] Roles);

/// <summary>
/// The one-off upgrade that gives the roles of a site set up before a module's permissions existed what the setup recipe
/// gives a new site: without it, the board of an existing site could not open the module's pages until an administrator
/// found the new rows of the permission matrix. It only adds; an administrator who later takes a grant away keeps it away
/// (the upgrade runs once, see <see cref="SiteUpgrades"/>).
/// </summary>
internal sealed class DefaultGrantsUpgrade(IRoleGrants roles, DefaultGrantsSpec spec) : ISiteUpgrade
{
    public string Name => spec.Name;

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        foreach (var role in spec.Roles)
        {
            await roles.AddRoleIfMissingAsync(role, cancellationToken);
        }

        foreach (var grant in spec.Grants)
        {
            foreach (var role in grant.Roles)
            {
                await roles.GrantIfMissingAsync(role, grant.Permission, cancellationToken);
            }
        }
    }
}

internal sealed record DefaultGrantsSpec(string Name, IReadOnlyList<DefaultGrant> Grants, IReadOnlyList<DefaultRole> Roles);

public static class DefaultGrantsServiceCollectionExtensions
{
    /// <summary>Gives sites set up before the module the grants its setup-recipe rows give a new site, once (<paramref name="name"/> is stored).</summary>
    public static IServiceCollection AddDefaultGrants(this IServiceCollection services, string name, params DefaultGrant[] grants) =>
        services.AddSiteUpgrade<DefaultGrantsUpgrade>(new DefaultGrantsSpec(name, grants, []));

    /// <summary>As <see cref="AddDefaultGrants(IServiceCollection, string, DefaultGrant[])"/>, first adding the roles the site lacks (a role the module brings with it).</summary>
    public static IServiceCollection AddDefaultGrants(this IServiceCollection services, string name, IReadOnlyList<DefaultRole> roles, params DefaultGrant[] grants) =>
        services.AddSiteUpgrade<DefaultGrantsUpgrade>(new DefaultGrantsSpec(name, grants, roles));
}
