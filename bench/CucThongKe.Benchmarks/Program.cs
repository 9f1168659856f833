using BenchmarkDotNet.Running;

namespace CucThongKe.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CucThongKe.Benchmarks -- --filter '*'</c> runs the benchmarks;
/// <c>... -- sql [items]</c> prints the SQL each benchmarked operation runs, with SQLite's query plans.
/// </summary>
/// <remarks>Not top-level statements: the site's own <c>Program</c> (global namespace) is referenced as <c>global::Program</c>.</remarks>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["seed-public", .. var seedArgs])
        {
            return await PublicSiteSeeder.RunAsync(seedArgs);
        }

        if (args is ["unicode-report", .. var reportArgs])
        {
            return await UnicodeReportProbe.RunAsync(reportArgs);
        }

        if (args is ["sql", .. var rest])
        {
            return await SqlProbe.RunAsync(rest);
        }

        _ = BenchmarkSwitcher.FromAssembly(typeof(ContentBenchmarks).Assembly).Run(args);
        return 0;
    }
}
