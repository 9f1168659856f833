using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Benchmarks;

/// <summary>
/// The content engine against a real SQLite database holding 10,000 published pages: one operation per invocation,
/// each in its own DI scope as a request would be.
/// </summary>
/// <remarks>
/// BenchmarkDotNet runs each benchmark in its own process, so each gets a fresh database seeded in <see cref="GlobalSetupAsync"/>:
/// what one benchmark writes never slows another.
/// </remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ContentBenchmarks
{
    public const int SeededItems = 10_000;

    /// <summary>Publish invocations per iteration; <see cref="PrepareDrafts"/> makes exactly this many drafts beforehand.</summary>
    public const int PublishesPerIteration = 200;

    private readonly PublishRequest _publish = new(PublishSource.Direct, "bench");
    private readonly Queue<SeededPage> _drafts = new();
    private BenchSite _site = null!;
    private Random _random = null!;
    private int _cursor;

    /// <summary>A short job (one launch, 3 warm-up and 10 measured iterations), with the median and p95 shown.</summary>
    /// <remarks>
    /// The build of the benchmark process gets 10 minutes, not the default 2: on a busy 2-core machine the rebuild of the whole
    /// site (no shared compiler server) took longer. Reports go to <c>bench/CucThongKe.Benchmarks/BenchmarkDotNet.Artifacts</c>.
    /// </remarks>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithId("Short10"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
            WithBuildTimeout(TimeSpan.FromMinutes(10));
            ArtifactsPath = Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts");
        }

        /// <summary>The folder of this project's .csproj, found upwards from the running binary (its bin folder if none).</summary>
        private static string ProjectDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CucThongKe.Benchmarks.csproj")))
                {
                    return dir.FullName;
                }
            }

            return AppContext.BaseDirectory;
        }
    }

    [GlobalSetup]
    public async Task GlobalSetupAsync()
    {
        _site = await BenchSite.CreateAsync(SeededItems, progress: Console.Out);
        _random = new Random(2026);
        _cursor = 0;
    }

    [GlobalCleanup]
    public async Task GlobalCleanupAsync() => await _site.DisposeAsync();

    /// <summary>Saves a new draft version (changed title) of a published page; each invocation takes the next page in turn.</summary>
    [Benchmark]
    public async Task<ContentItem> SaveDraft()
    {
        var page = NextPage();
        await using var scope = _site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        return await contents.SaveDraftAsync(BenchSite.PageInput(page.ContentItemId, DraftTitle(page), page.Path), expectedVersion: null);
    }

    /// <summary>Before each Publish iteration: one fresh draft per invocation (not measured).</summary>
    [IterationSetup(Target = nameof(Publish))]
    public void PrepareDrafts() => PrepareDraftsAsync().GetAwaiter().GetResult();

    /// <summary>Publishes a fresh draft version of a published page (the previous published version is retired).</summary>
    [Benchmark]
    [InvocationCount(PublishesPerIteration)]
    public async Task<ContentItem?> Publish()
    {
        var draft = _drafts.Dequeue();
        await using var scope = _site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        return await contents.PublishAsync(draft.ContentItemId, draft.VersionId, _publish);
    }

    /// <summary>What the public site does for a page URL: the published version at a path, of a random seeded page.</summary>
    [Benchmark]
    public async Task<ContentItem?> LoadPublishedByRoute()
    {
        var page = _site.Pages[_random.Next(_site.Pages.Count)];
        await using var scope = _site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        return await contents.GetByPathAsync(page.Path);
    }

    /// <summary>The newest 20 published pages, as a listing shows them.</summary>
    [Benchmark]
    public async Task<IReadOnlyList<ContentSummary>> ListLatest20ByType()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();
        return await queries.ListPublishedAsync(BenchSite.PageType, 0, 20);
    }

    private async Task PrepareDraftsAsync()
    {
        _drafts.Clear();
        await using var scope = _site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        for (var i = 0; i < PublishesPerIteration; i++)
        {
            var page = NextPage();
            var draft = await contents.SaveDraftAsync(BenchSite.PageInput(page.ContentItemId, DraftTitle(page), page.Path), expectedVersion: null);
            _drafts.Enqueue(page with { VersionId = draft.Id });
        }
    }

    private SeededPage NextPage()
    {
        var page = _site.Pages[_cursor];
        _cursor = (_cursor + 1) % _site.Pages.Count;
        return page;
    }

    private string DraftTitle(SeededPage page) => $"Bản nháp {_cursor} - {page.ContentItemId}: cập nhật tình hình kinh tế - xã hội";
}
