using CucThongKe.Core.Data;
using CucThongKe.Core.Telemetry;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Notifications;

/// <summary>Notifications waiting to be emailed (<c>cms_queue_length{queue="mail-notifications"}</c>): the rows <see cref="NotificationMailer"/> would send.</summary>
internal sealed class NotificationQueueLength(CmsDbContext db) : IQueueLength
{
    public string Name => "mail-notifications";

    public Task<long> CountAsync(CancellationToken cancellationToken) => (
        from n in db.Set<WorkflowNotification>()
        join u in db.Set<CmsUser>() on n.UserName equals u.UserName
        where n.EmailedUtc == null && u.Email != null
        select n.Id).LongCountAsync(cancellationToken);
}
