using CucThongKe.Core.Data;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Incidents;

/// <summary>An incident as the back-office form gives it (new or updated).</summary>
public class IncidentInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public IncidentSeverity Severity { get; set; } = IncidentSeverity.Medium;

    public IncidentStatus Status { get; set; } = IncidentStatus.Open;

    public string? ActionsProposed { get; set; }

    public string? ActionsTaken { get; set; }

    public static IncidentInput From(Incident i) => new()
    {
        Title = i.Title, Description = i.Description, Severity = i.Severity, Status = i.Status, ActionsProposed = i.ActionsProposed, ActionsTaken = i.ActionsTaken,
    };
}

/// <summary>A refused incident form: 400, nothing stored.</summary>
public sealed class IncidentInputException(string message) : Exception(message);

/// <summary>The incident log (Điều 11.6): what the site records itself, once per cause while it is open, and what staff add and update; every new incident is told to the technical staff.</summary>
public sealed class IncidentLog(CmsDbContext db, UnitOfWork unitOfWork, WorkflowNotifier notifier, IOptions<IncidentOptions> options, TimeProvider clock)
{
    public const int MaxTextLength = 4000;

    /// <summary>Records that the site's check found <paramref name="cause"/>: a new incident (and an alert) when none is open for it, else the open one is seen again.</summary>
    /// <returns>True when a new incident was opened.</returns>
    public async Task<bool> RecordAsync(string cause, IncidentSeverity severity, string title, string description, string? proposed, CancellationToken cancellationToken = default)
    {
        try
        {
            return await unitOfWork.RunAsync(async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var open = await db.Set<Incident>().FirstOrDefaultAsync(i => i.OpenCause == cause, ct);
                if (open is not null)
                {
                    open.LastSeenUtc = now;
                    open.Occurrences++;
                    await db.SaveChangesAsync(ct);
                    return false;
                }

                var incident = new Incident
                {
                    Cause = cause,
                    OpenCause = cause,
                    Severity = severity,
                    Status = IncidentStatus.Open,
                    Title = Cut(title, 300),
                    Description = Cut(description, MaxTextLength),
                    ActionsProposed = proposed,
                    OccurredUtc = now,
                    LastSeenUtc = now,
                };
                db.Add(incident);
                await db.SaveChangesAsync(ct);
                await AlertAsync(incident, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node opened the incident of this cause at the same moment: one is enough.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>An incident a member of the technical staff records.</summary>
    public Task<Incident> AddAsync(IncidentInput input, string userName, CancellationToken cancellationToken = default)
    {
        Check(input);
        return unitOfWork.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var incident = new Incident { Title = "", Description = "", OccurredUtc = now, LastSeenUtc = now, ReportedBy = userName };
            Apply(incident, input, userName, now);
            db.Add(incident);
            await db.SaveChangesAsync(ct);
            await AlertAsync(incident, ct);
            await db.SaveChangesAsync(ct);
            return incident;
        }, cancellationToken);
    }

    /// <summary>Updates an incident (what was proposed and done, its status); null when there is no such incident.</summary>
    public async Task<Incident?> UpdateAsync(long id, IncidentInput input, string userName, CancellationToken cancellationToken = default)
    {
        Check(input);
        return await unitOfWork.RunAsync(async ct =>
        {
            var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return null;
            }

            Apply(incident, input, userName, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return incident;
        }, cancellationToken);
    }

    public Task<Incident?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <param name="status">Null: every incident; the unresolved first, newest first.</param>
    public async Task<(IReadOnlyList<Incident> Rows, int Total)> PageAsync(IncidentStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Incident>().AsNoTracking().Where(i => status == null || i.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(i => i.Status == IncidentStatus.Resolved).ThenByDescending(i => i.OccurredUtc).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    internal static void Check(IncidentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            throw new IncidentInputException("Tiêu đề sự cố không được để trống (tối đa 300 ký tự).");
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Length > MaxTextLength)
        {
            throw new IncidentInputException($"Mô tả sự cố không được để trống (tối đa {MaxTextLength} ký tự).");
        }

        if (input.ActionsProposed is { Length: > MaxTextLength } || input.ActionsTaken is { Length: > MaxTextLength })
        {
            throw new IncidentInputException($"Biện pháp đề xuất và đã thực hiện tối đa {MaxTextLength} ký tự mỗi mục.");
        }

        if (!Enum.IsDefined(input.Severity) || !Enum.IsDefined(input.Status))
        {
            throw new IncidentInputException("Mức độ hoặc trạng thái không hợp lệ.");
        }

        if (input.Status == IncidentStatus.Resolved && string.IsNullOrWhiteSpace(input.ActionsTaken))
        {
            throw new IncidentInputException("Ghi biện pháp đã thực hiện trước khi đóng sự cố.");
        }
    }

    internal static void Apply(Incident incident, IncidentInput input, string? userName, DateTime now)
    {
        incident.Title = input.Title!.Trim();
        incident.Description = input.Description!.Trim();
        incident.Severity = input.Severity;
        incident.ActionsProposed = string.IsNullOrWhiteSpace(input.ActionsProposed) ? null : input.ActionsProposed.Trim();
        incident.ActionsTaken = string.IsNullOrWhiteSpace(input.ActionsTaken) ? null : input.ActionsTaken.Trim();
        incident.HandledBy = userName;
        incident.Status = input.Status;
        incident.ResolvedUtc = input.Status == IncidentStatus.Resolved ? incident.ResolvedUtc ?? now : null;

        // Closed: the cause may open a new incident when it comes back. Reopened: it is that cause's open incident again,
        // unless another one opened meanwhile (then this one stays without the cause's slot).
        incident.OpenCause = input.Status == IncidentStatus.Resolved ? null : incident.OpenCause;
    }

    private async Task AlertAsync(Incident incident, CancellationToken ct)
    {
        var who = incident.ReportedBy is null ? "hệ thống tự ghi nhận" : "do " + incident.ReportedBy + " ghi";
        var message = $"Sự cố kỹ thuật ({Incident.SeverityName(incident.Severity).ToLowerInvariant()}, {who}): {incident.Title}. Xem /admin/su-co/{incident.Id}";
        await notifier.NotifyRolesAsync(options.Value.AlertRoles, null, null, message, "incident", ct);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
