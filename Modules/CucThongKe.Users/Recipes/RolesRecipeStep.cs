using System.Security.Claims;
using System.Text.Json.Nodes;
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
internal sealed class RolesRecipeStep(RoleManager<CmsRole> roles, PermissionCatalog permissions) : IRecipeStep
{
    /// <summary>The Workflows module's permission to publish outside the chain (<c>WorkflowsPermissions.EmergencyPublish</c>; Users does not reference Workflows).</summary>
    public const string EmergencyPublish = "EmergencyPublish";

    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
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
                    var added = input.Permissions.Except(stored).ToList();
                    var removed = stored.Except(input.Permissions).ToList();
                    throw context.Error(path + ".Permissions",
                        $"công thức chạy trong trang quản trị không được đổi quyền của vai trò có sẵn '{input.Name}'"
                        + (added.Count > 0 ? $" (thêm: {string.Join(", ", added)})" : "")
                        + (removed.Count > 0 ? $" (bớt: {string.Join(", ", removed)})" : "")
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

            foreach (var permission in input.Permissions.Distinct().Where(p => current.All(c => c.Value != p)))
            {
                Check(context, path, await roles.AddClaimAsync(role, new Claim(CmsClaims.Permission, permission)));
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
