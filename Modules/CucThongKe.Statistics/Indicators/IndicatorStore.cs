using CucThongKe.Core.Data;
using CucThongKe.OutputCache;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics.Indicators;

/// <summary>A point of a series as readers see it.</summary>
public sealed record SeriesPoint(Period Period, decimal Value, ValueStatus Status, DateTime CreatedUtc);

/// <summary>A point of a series with the earlier values of its period readers saw (newest first).</summary>
public sealed record RevisedPoint(SeriesPoint Point, IReadOnlyList<SeriesPoint> Earlier);

/// <summary>An indicator with the latest value readers may see, the one before it and a short trend.</summary>
public sealed record KeyFigure(Indicator Indicator, SeriesPoint Latest, SeriesPoint? Previous, IReadOnlyList<SeriesPoint> Trend);

/// <summary>What an import stored.</summary>
public sealed record ImportOutcome(int Added, int Revised, int Unchanged);

/// <summary>Indicators and their series: the one import path (checked by <see cref="IndicatorImport"/>), and the reads of
/// the public pages, which see only values whose release is out (<see cref="ReleaseCalendar.ReleasedIds"/>).</summary>
public sealed class IndicatorStore(CmsDbContext db, ReleaseCalendar calendar, UnitOfWork unitOfWork, PublicPageStore pages)
{
    /// <summary>At most this many indicators (a province publishes a few dozen) and values a series.</summary>
    public const int MaxIndicators = 500;
    public const int MaxSeriesValues = 2000;

