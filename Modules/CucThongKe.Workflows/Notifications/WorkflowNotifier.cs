using System.Security.Claims;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Notifications;

/// <summary>Raised after a commit that wrote notifications, so that the mailer sends them at once rather than at its next poll.</summary>
public sealed class NotificationSignal : WakeUpSignal;

/// <summary>Writes back-office notifications to the members of roles (optionally of one unit) or to one user.</summary>
/// <remarks>
/// A notification is a row of the step's own transaction (rolled back with it); the mail follows the commit: inside a unit of
/// work the mailer is woken once it commits, otherwise it finds the row at its next poll.
/// </remarks>
public sealed class WorkflowNotifier(CmsDbContext db, UnitOfWork unitOfWork, NotificationSignal signal, TimeProvider clock)
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
    public void NotifyUser(string userName, string? contentItemId, string message, string reason)
    {
        db.Add(new WorkflowNotification
        {
            UserName = userName,
            ContentItemId = contentItemId,
            Message = message,
            Reason = reason,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        if (unitOfWork.IsActive)
        {
            unitOfWork.AfterCommit(signal.Raise);
        }
    }

    public async Task<IReadOnlyList<WorkflowNotification>> ListAsync(string userName, int take, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowNotification>().AsNoTracking().Where(n => n.UserName == userName)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);

    public Task<int> CountAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowNotification>().CountAsync(n => n.UserName == userName, cancellationToken);

    public async Task<IReadOnlyList<WorkflowNotification>> PageAsync(string userName, int skip, int take, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowNotification>().AsNoTracking().Where(n => n.UserName == userName)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);

    public Task<int> UnreadCountAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowNotification>().CountAsync(n => n.UserName == userName && n.ReadUtc == null, cancellationToken);

    /// <summary>Marks the notification <paramref name="id"/> of <paramref name="userName"/> read.</summary>
    /// <returns>False when the user has no such notification (someone else's is the same as none).</returns>
    public async Task<bool> MarkReadAsync(string userName, long id, CancellationToken cancellationToken = default)
    {
        var notification = await db.Set<WorkflowNotification>().FirstOrDefaultAsync(n => n.Id == id && n.UserName == userName, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.ReadUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Marks every unread notification of <paramref name="userName"/> read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<WorkflowNotification>().Where(n => n.UserName == userName && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), cancellationToken);
    }
}

/// <summary>"Thông báo" in the back office's header, with the number of unread notifications.</summary>
internal sealed class NotificationsHeaderLink(WorkflowNotifier notifier) : IAdminHeaderLinkProvider
{
    public const string Url = "/admin/thong-bao";

    public async Task<AdminHeaderLink?> GetLinkAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.Name is not { } userName)
        {
            return null;
        }

        var unread = await notifier.UnreadCountAsync(userName, cancellationToken);
        return new AdminHeaderLink(unread == 0 ? "Thông báo" : $"Thông báo ({unread} chưa đọc)", Url);
    }
}
