using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.Workflows;

/// <summary>Permissions of the approval workflows (the steps themselves are allowed by role, in each definition).</summary>
public sealed class WorkflowsPermissions : IPermissionProvider
{
    public static readonly Permission ViewWorkflows = new("ViewWorkflows", "Xem quy trình duyệt và hộp việc", "Quy trình duyệt");
    public static readonly Permission ManageWorkflows = new("ManageWorkflows", "Quản lý định nghĩa quy trình duyệt", "Quy trình duyệt");

    /// <summary>Publishing at once, outside the chain, with a written reason; recorded and told to the board.</summary>
    /// <remarks>Held only by a role that names it: an administrator's blanket permissions do not include it, and the setup recipe gives it to no one.</remarks>
    public static readonly Permission EmergencyPublish = new("EmergencyPublish", "Đăng khẩn cấp ngoài quy trình (phải ghi lý do; Ban Biên tập được báo)", "Quy trình duyệt", NeverToOwnRole: true);

    public IEnumerable<Permission> GetPermissions() => [ViewWorkflows, ManageWorkflows, EmergencyPublish];
}

/// <summary>The back office's entries for the inbox and the workflow definitions.</summary>
internal sealed class WorkflowsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Quy trình duyệt", "Việc chờ tôi xử lý", "/admin/quy-trinh", null, 10),
        new("Quy trình duyệt", "Định nghĩa quy trình", "/admin/quy-trinh/dinh-nghia", WorkflowsPermissions.ViewWorkflows.Name, 20),
    ];
}
