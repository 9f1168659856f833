using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Royalties;

/// <summary>A published item as the ledger drafts it (from the publication event, or from a recipe's history).</summary>
public sealed record RoyaltyPublication(string ContentItemId, string ContentType, string Title, DateTime PublishedUtc);

/// <summary>What the ledger's page filters by.</summary>
public sealed record RoyaltyFilter(string? Period = null, string? Person = null, string? UnitId = null, RoyaltyEntryStatus? Status = null);

/// <summary>One person's total over a span of periods.</summary>
public sealed record RoyaltyPersonTotal(string PersonName, string? UserName, string? UnitId, string? ExternalUnit, int Entries, long Amount);

/// <summary>One unit's total: a unit of the site, or an external collaborator's unit of attachment.</summary>
public sealed record RoyaltyUnitTotal(string? UnitId, string? ExternalUnit, int People, int Entries, long Amount);

/// <summary>The ledger over a span of months: by person, by unit, and its lines (at most <see cref="RoyaltyOptions.MaxReportRows"/>).</summary>
public sealed record RoyaltyReport(string From, string To, IReadOnlyList<RoyaltyPersonTotal> People, IReadOnlyList<RoyaltyUnitTotal> Units, IReadOnlyList<RoyaltyEntry> Rows, int EntryCount, long Total)
{
    public bool Truncated => Rows.Count < EntryCount;
}

/// <summary>
/// The royalty ledger (sổ nhuận bút, Điều 6.2c): drafts entries when a paid item is published, lets the accountant review,
/// adjust (with a reason, recorded) and close a month, and refuses every change to a closed month, whichever path asks
/// (page, recipe, publication). Everyone else reads only their own entries.
/// </summary>
public sealed partial class RoyaltyLedger(CmsDbContext db, UnitOfWork unitOfWork, RoyaltyRates rates, IOptions<RoyaltyOptions> options, TimeProvider clock)
{
    /// <summary>How far past a closed month a late publication is carried (a year of closed months in a row is not a ledger any more).</summary>
    private const int MaxMonthsCarried = 24;

    /// <summary>Null: the user reads every person's entries; else the account whose entries they read.</summary>
    /// <exception cref="UnauthorizedAccessException">A user without a name (never signed in).</exception>
    public static string? VisiblePerson(ClaimsPrincipal user) =>
        user.HasPermission(OfficePermissions.ViewAllRoyalties.Name) || user.HasPermission(OfficePermissions.ManageRoyalties.Name) ? null
        : user.Identity?.Name ?? throw new UnauthorizedAccessException();

    public static bool IsPeriod(string? period) => period is not null && PeriodPattern().IsMatch(period);

    /// <summary>The month (Vietnam) of <paramref name="utc"/>: <c>2026-12</c>.</summary>
    public static string PeriodOf(DateTime utc) => VietnamTime.FromUtc(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"tháng 12/2026".</summary>
    public static string PeriodName(string period) => IsPeriod(period) ? $"tháng {period[5..]}/{period[..4]}" : period;

    public static string NextPeriod(string period)
    {
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1);
        return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public Task<RoyaltyPeriod?> ClosedAsync(string period, CancellationToken cancellationToken = default) =>
        db.Set<RoyaltyPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Period == period, cancellationToken);

    public async Task<IReadOnlyList<RoyaltyPeriod>> ClosedPeriodsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RoyaltyPeriod>().AsNoTracking().OrderByDescending(p => p.Period).Take(120).ToListAsync(cancellationToken);

    public Task<RoyaltyEntry?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<RoyaltyEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RoyaltyAdjustment>> AdjustmentsAsync(long entryId, CancellationToken cancellationToken = default) =>
        await db.Set<RoyaltyAdjustment>().AsNoTracking().Where(a => a.EntryId == entryId).OrderBy(a => a.Id).Take(100).ToListAsync(cancellationToken);

