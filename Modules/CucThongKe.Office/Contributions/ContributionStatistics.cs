using System.Globalization;
using System.Security.Claims;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Office.Obligations;
using CucThongKe.Office.Royalties;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Contributions;

/// <summary>The contribution statistics' settings (<c>Cms:Office:Contributions</c>).</summary>
public sealed class ContributionOptions
{
    public const string SectionName = "Cms:Office:Contributions";

    /// <summary>The content types whose publication answers a citizen's question.</summary>
    public List<string> QuestionTypes { get; set; } = ["Question"];

    /// <summary>Working days from a question's receipt to its answer; an answer published later counts as late.</summary>
    public int QuestionAnswerWorkingDays { get; set; } = 10;

    /// <summary>The most stays at a gate and answers read for one report (a year of a busy office is a few thousand).</summary>
    public int MaxRecordRows { get; set; } = 20_000;
}

/// <summary>One person's or unit's figures over a period (Điều 16): items written (first submitted), published, returned, rejected; questions answered and answered late; royalties.</summary>
public sealed record ContributionRow(string Name, string? UserName, string? UnitId, int Written, int Published, int Returned, int Rejected, int Answered, int AnsweredLate, long Royalties);

/// <summary>The average time items waited at one gate of the chain.</summary>
public sealed record GateAverage(string Gate, int Stays, double AverageHours);

/// <summary>A period's contribution and timeliness figures, by person and by unit, with the chain's gates and the units' reporting obligations.</summary>
public sealed record ContributionReport(ReportingPeriod Period, IReadOnlyList<ContributionRow> People, IReadOnlyList<ContributionRow> Units, IReadOnlyList<GateAverage> Gates, IReadOnlyList<UnitTimeliness> Timeliness, bool Truncated)
{
    public ContributionRow Total => new("Tổng cộng", null, null, Units.Sum(u => u.Written), Units.Sum(u => u.Published), Units.Sum(u => u.Returned), Units.Sum(u => u.Rejected),
        Units.Sum(u => u.Answered), Units.Sum(u => u.AnsweredLate), Units.Sum(u => u.Royalties));
}

/// <summary>
/// Contribution and timeliness statistics (Điều 16, 17), computed from the chain's record (<see cref="IWorkflowActivity"/>),
/// the units' obligations (<see cref="IObligationTimeliness"/>) and the royalty ledger, never typed by hand.
/// </summary>
public sealed class ContributionStatistics(IWorkflowActivity activity, IObligationTimeliness timeliness, CmsDbContext db, ObligationSchedule schedule, IOptions<ContributionOptions> options)
{
    /// <summary>Null: every unit's figures; else the user's own unit's.</summary>
    /// <exception cref="UnauthorizedAccessException">A user with neither the permission nor a unit.</exception>
    public static string? VisibleUnit(ClaimsPrincipal user) =>
        user.HasPermission(OfficePermissions.ViewAllContributions.Name) ? null
        : user.FindFirstValue(CmsClaims.Unit) ?? throw new UnauthorizedAccessException();

    /// <summary>A month (<c>2026-11</c>), a quarter (<c>2026-Q4</c>) or a year (<c>2026</c>); null when the key names none.</summary>
    public static ReportingPeriod? ParsePeriod(string? key) =>
        ObligationSchedule.Parse(ObligationFrequency.Monthly, key) ?? ObligationSchedule.Parse(ObligationFrequency.Quarterly, key) ?? ObligationSchedule.Parse(ObligationFrequency.Yearly, key);

