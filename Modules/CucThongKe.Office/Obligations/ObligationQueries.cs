using System.Security.Claims;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Obligations;

/// <summary>The filters of the obligations page: unit, period (<c>2026</c>, <c>2026-11</c>, <c>2026-Q4</c>, <c>2026-H2</c>), state.</summary>
public sealed record EntryFilter(string? UnitId, string? Period, ObligationEntryState? State);

/// <summary>One row of the obligations page.</summary>
public sealed record EntryRow(ObligationEntry Entry, string Title, string ContentType, ObligationEntryState State);

/// <summary>A unit's entries due in a time span, by outcome (Điều 17: on time, late, missed; and those still open or overdue).</summary>
public sealed record UnitTimeliness(string UnitId, int OnTime, int Late, int Missed, int Overdue, int Open)
{
    public int Total => OnTime + Late + Missed + Overdue + Open;
}

/// <summary>The timeliness of units' reporting, for the statistics of Điều 16-17 (the contribution statistics call it).</summary>
public interface IObligationTimeliness
{
    /// <summary>Per unit (or only <paramref name="unitId"/>), the entries whose due date is between <paramref name="from"/> and <paramref name="to"/> (both included).</summary>
    Task<IReadOnlyList<UnitTimeliness>> ByUnitAsync(DateOnly from, DateOnly to, string? unitId, CancellationToken cancellationToken = default);
}

/// <summary>A filter the page cannot apply: 400.</summary>
public sealed class ObligationFilterException(string message) : Exception(message);

/// <summary>Reads obligations' entries: the paged list (limited to the user's unit unless they see all) and the timeliness counts.</summary>
public sealed partial class ObligationQueries(CmsDbContext db, TimeProvider clock) : IObligationTimeliness
{
    /// <summary>The unit whose entries <paramref name="user"/> sees, or null for every unit (<see cref="OfficePermissions.ViewAllObligations"/>).</summary>
    /// <exception cref="UnauthorizedAccessException">A user of no unit without the permission sees nothing.</exception>
    public static string? VisibleUnit(ClaimsPrincipal user) =>
        user.HasPermission(OfficePermissions.ViewAllObligations.Name) ? null
        : user.FindFirstValue(CmsClaims.Unit) ?? throw new UnauthorizedAccessException();

    public static bool IsValidPeriod(string? period) => period is null || PeriodPattern().IsMatch(period);

    /// <param name="visibleUnit">Null: every unit; else only that unit's entries, whatever the filter says.</param>
    public async Task<(IReadOnlyList<EntryRow> Rows, int Total)> PageAsync(EntryFilter filter, string? visibleUnit, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!IsValidPeriod(filter.Period))
        {
            throw new ObligationFilterException("Kỳ phải có dạng 2026, 2026-11, 2026-Q4 hoặc 2026-H2.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<ObligationEntry>().AsNoTracking();
        var unit = visibleUnit ?? filter.UnitId;
        if (unit is not null)
        {
            query = query.Where(e => e.UnitId == unit);
        }

        if (filter.Period is { } period)
        {
            query = query.Where(e => e.Period == period || e.Period.StartsWith(period + "-"));
        }

        query = filter.State switch
        {
            ObligationEntryState.Open => query.Where(e => e.Outcome == null && e.DueUtc >= now),
            ObligationEntryState.Overdue => query.Where(e => e.Outcome == null && e.DueUtc < now),
            ObligationEntryState.OnTime => query.Where(e => e.Outcome == ObligationOutcome.OnTime),
            ObligationEntryState.Late => query.Where(e => e.Outcome == ObligationOutcome.Late),
            ObligationEntryState.Missed => query.Where(e => e.Outcome == ObligationOutcome.Missed),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from e in query
            join o in db.Set<ReportingObligation>() on e.ObligationId equals o.Id
            orderby e.DueDate descending, e.UnitId, o.Title
            select new { e, o.Title, o.ContentType })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new EntryRow(r.e, r.Title, r.ContentType, r.e.StateAt(now)))], total);
    }

    public async Task<IReadOnlyList<UnitTimeliness>> ByUnitAsync(DateOnly from, DateOnly to, string? unitId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Set<ObligationEntry>().AsNoTracking()
            .Where(e => e.DueDate >= from && e.DueDate <= to && (unitId == null || e.UnitId == unitId))
            .GroupBy(e => new { e.UnitId, e.Outcome, Overdue = e.Outcome == null && e.DueUtc < now })
            .Select(g => new { g.Key.UnitId, g.Key.Outcome, g.Key.Overdue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.GroupBy(c => c.UnitId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new UnitTimeliness(
            g.Key,
            g.Where(c => c.Outcome == ObligationOutcome.OnTime).Sum(c => c.Count),
            g.Where(c => c.Outcome == ObligationOutcome.Late).Sum(c => c.Count),
            g.Where(c => c.Outcome == ObligationOutcome.Missed).Sum(c => c.Count),
            g.Where(c => c.Outcome == null && c.Overdue).Sum(c => c.Count),
            g.Where(c => c.Outcome == null && !c.Overdue).Sum(c => c.Count)))];
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$")]
    private static partial Regex PeriodPattern();
}
