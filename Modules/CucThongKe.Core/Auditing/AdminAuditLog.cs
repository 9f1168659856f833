using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Core.Auditing;

/// <summary>Told of every admin-audit entry before it is saved, in the same save (the workflow module notifies the board).</summary>
/// <remarks>Lives in Core so that Users and Contents can record without knowing who listens.</remarks>
public interface IAdminAuditListener
{
    /// <summary>Adds (unsaved) whatever follows the entry; <see cref="AdminAuditLog"/> saves it with the entry.</summary>
    Task RecordedAsync(AdminAuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>Records changes of who may do what in the admin-audit log, and tells the listeners.</summary>
public sealed class AdminAuditLog(CmsDbContext db, ICurrentActor actor, IEnumerable<IAdminAuditListener> listeners, TimeProvider clock)
{
    /// <summary>Adds an entry for the current actor and saves it (with the caller's pending changes, in the caller's transaction if any).</summary>
    /// <param name="actorName">Who acts when it is not the signed-in user: a recipe's runner (<c>cli:…</c>, <c>setup</c>).</param>
    public async Task<AdminAuditEntry> RecordAsync(string action, string subject, string summary, string? before, string? after, string? reason = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var entry = new AdminAuditEntry
        {
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            UserName = actorName ?? actor.UserName,
            Action = action,
            Subject = subject,
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            Before = before,
            After = after,
            Reason = reason,
        };
        db.Add(entry);
        foreach (var listener in listeners)
        {
            await listener.RecordedAsync(entry, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>One page of the log, newest first, and whether an older page follows.</summary>
    public async Task<(IReadOnlyList<AdminAuditEntry> Entries, bool HasMore)> PageAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<AdminAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return ([.. rows.Take(pageSize)], rows.Count > pageSize);
    }
}
