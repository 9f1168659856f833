namespace CucThongKe.Core.Security;

/// <summary>Permissions of the platform itself.</summary>
public sealed class CorePermissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Vào trang quản trị", "Hệ thống");
    public static readonly Permission ManageRecipes = new("ManageRecipes", "Chạy và xuất công thức (recipe)", "Hệ thống");
    public static readonly Permission ManageSettings = new("ManageSettings", "Sửa cài đặt trang", "Hệ thống");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageRecipes, ManageSettings];
}
