using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>Every account, with its unit, roles, two-factor state and lockout.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class IndexModel(CmsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = await db.Set<CmsUser>().AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<CmsRole>() on ur.RoleId equals r.Id
                           select new { ur.UserId, Name = r.DisplayName ?? r.Name! }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Rows = [.. users.Select(u => new UserRow(
            u,
            u.UnitId is not null && units.TryGetValue(u.UnitId, out var unit) ? unit : u.UnitId,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal)],
            u.LockoutEnd > now))];
    }

    public sealed record UserRow(CmsUser User, string? UnitName, IReadOnlyList<string> Roles, bool Locked);
}
