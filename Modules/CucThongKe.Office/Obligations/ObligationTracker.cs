using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Notifications;
using CucThongKe.Workflows.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Obligations;

/// <summary>Raised when obligations change, so that the scheduler makes their entries at once rather than at its next poll.</summary>
public sealed class ObligationsSignal : WakeUpSignal;

/// <summary>What one round of the scheduler did.</summary>
public sealed record ObligationRound(int Created, int Fulfilled, int Reminded, int Overdue, int Missed)
{
    public bool DidAnything => Created + Fulfilled + Reminded + Overdue + Missed > 0;
}

/// <summary>
/// One round of the obligations' life, on the site's clock: makes the entries of periods that have begun, marks entries
/// fulfilled from the chain's record of submissions, reminds units before the due date, tells the unit head and the board of
/// overdue entries, and counts long-overdue ones as missed. Every part is idempotent: a second round at the same time changes nothing.
/// </summary>
public sealed class ObligationTracker(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    ObligationSchedule schedule,
    IWorkflowSubmissions submissions,
    WorkflowNotifier notifier,
    IOptions<ObligationOptions> options,
    TimeProvider clock)
{
    /// <summary>How many past periods a new (or long-suspended) obligation gets entries for.</summary>
    public const int MaxPastPeriods = 24;

    private const int Batch = 500;

    public Task<ObligationRound> RunAsync(CancellationToken cancellationToken = default) => unitOfWork.RunAsync(async ct =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await CreateEntriesAsync(now, ct);
        var fulfilled = await FulfilAsync(ct);
        var reminded = await RemindAsync(now, ct);
        var overdue = await NotifyOverdueAsync(now, ct);
        var missed = await MarkMissedAsync(now, ct);
        await db.SaveChangesAsync(ct);
        return new ObligationRound(created, fulfilled, reminded, overdue, missed);
    }, cancellationToken);

    private async Task<int> CreateEntriesAsync(DateTime now, CancellationToken ct)
    {
        var today = ObligationSchedule.VietnamDate(now);
        var obligations = await db.Set<ReportingObligation>().Where(o => o.Active && o.StartsOn <= today).Take(ObligationCatalog.MaxObligations).ToListAsync(ct);
        var created = 0;
        foreach (var obligation in obligations)
        {
            var periods = ObligationSchedule.PeriodsBetween(obligation.Frequency, obligation.StartsOn, today, MaxPastPeriods);
            var keys = periods.Select(p => p.Key).ToList();
            var existing = await db.Set<ObligationEntry>().Where(e => e.ObligationId == obligation.Id && keys.Contains(e.Period)).Select(e => e.Period).ToListAsync(ct);
            foreach (var period in periods.Where(p => !existing.Contains(p.Key)))
            {
                db.Add(schedule.NewEntry(obligation, period, now));
                created++;
            }
        }

        // Saved now so that the submissions below can fulfil a period that began this round.
        await db.SaveChangesAsync(ct);
        return created;
    }

    private async Task<int> FulfilAsync(CancellationToken ct)
    {
        var pending = await (
            from e in db.Set<ObligationEntry>()
            join o in db.Set<ReportingObligation>() on e.ObligationId equals o.Id
            where e.Outcome == null
            orderby e.PeriodStart, e.Id
            select new { Entry = e, o.ContentType }).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        // A period's work may be submitted from its first day (the news of the month, a report written at its end).
        var since = ObligationSchedule.EndOfDayUtc(pending.Min(p => p.Entry.PeriodStart).AddDays(-1));
        var found = await submissions.ListAsync([.. pending.Select(p => p.ContentType).Distinct()], since, Batch * 4, ct);
        var itemIds = found.Select(s => s.ContentItemId).Distinct().ToList();
        // The period an item names (a month's or a quarter's report): it fulfils that period's entry only; one that names none is matched by time.
        var named = (await db.Set<ContentItem>().AsNoTracking().Where(c => itemIds.Contains(c.ContentItemId) && c.Latest)
                .Select(c => new { c.ContentItemId, c.ContentType, c.Content }).ToListAsync(ct))
            .ToDictionary(c => c.ContentItemId, c => ItemReportingPeriod.KeyOf(c.ContentType, c.Content), StringComparer.Ordinal);
        var used = (await db.Set<ObligationEntry>().Where(e => e.ContentItemId != null && itemIds.Contains(e.ContentItemId))
            .Select(e => new { e.ObligationId, e.ContentItemId }).ToListAsync(ct))
            .Select(u => (u.ObligationId, u.ContentItemId!)).ToHashSet();

        var fulfilled = 0;
        foreach (var submission in found)
        {
            // The entry of the period the item names; else the oldest open entry of the item's unit and type whose period had
            // begun: a late report fills the overdue period first.
            var period = named.GetValueOrDefault(submission.ContentItemId);
            var match = pending.FirstOrDefault(p => p.Entry.Outcome is null
                && p.ContentType == submission.ContentType
                && p.Entry.UnitId == submission.UnitId
                && (period is null ? ObligationSchedule.EndOfDayUtc(p.Entry.PeriodStart.AddDays(-1)) <= submission.SubmittedUtc : p.Entry.Period == period)
                && !used.Contains((p.Entry.ObligationId, submission.ContentItemId)));
            if (match is null)
            {
                continue;
            }

            var entry = match.Entry;
            entry.FulfilledUtc = submission.SubmittedUtc;
            entry.ContentItemId = submission.ContentItemId;
            entry.FulfilledBy = submission.UserName;
            entry.Outcome = submission.SubmittedUtc <= entry.DueUtc ? ObligationOutcome.OnTime : ObligationOutcome.Late;
            used.Add((entry.ObligationId, submission.ContentItemId));
            fulfilled++;
        }

        return fulfilled;
    }

    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        var horizon = ObligationSchedule.VietnamDate(now).AddDays(options.Value.ReminderDays);
        var due = await WithTitles(db.Set<ObligationEntry>().Where(e => e.Outcome == null && e.RemindedUtc == null && e.DueUtc >= now && e.DueDate <= horizon), ct);
        foreach (var (entry, title) in due)
        {
            var message = $"Nhắc hạn: «{title}» {ReportingPeriod.DisplayName(entry.Period)} phải gửi vào quy trình duyệt chậm nhất ngày {entry.DueDate:dd/MM/yyyy}.";
            await notifier.NotifyRolesAsync(options.Value.ReminderRoles, entry.UnitId, null, message, "obligation-reminder", ct);
            entry.RemindedUtc = now;
        }

        return due.Count;
    }

    private async Task<int> NotifyOverdueAsync(DateTime now, CancellationToken ct)
    {
        var overdue = await WithTitles(db.Set<ObligationEntry>().Where(e => e.Outcome == null && e.OverdueNotifiedUtc == null && e.DueUtc < now), ct);
        foreach (var (entry, title) in overdue)
        {
            var message = $"Quá hạn: «{title}» {ReportingPeriod.DisplayName(entry.Period)} của đơn vị {entry.UnitId} chưa được gửi (hạn ngày {entry.DueDate:dd/MM/yyyy}).";
            await notifier.NotifyRolesAsync(["UnitHead"], entry.UnitId, null, message, "obligation-overdue", ct);
            await notifier.NotifyRolesAsync(options.Value.OverdueRoles, null, null, message, "obligation-overdue", ct);
            entry.OverdueNotifiedUtc = now;
        }

        return overdue.Count;
    }

    private async Task<int> MarkMissedAsync(DateTime now, CancellationToken ct)
    {
        var limit = now.AddDays(-options.Value.MissedAfterDays);
        var missed = await db.Set<ObligationEntry>().Where(e => e.Outcome == null && e.DueUtc < limit).Take(Batch).ToListAsync(ct);
        foreach (var entry in missed)
        {
            entry.Outcome = ObligationOutcome.Missed;
        }

        return missed.Count;
    }

    private async Task<List<(ObligationEntry Entry, string Title)>> WithTitles(IQueryable<ObligationEntry> entries, CancellationToken ct) =>
        (await (from e in entries
                join o in db.Set<ReportingObligation>() on e.ObligationId equals o.Id
                orderby e.DueUtc
                select new { e, o.Title }).Take(Batch).ToListAsync(ct))
        .Select(x => (x.e, x.Title)).ToList();
}