    public async Task<IReadOnlyList<Indicator>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Theme).ThenBy(i => i.Order).ThenBy(i => i.Name).Take(MaxIndicators).ToListAsync(cancellationToken);

    public Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        code.Length > Indicator.MaxCodeLength ? Task.FromResult<Indicator?>(null)
            : db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken);

    /// <summary>The series readers see: per period the newest value whose release is out, oldest period first.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(int indicatorId, CancellationToken cancellationToken = default) =>
        [.. (await RevisedSeriesAsync(indicatorId, cancellationToken)).Select(p => p.Point)];

    /// <summary>The same series, each point with the values it revised that readers saw before (released too), newest first:
    /// the open data API's revision information. A revision whose release is not out is not there, and neither is its count.</summary>
    public async Task<IReadOnlyList<RevisedPoint>> RevisedSeriesAsync(int indicatorId, CancellationToken cancellationToken = default)
    {
        var released = calendar.ReleasedIds();
        var rows = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && released.Contains(v.ReleaseId))
            .OrderByDescending(v => v.Id).Take(MaxSeriesValues).ToListAsync(cancellationToken);
        return
        [
            .. rows.GroupBy(v => v.PeriodKey, StringComparer.Ordinal)
                .Select(g => new RevisedPoint(Point(g.First()), [.. g.Skip(1).Select(Point)]))
                .OrderBy(p => p.Point.Period.Year).ThenBy(p => p.Point.Period.EndMonth).ThenBy(p => p.Point.Period.Kind),
        ];

        static SeriesPoint Point(IndicatorValue v) => new(v.Period, v.Value, v.Status, v.CreatedUtc);
    }

    /// <summary>The indicators of the home page's strip, with their latest visible value of their own frequency.</summary>
    public async Task<IReadOnlyList<KeyFigure>> KeyFiguresAsync(int take, int trend, CancellationToken cancellationToken = default)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.KeyFigureOrder != null)
            .OrderBy(i => i.KeyFigureOrder).Take(Math.Clamp(take, 1, 20)).ToListAsync(cancellationToken);
        var figures = new List<KeyFigure>();
        foreach (var indicator in indicators)
        {
            var series = (await SeriesAsync(indicator.Id, cancellationToken)).Where(p => p.Period.Kind == indicator.Frequency).ToList();
            if (series.Count > 0)
            {
                figures.Add(new KeyFigure(indicator, series[^1], series.Count > 1 ? series[^2] : null, series.TakeLast(Math.Clamp(trend, 2, 36)).ToList()));
            }
        }

        return figures;
    }

    /// <summary>Every value ever stored for an indicator, newest first: the revision history (back office).</summary>
    public async Task<IReadOnlyList<IndicatorValue>> HistoryAsync(int indicatorId, int take, CancellationToken cancellationToken = default) =>
        await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == indicatorId)
            .OrderByDescending(v => v.Year).ThenByDescending(v => v.PeriodKey).ThenByDescending(v => v.Id)
            .Take(Math.Clamp(take, 1, MaxSeriesValues)).ToListAsync(cancellationToken);

    /// <summary>
    /// Stores a table's values tied to a calendar entry, all or nothing. A value for a period that has one already adds
    /// a row (the old one stays as history, with who and when); the same value again is left alone. Values are refused
    /// for an entry already out unless <paramref name="allowReleased"/> (a recipe loading past releases): new figures go
    /// public only through a release still to come.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(StatTable table, long releaseId, string user, bool allowReleased = false, CancellationToken cancellationToken = default)
    {
        var frequencies = await db.Set<Indicator>().AsNoTracking().Take(MaxIndicators)
            .ToDictionaryAsync(i => i.Code, i => i.Frequency, StringComparer.Ordinal, cancellationToken);
        var rows = IndicatorImport.Check(table, frequencies);
        var release = await db.Set<ReleaseEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == releaseId, cancellationToken)
            ?? throw new ReleaseEntryException("Hãy chọn đợt công bố mà số liệu thuộc về.");
        if (!allowReleased && await calendar.ReleasedIds().AnyAsync(id => id == releaseId, cancellationToken))
        {
            throw new ReleaseEntryException($"Đợt công bố '{release.Title}' đã công bố; số liệu mới hoặc điều chỉnh phải gắn với một đợt công bố sắp tới.");
        }

        return await unitOfWork.RunAsync(async ct =>
        {
            var ids = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
            var now = calendar.Now;
            var (added, revised, unchanged) = (0, 0, 0);
            foreach (var group in rows.GroupBy(r => r.Code, StringComparer.Ordinal))
            {
                var id = ids[group.Key];
                var keys = group.Select(r => r.Period.Key).ToList();
                var newest = (await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == id && keys.Contains(v.PeriodKey)).ToListAsync(ct))
                    .GroupBy(v => v.PeriodKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Id)!, StringComparer.Ordinal);
                foreach (var row in group)
                {
                    var old = newest.GetValueOrDefault(row.Period.Key);
                    var status = row.Status ?? (old is null ? ValueStatus.Preliminary : ValueStatus.Revised);
                    if (old is not null && old.Value == row.Value && old.Status == status && old.ReleaseId == releaseId)
                    {
                        unchanged++;
                        continue;
                    }

                    db.Add(new IndicatorValue
                    {
                        IndicatorId = id,
                        PeriodKey = row.Period.Key,
                        PeriodKind = row.Period.Kind,
                        Year = row.Period.Year,
                        PeriodNumber = row.Period.Number,
                        Value = row.Value,
                        Status = status,
                        ReleaseId = releaseId,
                        CreatedUtc = now,
                        CreatedBy = user,
                    });
                    _ = old is null ? added++ : revised++;
                }
            }

            await db.SaveChangesAsync(ct);
            // A revision of a released period shows at once only for a released entry (a recipe's); cheap to evict always.
            unitOfWork.AfterCommit(_ =>
            {
                pages.EvictByTag(CacheTags.Lists);
                return Task.CompletedTask;
            });
            return new ImportOutcome(added, revised, unchanged);
        }, cancellationToken);
    }
}

/// <summary>The calendar's check of the indicator codes an entry names.</summary>
internal sealed class IndicatorCodes(CmsDbContext db) : IReleaseCodes
{
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var known = await db.Set<Indicator>().Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken);
        return [.. codes.Except(known, StringComparer.Ordinal)];
    }
}
