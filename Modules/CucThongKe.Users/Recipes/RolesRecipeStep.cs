using System.Security.Claims;
using System.Text.Json.Nodes;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Recipes;

/// <summary>The <c>Roles</c> step: roles with their display names and the permissions they grant (replacing the stored ones).</summary>
/// <remarks>
/// From the back office the step may add roles and rename them, but not change what an existing role may do, nor grant
/// <c>EmergencyPublish</c> to any role: the roles of the approval chain change on the Roles page, where the change is
/// made by hand, and emergency publication (publishing outside the chain) is given only by the setup of a site or on the
/// server's command line. A re-uploaded export, which names the same permissions, passes.
/// </remarks>
internal sealed class RolesRecipeStep(RoleManager<CmsRole> roles, UserManager<CmsUser> users, PermissionCatalog permissions, AdminAuditLog audit) : IRecipeStep
{
    /// <summary>The Workflows module's permission to publish outside the chain (<c>WorkflowsPermissions.EmergencyPublish</c>; Users does not reference Workflows).</summary>
    public const string EmergencyPublish = "EmergencyPublish";

    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        // A person running it from the back office: the roles they hold (a safeguard permission never goes to one of them).
        var actor = context.Options.ActorUserName is { } name ? await users.FindByNameAsync(name) : null;
        var actorRoles = actor is null ? [] : await users.GetRolesAsync(actor);
        for (var i = 0; i < model.Roles.Count; i++)
        {
            var input = model.Roles[i];
            var path = $".Roles[{i}]";
            if (string.IsNullOrWhiteSpace(input.Name) || !input.Name.All(char.IsAsciiLetterOrDigit))
            {
                throw context.Error(path + ".Name", $"tên vai trò '{input.Name}' chỉ gồm chữ cái không dấu và chữ số.");
            }

            for (var p = 0; p < input.Permissions.Count; p++)
            {
                if (!permissions.Exists(input.Permissions[p]))
                {
                    throw context.Error($"{path}.Permissions[{p}]", $"không có quyền '{input.Permissions[p]}'.");
                }
            }

            var backOffice = context.Options.IsBackOffice;
            if (backOffice && input.Permissions.IndexOf(EmergencyPublish) is var emergency and >= 0)
            {
                throw context.Error($"{path}.Permissions[{emergency}]",
                    $"công thức chạy trong trang quản trị không được cấp quyền '{EmergencyPublish}' (đăng khẩn cấp ngoài quy trình duyệt).");
            }

            var role = await roles.FindByNameAsync(input.Name);
            if (role is not null && backOffice)
            {
                var stored = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsClaims.Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
                if (!stored.SetEquals(input.Permissions))
                {
                    var widened = input.Permissions.Except(stored).ToList();
                    var narrowed = stored.Except(input.Permissions).ToList();
                    throw context.Error(path + ".Permissions",
                        $"công thức chạy trong trang quản trị không được đổi quyền của vai trò có sẵn '{input.Name}'"
                        + (widened.Count > 0 ? $" (thêm: {string.Join(", ", widened)})" : "")
                        + (narrowed.Count > 0 ? $" (bớt: {string.Join(", ", narrowed)})" : "")
                        + ": hãy đổi ở trang Vai trò (/admin/roles).");
                }
            }

            if (role is null)
            {
                role = new CmsRole { Name = input.Name };
                Check(context, path, await roles.CreateAsync(role));
            }

            role.DisplayName = input.DisplayName;
            role.Description = input.Description;
            Check(context, path, await roles.UpdateAsync(role));

            var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsClaims.Permission).ToList();
            foreach (var claim in current.Where(c => !input.Permissions.Contains(c.Value)))
            {
                Check(context, path, await roles.RemoveClaimAsync(role, claim));
            }

            var added = input.Permissions.Distinct().Where(p => current.All(c => c.Value != p)).Order(StringComparer.Ordinal).ToList();
            if (actorRoles.Contains(input.Name) && added.FirstOrDefault(p => permissions.Find(p)?.NeverToOwnRole == true) is { } selfGrant)
            {
                throw context.Error(path + ".Permissions", $"không được cấp quyền '{selfGrant}' cho vai trò '{input.Name}' mà chính người chạy công thức đang giữ.");
            }

            foreach (var permission in added)
            {
                Check(context, path, await roles.AddClaimAsync(role, new Claim(CmsClaims.Permission, permission)));
            }

            var removed = current.Select(c => c.Value).Where(v => !input.Permissions.Contains(v)).ToList();
            // The setup of an empty site creates the roles; from then on every change of what a role may do is recorded.
            if (context.Options.Origin != RecipeOrigin.Setup && (added.Count > 0 || removed.Count > 0))
            {
                var before = current.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
                await audit.RecordAsync(AdminAuditActions.RolePermissions, input.Name,
                    $"Quyền của vai trò {role.DisplayName ?? input.Name} (qua công thức '{context.Recipe.Name}'): thêm {added.Count}, bỏ {removed.Count}.",
                    string.Join("\n", before), string.Join("\n", input.Permissions.Distinct().Order(StringComparer.Ordinal)), actorName: context.Options.ActorUserName, cancellationToken: cancellationToken);
            }
        }
    }

    private static void Check(RecipeStepContext context, string path, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw context.Error(path, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record StepModel(List<RoleModel> Roles);

    private sealed class RoleModel
    {
        public required string Name { get; init; }

        public string? DisplayName { get; init; }

        public string? Description { get; init; }

        public List<string> Permissions { get; init; } = [];
    }
}

internal sealed class RolesRecipeExporter(CmsDbContext db) : IRecipeExporter
{
    public int Order => 30;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var roles = await db.Set<CmsRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        if (roles.Count == 0)
        {
            return null;
        }

        var claims = await db.Set<IdentityRoleClaim<string>>().AsNoTracking().Where(c => c.ClaimType == CmsClaims.Permission).ToListAsync(cancellationToken);
        var array = new JsonArray();
        foreach (var role in roles)
        {
            var entry = new JsonObject { ["Name"] = role.Name };
            if (role.DisplayName is not null)
            {
                entry["DisplayName"] = role.DisplayName;
            }

            if (role.Description is not null)
            {
                entry["Description"] = role.Description;
            }

            entry["Permissions"] = new JsonArray([.. claims.Where(c => c.RoleId == role.Id).Select(c => c.ClaimValue).Order(StringComparer.Ordinal).Select(v => (JsonNode?)v)]);
            array.Add(entry);
        }

        return new JsonObject { ["name"] = "Roles", ["Roles"] = array };
    }
}
