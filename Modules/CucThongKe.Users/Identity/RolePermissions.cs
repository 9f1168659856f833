using System.Security.Claims;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>The roles × permissions matrix as stored: the roles, the permissions the modules declare, each (role id, permission) granted.</summary>
public sealed record PermissionMatrix(IReadOnlyList<CmsRole> Roles, IReadOnlyList<Permission> Permissions, HashSet<(string RoleId, string Permission)> Grants);

/// <summary>Which role holds which permission: reading the matrix and saving it, recorded in the admin-audit log.</summary>
public sealed class RolePermissions(CmsDbContext db, RoleManager<CmsRole> roles, UserManager<CmsUser> users, PermissionCatalog permissions, AdminAuditLog audit)
{
    public async Task<PermissionMatrix> MatrixAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Set<CmsRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.Set<IdentityRoleClaim<string>>().AsNoTracking()
            .Where(c => c.ClaimType == CmsClaims.Permission)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        return new PermissionMatrix(
            all,
            [.. permissions.All.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)],
            [.. claims.Select(c => (c.RoleId, c.ClaimValue!))]);
    }

    /// <summary>
    /// The grants of a form ("role|permission" each), or null when one names a role or permission that does not exist.
    /// </summary>
    public HashSet<(string Role, string Permission)>? ParseGrants(IEnumerable<string> grants, PermissionMatrix matrix)
    {
        var wanted = new HashSet<(string Role, string Permission)>();
        foreach (var grant in grants)
        {
            var parts = grant.Split('|');
            if (parts.Length != 2 || matrix.Roles.All(r => r.Name != parts[0]) || !permissions.Exists(parts[1]))
            {
                return null;
            }

            wanted.Add((parts[0], parts[1]));
        }

        return wanted;
    }

    /// <summary>
    /// A new grant of a permission that bypasses a safeguard (emergency publication) to a role <paramref name="actor"/>
    /// holds, which is never allowed, as (role, permission); (null, null) when there is none.
    /// </summary>
    public async Task<(string? Role, string? Permission)> SelfGrantAsync(ClaimsPrincipal actor, HashSet<(string Role, string Permission)> wanted, PermissionMatrix matrix)
    {
        var me = await users.GetUserAsync(actor);
        var myRoles = me is null ? [] : await users.GetRolesAsync(me);
        return wanted.FirstOrDefault(w => myRoles.Contains(w.Role) && permissions.Find(w.Permission)?.NeverToOwnRole == true &&
            !matrix.Grants.Contains((matrix.Roles.First(r => r.Name == w.Role).Id, w.Permission)));
    }

    /// <summary>Gives every role but the administrator exactly the wanted permissions, all or nothing; each role changed is audited.</summary>
    public async Task SaveAsync(HashSet<(string Role, string Permission)> wanted, PermissionMatrix matrix, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var role in matrix.Roles.Where(r => r.Name != CmsClaims.AdministratorRole))
        {
            var tracked = await roles.FindByIdAsync(role.Id);
            var current = (await roles.GetClaimsAsync(tracked!)).Where(c => c.Type == CmsClaims.Permission).ToList();
            var removed = current.Where(c => !wanted.Contains((role.Name!, c.Value))).ToList();
            foreach (var claim in removed)
            {
                await roles.RemoveClaimAsync(tracked!, claim);
            }

            var added = wanted.Where(w => w.Role == role.Name && current.All(c => c.Value != w.Permission)).Select(w => w.Permission).Order(StringComparer.Ordinal).ToList();
            foreach (var permission in added)
            {
                await roles.AddClaimAsync(tracked!, new Claim(CmsClaims.Permission, permission));
            }

            if (removed.Count > 0 || added.Count > 0)
            {
                var before = current.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
                var after = before.Except(removed.Select(c => c.Value)).Concat(added).Distinct().Order(StringComparer.Ordinal).ToList();
                // The sentence names the role and the permissions as the matrix page shows them; the values keep the codes.
                string Named(string permission) => permissions.Find(permission)?.DisplayName ?? permission;
                var summary = $"Quyền của vai trò {role.DisplayName ?? role.Name}:" +
                    (added.Count > 0 ? " thêm " + string.Join(", ", added.Select(Named)) + "." : "") +
                    (removed.Count > 0 ? " bỏ " + string.Join(", ", removed.Select(c => Named(c.Value))) + "." : "");
                await audit.RecordAsync(AdminAuditActions.RolePermissions, role.Name!, summary, string.Join("\n", before), string.Join("\n", after), cancellationToken: cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Core's <see cref="IRoleGrants"/> over Identity's role claims (used by the one-off default-grants upgrades).</summary>
internal sealed class RoleGrants(RoleManager<CmsRole> roles) : IRoleGrants
{
    public async Task<bool> GrantIfMissingAsync(string role, string permission, CancellationToken cancellationToken)
    {
        if (await roles.FindByNameAsync(role) is not { } found)
        {
            return false;
        }

        var claims = await roles.GetClaimsAsync(found);
        if (claims.Any(c => c.Type == CmsClaims.Permission && c.Value == permission))
        {
            return false;
        }

        var result = await roles.AddClaimAsync(found, new Claim(CmsClaims.Permission, permission));
        return result.Succeeded ? true : throw new InvalidOperationException($"Không cấp được quyền {permission} cho vai trò {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    public async Task<bool> AddRoleIfMissingAsync(DefaultRole role, CancellationToken cancellationToken)
    {
        if (await roles.FindByNameAsync(role.Name) is not null)
        {
            return false;
        }

        var result = await roles.CreateAsync(new CmsRole { Name = role.Name, DisplayName = role.DisplayName, Description = role.Description });
        return result.Succeeded ? true : throw new InvalidOperationException($"Không thêm được vai trò {role.Name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
