using CucThongKe.Core.Admin;

namespace CucThongKe.Users;

internal sealed class UsersAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Tài khoản", "Người dùng", "/admin/users", UsersPermissions.ManageUsers.Name, 50),
        new("Tài khoản", "Vai trò và quyền", "/admin/roles", UsersPermissions.ManageRoles.Name, 51),
        new("Tài khoản", "Đơn vị", "/admin/units", UsersPermissions.ManageUnits.Name, 52),
        new("Tài khoản", "Nhật ký đăng nhập", "/admin/users/audit", UsersPermissions.ManageUsers.Name, 53),
        new("Tài khoản", "Tài khoản của tôi (mật khẩu, phiên đăng nhập)", "/admin/tai-khoan", null, 54),
        new("Tài khoản", "Xác thực hai bước của tôi", "/admin/tai-khoan/xac-thuc-hai-buoc", null, 55),
    ];
}
