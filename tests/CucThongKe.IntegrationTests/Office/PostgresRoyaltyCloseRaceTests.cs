using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Office.Royalties;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Office;

/// <summary>The accountant closes a month while another adjusts one of its entries, in two transactions at once, on PostgreSQL
/// (read committed, where a check-then-write could interleave): either the adjustment is committed before the month's totals
/// are taken, or it is refused (409); never does it land in the closed month.</summary>
public sealed class PostgresRoyaltyCloseRaceTests() : SiteTestBase(DatabaseProvider.Postgres)
{
    private const int Months = 12;
    private const int EntriesPerMonth = 4;

    private static string Month(int i) => $"2025-{i:00}";

    [Fact]
    public async Task Closing_a_month_and_adjusting_its_entries_at_once_never_leaves_an_adjustment_in_the_closed_month()
    {
        // Past months with reviewed entries (no rate in 2025: drafted at 0 đồng, so every adjustment changes the total).
        await Site.WithScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<RoyaltyLedger>();
            for (var m = 1; m <= Months; m++)
            {
                for (var e = 0; e < EntriesPerMonth; e++)
                {
                    var published = new DateTime(2025, m, 10 + e, 3, 0, 0, DateTimeKind.Utc);
                    await ledger.DraftAsync(new RoyaltyPublication($"race{m:00}{e:00}".PadRight(32, '0'), "News", $"Tin tháng {m}, số {e}", published),
                        [new RoyaltyCredit { Role = RoyaltyRole.Author, Kind = "tin", Name = $"Cộng tác viên {e}", Unit = "Báo Thái Nguyên" }]);
                }
            }

            var ids = await s.GetRequiredService<CmsDbContext>().Set<RoyaltyEntry>().Select(e => e.Id).ToListAsync();
            await ledger.ReviewAsync(ids, "ketoan");
        });
        var entries = await Site.WithScopeAsync(async s =>
            await s.GetRequiredService<CmsDbContext>().Set<RoyaltyEntry>().AsNoTracking().Select(e => new { e.Id, e.Period }).ToListAsync());

        // For every month at once: the closing, and an adjustment of each of its entries, each in a scope (a transaction) of its own.
        var failures = new List<Exception>();
        var work = new List<Task>();
        for (var m = 1; m <= Months; m++)
        {
            var period = Month(m);
            work.Add(Task.Run(() => Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().CloseAsync(period, "ketoan"))));
            foreach (var entry in entries.Where(e => e.Period == period))
            {
                work.Add(Task.Run(async () =>
                {
                    try
                    {
                        await Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().AdjustAsync(entry.Id, 150_000 + entry.Id, "Bài có ảnh tư liệu, tính thêm.", "ketoan2"));
                    }
                    catch (RoyaltyPeriodClosedException ex)
                    {
                        lock (failures)
                        {
                            failures.Add(ex);
                        }
                    }
                }));
            }
        }

        await Task.WhenAll(work);

        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var closed = await db.Set<RoyaltyPeriod>().AsNoTracking().ToDictionaryAsync(p => p.Period);
            var sums = await db.Set<RoyaltyEntry>().AsNoTracking().GroupBy(e => e.Period).Select(g => new { g.Key, Total = g.Sum(e => e.Amount) }).ToListAsync();
            var adjustments = await db.Set<RoyaltyAdjustment>().AsNoTracking().CountAsync();

            // Every month was closed, and its closing total is still its entries' total: nothing was adjusted after it.
            Assert.Equal(Months, closed.Count);
            Assert.All(sums, sum => Assert.Equal(closed[sum.Key].Total, sum.Total));

            // Every adjustment either landed before its month closed (and is counted above) or was refused with a reason.
            Assert.Equal(Months * EntriesPerMonth, adjustments + failures.Count);
            Assert.All(failures, f => Assert.Contains("khóa", f.Message, StringComparison.Ordinal));
        });

        // After the closing, an adjustment is refused.
        await Assert.ThrowsAsync<RoyaltyPeriodClosedException>(() =>
            Site.WithScopeAsync(s => s.GetRequiredService<RoyaltyLedger>().AdjustAsync(entries[0].Id, 1, "Thử sửa sau khi khóa sổ.", "ketoan")));
    }
}
