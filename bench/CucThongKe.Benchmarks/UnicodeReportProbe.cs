using System.Diagnostics;
using System.Globalization;
using CucThongKe.Core.Data;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.HealthReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Benchmarks;

/// <summary>
/// <c>... -- unicode-report [items]</c>: times the Unicode health report (issue 7) over that many latest items (50,000 by
/// default; copies of 200 real pages as in <see cref="ContentListBenchmarks"/>), one in a hundred of them with a TCVN3
/// title and body sentence, and prints the time of three scans and the memory the process peaked at.
/// </summary>
public static class UnicodeReportProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        await using var site = await BenchSite.CreateAsync(200, progress: Console.Out);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await ContentListBenchmarks.CopyRowsAsync(db, items - 200);
            var sentence = "Tổng sản phẩm trên địa bàn tỉnh";
            var legacy = LegacyVietnamese.ToTcvn3(sentence);
            var title = "Trang thử nghiệm";
            var legacyTitle = LegacyVietnamese.ToTcvn3(title);
            var flagged = await db.Database.ExecuteSqlAsync(
                $"UPDATE ContentItems SET Content = replace(replace(Content, {sentence}, {legacy}), {title}, {legacyTitle}), DisplayText = replace(DisplayText, {title}, {legacyTitle}) WHERE Id % 100 = 7");
            Console.WriteLine($"// {items:N0} latest items, {flagged:N0} of them with TCVN3 text");
        }

        for (var run = 1; run <= 3; run++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<UnicodeHealthScanner>().ScanAsync(300);
            Console.WriteLine($"// scan {run}: {watch.Elapsed.TotalSeconds:N2} s, {result.ContentItemsScanned:N0} items, {result.ItemsWithProblems:N0} not clean, " +
                $"{string.Join(", ", result.FieldsByKind.Select(k => $"{k.Key} {k.Value:N0}"))}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
        }

        // The same reading without the checks: what paging through the rows and parsing their JSON costs alone.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var watch = Stopwatch.StartNew();
            var (last, strings) = (0L, 0);
            while (await db.Set<Contents.Models.ContentItem>().AsNoTracking().Where(c => c.Latest && c.Id > last).OrderBy(c => c.Id).Take(UnicodeHealthScanner.BatchSize)
                       .Select(c => new { c.Id, c.Content }).ToListAsync() is { Count: > 0 } batch)
            {
                strings += batch.Sum(b => b.Content.Count);
                last = batch[^1].Id;
            }

            Console.WriteLine($"// reading and parsing alone: {watch.Elapsed.TotalSeconds:N2} s ({strings:N0} parts)");
        }

        return 0;
    }
}
