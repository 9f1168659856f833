using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Notifications;

/// <summary>Writes back-office notifications to the members of roles (optionally of one unit) or to one user.</summary>
public sealed class WorkflowNotifier(CmsDbContext db, TimeProvider clock)
{
    /// <summary>Adds (unsaved) a notification for every member of <paramref name="roles"/>, limited to <paramref name="unitId"/> when given.</summary>
    public async Task NotifyRolesAsync(IReadOnlyCollection<string> roles, string? unitId, string? contentItemId, string message, string reason, CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
        {
            return;
        }

        var users = await (
            from u in db.Set<CmsUser>()
            join ur in db.Set<IdentityUserRole<string>>() on u.Id equals ur.UserId
            join r in db.Set<CmsRole>() on ur.RoleId equals r.Id
            where roles.Contains(r.Name!) && (unitId == null || u.UnitId == unitId)
            select u.UserName!).Distinct().ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            NotifyUser(user, contentItemId, message, reason);
        }
    }

    /// <summary>Adds (unsaved) a notification for one user.</summary>
    public void NotifyUser(string userName, string? contentItemId, string message, string reason) =>
        db.Add(new WorkflowNotification
        {
            UserName = userName,
            ContentItemId = contentItemId,
            Message = TextNormalizer.Normalize(message),
            Reason = reason,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });

    public async Task<IReadOnlyList<WorkflowNotification>> ListAsync(string userName, int take, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowNotification>().AsNoTracking().Where(n => n.UserName == userName)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
}
