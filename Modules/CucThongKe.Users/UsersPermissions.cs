using CucThongKe.Core.Security;

namespace CucThongKe.Users;

/// <summary>Permissions over accounts, roles and units.</summary>
public sealed class UsersPermissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Quản lý tài khoản", "Tài khoản");
    public static readonly Permission ManageRoles = new("ManageRoles", "Quản lý vai trò và quyền", "Tài khoản");
    public static readonly Permission ManageUnits = new("ManageUnits", "Quản lý đơn vị", "Tài khoản");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles, ManageUnits];
}
