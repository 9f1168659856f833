using CucThongKe.Core.Auditing;
using CucThongKe.Workflows.Notifications;

namespace CucThongKe.Workflows.Instances;

/// <summary>Tells the editorial board (Ban Biên tập) of every admin-audit entry: a role's permissions, a user's roles, a workflow definition, an item's unit.</summary>
internal sealed class BoardAuditNotifier(WorkflowNotifier notifier) : IAdminAuditListener
{
    public const string Reason = "admin-audit";

    public Task RecordedAsync(AdminAuditEntry entry, CancellationToken cancellationToken)
    {
        var who = entry.UserName ?? "hệ thống";
        var message = $"Nhật ký quản trị — {AdminAuditActions.DisplayName(entry.Action)}: {entry.Summary} (bởi {who}).";
        return notifier.NotifyRolesAsync(WorkflowService.BoardRoles, null,
            entry.Action == AdminAuditActions.ContentUnitTransfer ? entry.Subject : null,
            message.Length > 2000 ? message[..2000] : message, Reason, cancellationToken);
    }
}
