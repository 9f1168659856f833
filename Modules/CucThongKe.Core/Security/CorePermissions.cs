namespace CucThongKe.Core.Security;

/// <summary>Permissions of the platform itself.</summary>
public sealed class CorePermissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Vào trang quản trị", "Hệ thống");
    public static readonly Permission ManageRecipes = new("ManageRecipes", "Chạy và xuất công thức (recipe)", "Hệ thống");
    public static readonly Permission ManageSettings = new("ManageSettings", "Sửa cài đặt trang", "Hệ thống");

    /// <summary>Reading the admin-audit log (roles, permissions, workflow definitions, transfers); nobody may edit it.</summary>
    public static readonly Permission ViewAdminAudit = new("ViewAdminAudit", "Xem nhật ký quản trị (thay đổi vai trò, quyền, quy trình)", "Hệ thống");

    /// <summary>Scheduling planned downtime; during a window, the only accounts the site still serves.</summary>
    public static readonly Permission ManageMaintenance = new("ManageMaintenance", "Đặt lịch bảo trì (tạm ngừng trang) và làm việc trong lúc bảo trì", "Hệ thống");

    /// <summary>Reading the node's metrics at <c>/metrics</c> in a browser (Prometheus uses <c>Cms:Telemetry:MetricsToken</c>).</summary>
    public static readonly Permission ViewMetrics = new("ViewMetrics", "Xem số liệu vận hành (/metrics)", "Hệ thống");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageRecipes, ManageSettings, ViewAdminAudit, ManageMaintenance, ViewMetrics];
}
