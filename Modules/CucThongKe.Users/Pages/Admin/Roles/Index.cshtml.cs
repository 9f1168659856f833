using System.Security.Claims;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Roles;

/// <summary>The roles × permissions matrix; permissions come from the modules.</summary>
[Authorize(Policy = "ManageRoles")]
public sealed class IndexModel(CmsDbContext db, RoleManager<CmsRole> roles, PermissionCatalog permissions) : PageModel
{
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

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var role in Roles.Where(r => r.Name != CmsClaims.AdministratorRole))
        {
            var tracked = await roles.FindByIdAsync(role.Id);
            var current = (await roles.GetClaimsAsync(tracked!)).Where(c => c.Type == CmsClaims.Permission).ToList();
            foreach (var claim in current.Where(c => !wanted.Contains((role.Name!, c.Value))))
            {
                await roles.RemoveClaimAsync(tracked!, claim);
            }

            foreach (var (_, permission) in wanted.Where(w => w.Role == role.Name && current.All(c => c.Value != w.Permission)))
            {
                await roles.AddClaimAsync(tracked!, new Claim(CmsClaims.Permission, permission));
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
