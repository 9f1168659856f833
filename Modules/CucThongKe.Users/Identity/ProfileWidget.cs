using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>The dashboard's "my profile" block: name, position, roles, unit, email and two-factor sign-in.</summary>
internal sealed class ProfileWidget(UserManager<CmsUser> users, CmsDbContext db) : IDashboardWidget
{
    public int Order => 0;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var account = await users.GetUserAsync(user);
        if (account is null)
        {
            return null;
        }

        var roleNames = await users.GetRolesAsync(account);
        var roles = await db.Set<CmsRole>().AsNoTracking().Where(r => roleNames.Contains(r.Name!)).OrderBy(r => r.Name)
            .Select(r => r.DisplayName ?? r.Name!).ToListAsync(cancellationToken);
        var unit = account.UnitId is null ? null : await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == account.UnitId, cancellationToken);
        List<DashboardFact> facts =
        [
            new("Họ tên", account.DisplayName ?? account.UserName!),
            new("Tên đăng nhập", account.UserName!),
            new("Vai trò", roles.Count == 0 ? "chưa có" : string.Join(", ", roles)),
            new("Đơn vị", unit?.Name ?? "chưa gán"),
        ];
        if (account.Position is not null)
        {
            facts.Insert(1, new("Chức vụ", account.Position));
        }

        facts.Add(new("Email", account.Email ?? "chưa có"));
        facts.Add(new("Xác thực hai bước", account.TwoFactorEnabled ? "đã bật" : "chưa bật"));
        return new DashboardBlock("Hồ sơ của tôi", null, facts, [], new DashboardLink("Cài đặt xác thực hai bước", "/admin/tai-khoan/xac-thuc-hai-buoc"));
    }
}