    /// <summary>Drafts the entries of a paid item's first publication, one per credited person and kind, from the rates valid on its date.</summary>
    /// <returns>The entries added (none when the item already has entries: a later publication of a new version pays nothing again).</returns>
    public Task<int> DraftAsync(RoyaltyPublication publication, IReadOnlyList<RoyaltyCredit> credits, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            if (credits.Count == 0 || await db.Set<RoyaltyEntry>().AnyAsync(e => e.ContentItemId == publication.ContentItemId, ct))
            {
                return 0;
            }

            // A publication in a closed month is paid in the first open month after it, and says so.
            var period = PeriodOf(publication.PublishedUtc);
            var carried = false;
            for (var i = 0; i < MaxMonthsCarried && await db.Set<RoyaltyPeriod>().AnyAsync(p => p.Period == period, ct); i++)
            {
                (period, carried) = (NextPeriod(period), true);
            }

            if (await db.Set<RoyaltyPeriod>().AnyAsync(p => p.Period == period, ct))
            {
                throw new RoyaltyPeriodClosedException($"Sổ nhuận bút {PeriodName(period)} đã khóa.");
            }

            var date = DateOnly.FromDateTime(VietnamTime.FromUtc(publication.PublishedUtc));
            var now = clock.GetUtcNow().UtcDateTime;
            var added = 0;
            foreach (var credit in credits.DistinctBy(c => c.Kind + "|" + RoyaltyCreditsPart.PersonKeyOf(c)))
            {
                var rate = await rates.RateOnAsync(credit.Kind!, date, ct);
                var quantity = Math.Clamp(credit.Quantity, 1, 100);
                var points = rate?.Points * quantity;
                var amount = rate is null ? 0 : (long)Math.Round(rate.Amount is { } each ? each * (decimal)quantity : points!.Value * options.Value.PointValue);
                var (account, name, unit) = await PersonAsync(credit, ct);
                var notes = new List<string>();
                if (rate is null)
                {
                    notes.Add($"Không có mức nhuận bút loại '{credit.Kind}' ngày {date:dd/MM/yyyy}: cần kế toán điều chỉnh.");
                }

                if (carried)
                {
                    notes.Add($"Đăng {PeriodName(PeriodOf(publication.PublishedUtc))} (kỳ đã khóa), ghi vào {PeriodName(period)}.");
                }

                db.Add(new RoyaltyEntry
                {
                    Period = period, ContentItemId = publication.ContentItemId, ContentType = publication.ContentType,
                    Title = Truncate(publication.Title, 500), PublishedUtc = publication.PublishedUtc, Role = credit.Role, Kind = credit.Kind!,
                    RateId = rate?.Id, UserName = account, PersonName = Truncate(name, 200), PersonKey = RoyaltyCreditsPart.PersonKeyOf(credit),
                    UnitId = credit.UserName is null ? null : unit, ExternalUnit = credit.UserName is null ? credit.Unit : null,
                    Quantity = quantity, Points = points, DraftAmount = amount, Amount = amount, Status = RoyaltyEntryStatus.Draft,
                    CreatedUtc = now, Note = notes.Count == 0 ? null : Truncate(string.Join(" ", notes), 500),
                });
                added++;
            }

            await db.SaveChangesAsync(ct);
            return added;
        }, cancellationToken);

    /// <summary>Drafts the entries of a published item of a paid type (one with <see cref="RoyaltyCreditsPart"/>).</summary>
    public Task<int> DraftForPublicationAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        var credits = item.As<RoyaltyCreditsPart>()?.Credits ?? [];
        var valid = credits.Where(c => c.Kind is not null && (c.UserName is not null || c.Name is not null)).ToList();
        return DraftAsync(new RoyaltyPublication(item.ContentItemId, item.ContentType, item.DisplayText ?? item.ContentItemId, item.PublishedUtc ?? clock.GetUtcNow().UtcDateTime), valid, cancellationToken);
    }

    /// <summary>Marks draft entries reviewed by <paramref name="actor"/>.</summary>
    /// <exception cref="RoyaltyPeriodClosedException">One of them is in a closed month; none is marked.</exception>
    public Task<int> ReviewAsync(IReadOnlyCollection<long> ids, string actor, CancellationToken cancellationToken = default)
    {
        if (ids.Count is 0 or > 500)
        {
            throw new RoyaltyInputException("ids", "Chọn từ 1 đến 500 dòng để duyệt.");
        }

        return unitOfWork.RunAsync(async ct =>
        {
            var entries = await db.Set<RoyaltyEntry>().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
            if (entries.Count != ids.Distinct().Count())
            {
                throw new RoyaltyInputException("ids", "Có dòng nhuận bút không tồn tại.");
            }

            foreach (var period in entries.Select(e => e.Period).Distinct())
            {
                await EnsureOpenAsync(period, ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var marked = 0;
            foreach (var entry in entries.Where(e => e.Status == RoyaltyEntryStatus.Draft))
            {
                (entry.Status, entry.ReviewedUtc, entry.ReviewedBy) = (RoyaltyEntryStatus.Reviewed, now, actor);
                entry.Version++;
                marked++;
            }

            await SaveChangedEntriesAsync(ct);
            return marked;
        }, cancellationToken);
    }

    /// <summary>Sets an entry's amount, with the reason, recorded with who and when; the entry counts as reviewed.</summary>
    /// <exception cref="RoyaltyInputException">No reason, a negative or absurd amount, no such entry.</exception>
    /// <exception cref="RoyaltyPeriodClosedException">The entry's month is closed.</exception>
    public Task<RoyaltyEntry> AdjustAsync(long id, long amount, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var why = reason?.Trim().Normalize();
        if (why is null || why.Length < 5 || why.Length > 1000)
        {
            throw new RoyaltyInputException("Reason", "Cần ghi lý do điều chỉnh (từ 5 đến 1000 ký tự).");
        }

        if (amount is < 0 or > 10_000_000_000)
        {
            throw new RoyaltyInputException("Amount", "Số tiền phải từ 0 đến 10 tỷ đồng.");
        }

        return unitOfWork.RunAsync(async ct =>
        {
            var entry = await db.Set<RoyaltyEntry>().FirstOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new RoyaltyInputException("Id", $"Không có dòng nhuận bút số {id}.");
            await EnsureOpenAsync(entry.Period, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Add(new RoyaltyAdjustment { EntryId = entry.Id, ChangedUtc = now, ChangedBy = actor, OldAmount = entry.Amount, NewAmount = amount, Reason = why });
            (entry.Amount, entry.Status, entry.ReviewedUtc, entry.ReviewedBy) = (amount, RoyaltyEntryStatus.Reviewed, now, actor);
            // The save checks the version read above: a closing of the month committed since then bumped it, and the save
            // fails (DbUpdateConcurrencyException, 409) instead of changing an entry of a closed month.
            entry.Version++;
            await SaveChangedEntriesAsync(ct);
            return entry;
        }, cancellationToken);
    }

    /// <summary>Closes a month that has ended and whose entries are all reviewed: from then on nothing in it changes.</summary>
    /// <exception cref="RoyaltyInputException">Not a month, a month not yet over, entries still in draft.</exception>
    /// <exception cref="RoyaltyPeriodClosedException">Already closed.</exception>
    public Task<RoyaltyPeriod> CloseAsync(string? period, string actor, CancellationToken cancellationToken = default)
    {
        if (!IsPeriod(period))
        {
            throw new RoyaltyInputException("Period", "Kỳ phải là một tháng, dạng 2026-11.");
        }

        if (string.CompareOrdinal(period, PeriodOf(clock.GetUtcNow().UtcDateTime)) >= 0)
        {
            throw new RoyaltyInputException("Period", $"Kỳ {PeriodName(period!)} chưa kết thúc: chỉ khóa được tháng đã qua.");
        }

        return unitOfWork.RunAsync(async ct =>
        {
            await EnsureOpenAsync(period!, ct);
            // Bump every entry of the month first: on PostgreSQL this takes their row locks, so an adjustment or review under
            // way is either committed before the counts below (and counted) or fails on its version; SQLite runs one writer
            // at a time anyway. Publications draft into the current month only, which cannot be closed yet.
            await db.Set<RoyaltyEntry>().Where(e => e.Period == period).ExecuteUpdateAsync(u => u.SetProperty(e => e.Version, e => e.Version + 1), ct);
            var drafts = await db.Set<RoyaltyEntry>().CountAsync(e => e.Period == period && e.Status == RoyaltyEntryStatus.Draft, ct);
            if (drafts > 0)
            {
                throw new RoyaltyInputException("Period", $"Kỳ {PeriodName(period!)} còn {drafts} dòng chưa duyệt: duyệt hoặc điều chỉnh trước khi khóa.");
            }

            var closed = new RoyaltyPeriod
            {
                Period = period!, ClosedUtc = clock.GetUtcNow().UtcDateTime, ClosedBy = actor,
                EntryCount = await db.Set<RoyaltyEntry>().CountAsync(e => e.Period == period, ct),
                Total = await db.Set<RoyaltyEntry>().Where(e => e.Period == period).SumAsync(e => (long?)e.Amount, ct) ?? 0,
            };
            db.Add(closed);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Closed by someone else at the same moment.
                throw new RoyaltyPeriodClosedException($"Sổ nhuận bút {PeriodName(period!)} vừa được khóa: không thay đổi được.");
            }

            return closed;
        }, cancellationToken);
    }

    /// <param name="visiblePerson">Null: every person; else only that account's entries, whatever the filter says.</param>
    public async Task<(IReadOnlyList<RoyaltyEntry> Rows, int Count, long Total)> PageAsync(RoyaltyFilter filter, string? visiblePerson, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter, visiblePerson);
        var count = await query.CountAsync(cancellationToken);
        var total = await query.SumAsync(e => (long?)e.Amount, cancellationToken) ?? 0;
        var rows = await query.OrderByDescending(e => e.PublishedUtc).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, count, total);
    }

    /// <summary>The months <paramref name="from"/> to <paramref name="to"/>: totals by person and unit, and the lines.</summary>
    /// <exception cref="RoyaltyInputException">A bound that is not a month, or bounds in the wrong order.</exception>
    public async Task<RoyaltyReport> ReportAsync(string? from, string? to, string? unitId, string? visiblePerson, CancellationToken cancellationToken = default)
    {
        if (!IsPeriod(from) || !IsPeriod(to))
        {
            throw new RoyaltyInputException("Period", "Kỳ phải là một tháng, dạng 2026-11.");
        }

        if (string.CompareOrdinal(from, to) > 0)
        {
            throw new RoyaltyInputException("Period", "Kỳ bắt đầu phải trước kỳ kết thúc.");
        }

        var query = db.Set<RoyaltyEntry>().AsNoTracking().Where(e => e.Period.CompareTo(from!) >= 0 && e.Period.CompareTo(to!) <= 0);
        if (visiblePerson is not null)
        {
            query = query.Where(e => e.UserName == visiblePerson);
        }

        if (unitId is not null)
        {
            query = query.Where(e => e.UnitId == unitId);
        }

        var max = Math.Clamp(options.Value.MaxReportRows, 1, 100_000);
        var people = (await query
            .GroupBy(e => new { e.UserName, e.PersonKey, e.PersonName, e.UnitId, e.ExternalUnit })
            .Select(g => new { g.Key, Entries = g.Count(), Amount = g.Sum(e => e.Amount) })
            .Take(max).ToListAsync(cancellationToken))
            .Select(p => new RoyaltyPersonTotal(p.Key.PersonName, p.Key.UserName, p.Key.UnitId, p.Key.ExternalUnit, p.Entries, p.Amount))
            .OrderBy(p => p.UnitId ?? "~" + p.ExternalUnit, StringComparer.Ordinal).ThenBy(p => p.PersonName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        var units = people.GroupBy(p => (p.UnitId, p.UnitId is null ? p.ExternalUnit : null))
            .Select(g => new RoyaltyUnitTotal(g.Key.UnitId, g.Key.Item2, g.Count(), g.Sum(p => p.Entries), g.Sum(p => p.Amount)))
            .ToList();
        var rows = await query.OrderBy(e => e.Period).ThenBy(e => e.PublishedUtc).ThenBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
        return new RoyaltyReport(from!, to!, people, units, rows, people.Sum(p => p.Entries), people.Sum(p => p.Amount));
    }

    /// <summary>The totals of <paramref name="userName"/>'s entries in <paramref name="period"/> (the contributor's dashboard).</summary>
    public async Task<(int Entries, long Amount, int Drafts)> OwnTotalsAsync(string userName, string period, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<RoyaltyEntry>().AsNoTracking().Where(e => e.UserName == userName && e.Period == period)
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(e => e.Amount) }).ToListAsync(cancellationToken);
        return (rows.Sum(r => r.Count), rows.Sum(r => r.Amount), rows.Where(r => r.Key == RoyaltyEntryStatus.Draft).Sum(r => r.Count));
    }

    private IQueryable<RoyaltyEntry> Filtered(RoyaltyFilter filter, string? visiblePerson)
    {
        if (filter.Period is not null && !IsPeriod(filter.Period))
        {
            throw new RoyaltyInputException("Period", "Kỳ phải là một tháng, dạng 2026-11.");
        }

        var query = db.Set<RoyaltyEntry>().AsNoTracking();
        if (visiblePerson is not null)
        {
            query = query.Where(e => e.UserName == visiblePerson);
        }

        if (filter.Period is { } period)
        {
            query = query.Where(e => e.Period == period);
        }

        if (filter.Person is { Length: > 0 } person)
        {
            query = query.Where(e => e.UserName == person || e.PersonName.Contains(person));
        }

        if (filter.UnitId is { } unit)
        {
            query = query.Where(e => e.UnitId == unit);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        return query;
    }

    /// <summary>Saves changed entries; one whose version moved since it was read (its month closed, or another change) is refused with 409.</summary>
    private async Task SaveChangedEntriesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RoyaltyPeriodClosedException("Dòng nhuận bút vừa thay đổi (kỳ vừa khóa sổ hoặc có người vừa điều chỉnh): tải lại trang rồi xem lại.");
        }
    }

    private async Task EnsureOpenAsync(string period, CancellationToken cancellationToken)
    {
        if (await db.Set<RoyaltyPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Period == period, cancellationToken) is { } closed)
        {
            throw new RoyaltyPeriodClosedException(
                $"Sổ nhuận bút {PeriodName(period)} đã khóa ngày {VietnamTime.Format(closed.ClosedUtc)} ({closed.ClosedBy}): không thay đổi được.");
        }
    }

    /// <summary>The account as the site spells it (the ledger filters by the signed-in name), the name printed, the unit.</summary>
    private async Task<(string? Account, string Name, string? Unit)> PersonAsync(RoyaltyCredit credit, CancellationToken cancellationToken)
    {
        if (credit.UserName is not { } userName)
        {
            return (null, credit.Name!, null);
        }

        var normalized = userName.ToUpperInvariant();
        var user = await db.Set<CmsUser>().AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.UserName, u.DisplayName, u.UnitId }).FirstOrDefaultAsync(cancellationToken);
        return (user?.UserName ?? userName, user?.DisplayName ?? userName, user?.UnitId);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();
}
