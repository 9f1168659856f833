using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Data;
using CucThongKe.OutputCache;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics.Calendar;

/// <summary>How an entry stands for readers: planned, out (its item published through the chain and its time come), postponed.</summary>
public enum ReleaseState
{
    Planned,
    Published,
    Postponed,
}

/// <summary>An entry as readers see it: the published item's address once it is out.</summary>
public sealed record ReleaseView(ReleaseEntry Entry, ReleaseState State, string? Path)
{
    public string StateName => State switch
    {
        ReleaseState.Published => "Đã công bố",
        ReleaseState.Postponed => "Hoãn",
        _ => "Dự kiến",
    };
}

/// <summary>Which of the codes an entry names are no indicator's (the indicators, which depend on the calendar, answer).</summary>
public interface IReleaseCodes
{
    Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);
}

/// <summary>A calendar entry refused, in Vietnamese.</summary>
public sealed class ReleaseEntryException(string message) : Exception(message);

/// <summary>The release calendar (Điều 4.2, Nghị định 94/2016): its entries, and the one rule of when a release is out,
/// which every public view of indicator values composes (<see cref="ReleasedIds"/>).</summary>
public sealed class ReleaseCalendar(CmsDbContext db, TimeProvider clock, UnitOfWork unitOfWork, PublicPageStore pages, ReleaseSignal signal, IReleaseCodes releaseCodes, IEnumerable<IReaderVisibilityRule> rules)
{
    /// <summary>At most this many entries a year (a province publishes a few dozen).</summary>
    public const int MaxEntriesPerYear = 500;

    private readonly IReaderVisibilityRule[] _rules = [.. rules];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The entries that are out: planned (not postponed), their time come, and their item published and not
    /// hidden. Before that nothing tied to them is shown anywhere.</summary>
    public IQueryable<long> ReleasedIds()
    {
        var now = Now;
        var published = db.Set<ContentItem>().Where(c => c.Published && !c.Removed);
        foreach (var rule in _rules)
        {
            var hidden = rule.HiddenItemIds();
            published = published.Where(c => !hidden.Any(id => id == c.ContentItemId));
        }

        return db.Set<ReleaseEntry>()
            .Where(e => e.Status == ReleaseStatus.Planned && e.PlannedUtc <= now && e.ContentItemId != null
                && published.Any(c => c.ContentItemId == e.ContentItemId))
            .Select(e => e.Id);
    }

    /// <summary>The items that carry a release not out yet (planned, postponed, or published ahead of its time): their
    /// data tables are withheld with the release's values (open data catalogue, table downloads), by the same rule.</summary>
    public IQueryable<string> WithheldItemIds()
    {
        var released = ReleasedIds();
        return db.Set<ReleaseEntry>().Where(e => e.ContentItemId != null && !released.Contains(e.Id)).Select(e => e.ContentItemId!);
    }

    /// <summary>Whether an item carries a release not out yet (<see cref="WithheldItemIds"/>).</summary>
    public Task<bool> IsWithheldAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        WithheldItemIds().AnyAsync(id => id == contentItemId, cancellationToken);

    /// <summary>The next entries still to come (postponed ones included, with their reason), soonest first.</summary>
    public async Task<IReadOnlyList<ReleaseView>> UpcomingAsync(int take, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var entries = await db.Set<ReleaseEntry>().AsNoTracking().Where(e => e.PlannedUtc > now)
            .OrderBy(e => e.PlannedUtc).ThenBy(e => e.Id).Take(Math.Clamp(take, 1, MaxEntriesPerYear)).ToListAsync(cancellationToken);
        return await ViewsAsync(entries, cancellationToken);
    }

