using System.Security.Claims;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Roles;

/// <summary>The roles × permissions matrix; permissions come from the modules.</summary>
[Authorize(Policy = "ManageRoles")]
public sealed class IndexModel(CmsDbContext db, RoleManager<CmsRole> roles, UserManager<CmsUser> users, PermissionCatalog permissions, AdminAuditLog audit) : PageModel
{
    public string? ErrorMessage { get; private set; }

    public IReadOnlyList<CmsRole> Roles { get; private set; } = [];

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    public HashSet<(string RoleId, string Permission)> Grants { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string[]? grants)
    {
        await LoadAsync();
        var wanted = new HashSet<(string Role, string Permission)>();
        foreach (var grant in grants ?? [])
        {
            var parts = grant.Split('|');
            if (parts.Length != 2 || Roles.All(r => r.Name != parts[0]) || !permissions.Exists(parts[1]))
            {
                return BadRequest("Quyền hoặc vai trò không tồn tại.");
            }

            wanted.Add((parts[0], parts[1]));
        }

        // A permission that bypasses a safeguard (emergency publication) never goes to a role the granter holds.
        var me = await users.GetUserAsync(User);
        var myRoles = me is null ? [] : await users.GetRolesAsync(me);
        var selfGrant = wanted.FirstOrDefault(w => myRoles.Contains(w.Role) && permissions.Find(w.Permission)?.NeverToOwnRole == true &&
            !Grants.Contains((Roles.First(r => r.Name == w.Role).Id, w.Permission)));
        if (selfGrant.Role is not null)
        {
            ErrorMessage = $"Bạn không được cấp quyền '{selfGrant.Permission}' cho vai trò '{selfGrant.Role}' mà chính bạn đang giữ; hãy nhờ một quản trị viên khác. Không có thay đổi nào được lưu.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var role in Roles.Where(r => r.Name != CmsClaims.AdministratorRole))
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
                var summary = $"Quyền của vai trò {role.Name}:" +
                    (added.Count > 0 ? " thêm " + string.Join(", ", added) + "." : "") +
                    (removed.Count > 0 ? " bỏ " + string.Join(", ", removed.Select(c => c.Value)) + "." : "");
                await audit.RecordAsync(AdminAuditActions.RolePermissions, role.Name!, summary, string.Join("\n", before), string.Join("\n", after));
            }
        }

        await transaction.CommitAsync();
        TempData["Message"] = "Đã lưu quyền. Người dùng nhận quyền mới ở lần đăng nhập tới.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Roles = await db.Set<CmsRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        Permissions = [.. permissions.All.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
        var claims = await db.Set<IdentityRoleClaim<string>>().AsNoTracking()
            .Where(c => c.ClaimType == CmsClaims.Permission)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync();
        Grants = [.. claims.Select(c => (c.RoleId, c.ClaimValue!))];
    }
}