    public async Task<ContributionReport> BuildAsync(ReportingPeriod period, string? unitId, CancellationToken cancellationToken = default)
    {
        var fromUtc = VietnamTime.ToUtc(period.Start.ToDateTime(TimeOnly.MinValue));
        var toUtc = VietnamTime.ToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var max = Math.Clamp(options.Value.MaxRecordRows, 1, 200_000);

        var counts = (await activity.CountsAsync(fromUtc, toUtc, cancellationToken)).Where(c => unitId is null || c.UnitId == unitId).ToList();
        var answers = (await activity.PublicationsAsync(options.Value.QuestionTypes, fromUtc, toUtc, max, cancellationToken)).Where(a => unitId is null || a.UnitId == unitId).ToList();
        var stays = (await activity.GateStaysAsync(fromUtc, toUtc, max, cancellationToken)).Where(s => unitId is null || s.UnitId == unitId).ToList();
        var late = answers.Where(IsLate).Select(a => a.ContentItemId).ToHashSet(StringComparer.Ordinal);

        // Royalties of the months in the period, by account and by unit.
        var (fromMonth, toMonth) = (period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), period.End.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var royalties = await db.Set<RoyaltyEntry>().AsNoTracking()
            .Where(e => e.Period.CompareTo(fromMonth) >= 0 && e.Period.CompareTo(toMonth) <= 0 && e.UserName != null && (unitId == null || e.UnitId == unitId))
            .GroupBy(e => new { e.UserName, e.UnitId }).Select(g => new { g.Key.UserName, g.Key.UnitId, Amount = g.Sum(e => e.Amount) })
            .Take(max).ToListAsync(cancellationToken);

        var keys = counts.Select(c => (c.Author, c.UnitId)).Concat(answers.Select(a => (a.Author, a.UnitId))).Concat(royalties.Select(r => ((string?)r.UserName, r.UnitId))).Distinct().ToList();
        var accounts = keys.Select(k => k.Item1).OfType<string>().Select(a => a.ToUpperInvariant()).Distinct().Take(max).ToList();
        var names = (await db.Set<CmsUser>().AsNoTracking().Where(u => accounts.Contains(u.NormalizedUserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.UserName!, u => u.DisplayName ?? u.UserName!, StringComparer.OrdinalIgnoreCase);

        ContributionRow Row(string name, string? user, string? unit, Func<string?, bool> person, Func<string?, bool> inUnit) => new(
            name, user, unit,
            counts.Where(c => person(c.Author) && inUnit(c.UnitId) && c.Kind == ActivityKind.Submitted).Sum(c => c.Count),
            counts.Where(c => person(c.Author) && inUnit(c.UnitId) && c.Kind == ActivityKind.Published).Sum(c => c.Count),
            counts.Where(c => person(c.Author) && inUnit(c.UnitId) && c.Kind == ActivityKind.Returned).Sum(c => c.Count),
            counts.Where(c => person(c.Author) && inUnit(c.UnitId) && c.Kind == ActivityKind.Rejected).Sum(c => c.Count),
            answers.Count(a => person(a.Author) && inUnit(a.UnitId)),
            answers.Count(a => person(a.Author) && inUnit(a.UnitId) && late.Contains(a.ContentItemId)),
            royalties.Where(r => person(r.UserName) && inUnit(r.UnitId)).Sum(r => r.Amount));

        var people = keys.Where(k => k.Item1 is not null)
            .Select(k => Row(names.GetValueOrDefault(k.Item1!, k.Item1!), k.Item1, k.UnitId, a => string.Equals(a, k.Item1, StringComparison.OrdinalIgnoreCase), u => u == k.UnitId))
            .OrderBy(r => r.UnitId, StringComparer.Ordinal).ThenByDescending(r => r.Published).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var units = keys.Select(k => k.UnitId).Distinct()
            .Select(u => Row(u ?? "(không có đơn vị)", null, u, _ => true, x => x == u))
            .OrderBy(r => r.UnitId, StringComparer.Ordinal).ToList();
        var gates = stays.GroupBy(s => s.StateName)
            .Select(g => new GateAverage(g.Key, g.Count(), Math.Round(g.Average(s => (s.LeftUtc - s.EnteredUtc).TotalHours), 1)))
            .OrderByDescending(g => g.Stays).ToList();
        var obligations = await timeliness.ByUnitAsync(period.Start, period.End, unitId, cancellationToken);
        return new ContributionReport(period, people, units, gates, obligations, stays.Count >= max || answers.Count >= max);
    }

    private bool IsLate(ChainPublication answer)
    {
        var received = ObligationSchedule.VietnamDate(answer.CreatedUtc);
        var due = schedule.Calendar.AddWorkingDays(received, Math.Max(1, options.Value.QuestionAnswerWorkingDays));
        return ObligationSchedule.VietnamDate(answer.PublishedUtc) > due;
    }
}