    /// <summary>Every entry planned in a year (Vietnam time), in order.</summary>
    public async Task<IReadOnlyList<ReleaseView>> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = (YearStartUtc(year), YearStartUtc(year + 1));
        var entries = await db.Set<ReleaseEntry>().AsNoTracking().Where(e => e.PlannedUtc >= from && e.PlannedUtc < to)
            .OrderBy(e => e.PlannedUtc).ThenBy(e => e.Id).Take(MaxEntriesPerYear).ToListAsync(cancellationToken);
        return await ViewsAsync(entries, cancellationToken);
    }

    /// <summary>The years that have entries, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var times = await db.Set<ReleaseEntry>().AsNoTracking().Select(e => e.PlannedUtc).ToListAsync(cancellationToken);
        return [.. times.Select(t => VietnamTime.FromUtc(t).Year).Distinct().OrderDescending().Take(50)];
    }

    /// <summary>The next entry that carries an indicator.</summary>
    public async Task<ReleaseView?> NextForAsync(string code, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var padded = " " + code + " ";
        var entry = await db.Set<ReleaseEntry>().AsNoTracking()
            .Where(e => e.PlannedUtc > now && (" " + e.IndicatorCodes + " ").Contains(padded))
            .OrderBy(e => e.PlannedUtc).FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null : (await ViewsAsync([entry], cancellationToken))[0];
    }

    public Task<ReleaseEntry?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<ReleaseEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Adds or changes an entry (the board's act, recorded by who and when), after checking it.</summary>
    public Task<ReleaseEntry> SaveAsync(ReleaseEntry input, string user, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var key = (input.Key ?? "").Trim();
            if (key.Length is 0 or > ReleaseEntry.MaxKeyLength || SlugGenerator.Slugify(key) != key)
            {
                throw new ReleaseEntryException($"Mã đợt công bố '{key}' phải là chữ thường không dấu, số và '-', tối đa {ReleaseEntry.MaxKeyLength} ký tự.");
            }

            var title = (input.Title ?? "").Trim();
            if (title.Length is 0 or > 300)
            {
                throw new ReleaseEntryException("Tên đợt công bố là bắt buộc và không quá 300 ký tự.");
            }

            if (VietnamTime.FromUtc(input.PlannedUtc).Year is < 1990 or > 2100)
            {
                throw new ReleaseEntryException("Thời gian công bố dự kiến không hợp lệ.");
            }

            var reason = input.Reason?.Trim();
            if (input.Status == ReleaseStatus.Postponed && string.IsNullOrEmpty(reason))
            {
                throw new ReleaseEntryException("Hoãn công bố phải nêu lý do.");
            }

            if (reason is { Length: > 1000 } || input.Period is { Length: > 100 })
            {
                throw new ReleaseEntryException("Lý do không quá 1.000 ký tự, kỳ số liệu không quá 100 ký tự.");
            }

            var codes = (input.IndicatorCodes ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (await releaseCodes.UnknownAsync(codes, ct) is [var unknown, ..])
            {
                throw new ReleaseEntryException($"Không có chỉ số mã '{unknown}'.");
            }

            var itemId = string.IsNullOrWhiteSpace(input.ContentItemId) ? null : input.ContentItemId.Trim();
            if (itemId is not null && (itemId.Length > 32 || !await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == itemId && !c.Removed, ct)))
            {
                throw new ReleaseEntryException($"Không có nội dung mã '{itemId}' để gắn với đợt công bố.");
            }

            var entry = input.Id == 0 ? null : await db.Set<ReleaseEntry>().FirstOrDefaultAsync(e => e.Id == input.Id, ct)
                ?? throw new ReleaseEntryException("Không tìm thấy đợt công bố.");
            if (await db.Set<ReleaseEntry>().AnyAsync(e => e.Key == key && e.Id != input.Id, ct))
            {
                throw new ReleaseEntryException($"Mã đợt công bố '{key}' đã có.");
            }

            if (entry is null)
            {
                db.Add(entry = new ReleaseEntry { Key = key, Title = title });
            }

            entry.Key = key;
            entry.Title = title;
            entry.Period = string.IsNullOrWhiteSpace(input.Period) ? null : input.Period.Trim();
            entry.PlannedUtc = DateTime.SpecifyKind(input.PlannedUtc, DateTimeKind.Utc);
            entry.IndicatorCodes = codes.Count == 0 ? null : string.Join(' ', codes);
            entry.Status = input.Status;
            entry.Reason = input.Status == ReleaseStatus.Postponed ? reason : null;
            entry.ContentItemId = itemId;
            entry.ModifiedUtc = Now;
            entry.ModifiedBy = user;
            await db.SaveChangesAsync(ct);
            // The calendar shows on every cached public page that lists releases (home, calendar, indicators).
            unitOfWork.AfterCommit(_ =>
            {
                pages.EvictByTag(CacheTags.Lists);
                // Its planned time may be the next one: the eviction at that time sleeps until then.
                signal.Raise();
                return Task.CompletedTask;
            });
            return entry;
        }, cancellationToken);

    /// <summary>The UTC instant a year starts in Vietnam.</summary>
    public static DateTime YearStartUtc(int year) => new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7);

    private async Task<IReadOnlyList<ReleaseView>> ViewsAsync(List<ReleaseEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var released = await ReleasedIds().Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        var items = entries.Where(e => released.Contains(e.Id)).Select(e => e.ContentItemId!).ToList();
        var paths = await db.Set<AutorouteIndex>().AsNoTracking().Where(r => r.Published && items.Contains(r.ContentItemId))
            .Select(r => new { r.ContentItemId, r.Path }).ToListAsync(cancellationToken);
        return
        [
            .. entries.Select(e => new ReleaseView(e,
                e.Status == ReleaseStatus.Postponed ? ReleaseState.Postponed : released.Contains(e.Id) ? ReleaseState.Published : ReleaseState.Planned,
                released.Contains(e.Id) ? paths.FirstOrDefault(p => p.ContentItemId == e.ContentItemId)?.Path : null)),
        ];
    }
}
