using System.Diagnostics;
using System.Globalization;
using CucThongKe.Search.Indexing;
using CucThongKe.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

// Query latency of the public search over generated Vietnamese items.
// Usage: dotnet run -c Release --project bench/CucThongKe.SearchBenchmarks -- [items=100000] [rounds=200]
//        dotnet run -c Release --project bench/CucThongKe.SearchBenchmarks -- judge [nosynonyms]   (precision and recall, see bench/search-judgements)
if (args.Length > 0 && args[0] == "judge")
{
    return JudgedQueries.Run(withSynonyms: !args.Contains("nosynonyms"));
}

var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
// SEARCH_BENCH_INDEX=<folder> keeps the index there and reuses it on the next run (for profiling query changes
// without a rebuild); without it the index is built in a temporary folder and deleted.
var kept = Environment.GetEnvironmentVariable("SEARCH_BENCH_INDEX");
var folder = kept ?? Path.Combine(Path.GetTempPath(), "cucthongke-search-bench", Guid.NewGuid().ToString("N"));

using var store = new SearchIndexStore(folder);
var build = Stopwatch.StartNew();
Console.WriteLine($"Load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
using var process = Process.GetCurrentProcess();
if (kept is not null && store.TryOpen())
{
    Console.WriteLine($"Index reused from {folder}");
}
else
{
    using (var builder = store.BeginBuild())
    {
        builder.Add(GeneratedItems.Create(items));
        builder.Publish(0);
    }

    build.Stop();
    Console.WriteLine($"Index build: {items:N0} items in {build.Elapsed.TotalSeconds:F1} s ({items / build.Elapsed.TotalSeconds:N0} items/s), CPU {process.TotalProcessorTime.TotalSeconds:F1} s");
}

var search = new SearchService(store);
if (Environment.GetEnvironmentVariable("SEARCH_BENCH_PROFILE") is { Length: > 0 } profiled)
{
    // Where one query's time goes, stage by stage (CPU ms per run, 200 runs each).
    var parsed = SearchQueryParser.Parse(profiled)!;
    double Cpu(Action action)
    {
        for (var i = 0; i < 30; i++)
        {
            action();
        }

        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < 200; i++)
        {
            action();
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / 200;
    }

    Console.WriteLine($"match: {parsed.Match}");
    Console.WriteLine($"parse {Cpu(() => SearchQueryParser.Parse(profiled)):F2}");
    Console.WriteLine($"count {Cpu(() => store.Search(s => { var c = new TotalHitCountCollector(); s.Search(parsed.Match, c); return c.TotalHits; })):F2}");
    Console.WriteLine($"top500 {Cpu(() => store.Search(s => s.Search(parsed.Match, 500).TotalHits)):F2}");
    Console.WriteLine($"top500+rescore {Cpu(() => store.Search(s => { var t = s.Search(parsed.Match, 500); return QueryRescorer.Rescore(s, t, parsed.Rank, 1, 500).TotalHits; })):F2}");
    Console.WriteLine($"full {Cpu(() => search.Search(new SearchRequest(profiled))):F2}");
    Console.WriteLine($"full, one hit a page {Cpu(() => search.Search(new SearchRequest(profiled, PageSize: 1))):F2}");
    Console.WriteLine($"by date, one hit a page {Cpu(() => search.Search(new SearchRequest(profiled, PageSize: 1, Sort: SearchSort.Date))):F2}");
    return 0;
}

SearchRequest[] queries =
[
    new("kinh tế xã hội"),
    new("kinh te xa hoi"),
    new("chỉ số giá tiêu dùng"),
    new("chi so gia tieu dung"),
    new("thủy sản"),
    new("thuỷ sản Đồng Hỷ"),
    new("dan so lao dong", Type: "News"),
    new("công nghiệp", Year: 2024),
    new("181/QĐ-CTK"),
    new("181 qd ctk"),
    new("niên giám thống kê", Sort: SearchSort.Date),
    new("tong dieu tra dan so va nha o", Page: 3),
];

// The bare baseline: one folded term over the same index ("so", in most items), top 10, no facets, rescoring or stored
// fields: what Lucene alone costs for a large match, a few milliseconds like a search. Run beside every round of every query, so that both see the same load: on
// a shared machine the ratio of a query to it says more than the milliseconds.
var bare = new TermQuery(new Term(SearchFields.Folded(SearchFields.All), "so"));
int Bare() => store.Search(searcher => searcher.Search(bare, 10).TotalHits);

// Warm-up: JIT and the OS file cache.
foreach (var query in queries)
{
    for (var i = 0; i < 20; i++)
    {
        search.Search(query);
        Bare();
    }
}

var all = new List<double>();
var allCpu = new List<double>();
var baseline = new List<double>();
// CPU time per search (mean, this process): what the search costs, whatever else the machine is running.
process.Refresh();
Console.WriteLine();
Console.WriteLine($"{"query",-45} {"hits",8} {"p50 ms",8} {"p95 ms",8} {"CPU ms",8} {"p50/bare",9}");
foreach (var query in queries)
{
    var times = new List<double>(rounds);
    var total = 0;
    var cpuBefore = process.TotalProcessorTime;
    var bareCpu = TimeSpan.Zero;
    var bareTimes = new List<double>(rounds);
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        total = search.Search(query).Total;
        times.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        var bareStart = process.TotalProcessorTime;
        watch.Restart();
        Bare();
        bareTimes.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        bareCpu += process.TotalProcessorTime - bareStart;
    }

    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore - bareCpu).TotalMilliseconds / rounds;
    allCpu.Add(cpu);

    all.AddRange(times);
    baseline.AddRange(bareTimes);
    var label = query.Query + (query.Type is null ? "" : $" [type={query.Type}]") + (query.Year is null ? "" : $" [year={query.Year}]") + (query.Sort == SearchSort.Date ? " [date]" : "") + (query.Page > 1 ? $" [page {query.Page}]" : "");
    Console.WriteLine($"{label,-45} {total,8:N0} {Percentile(times, 50),8:F2} {Percentile(times, 95),8:F2} {cpu,8:F2} {Percentile(times, 50) / Percentile(bareTimes, 50),9:F1}");
}

Console.WriteLine();
Console.WriteLine($"All queries: p50 {Percentile(all, 50):F2} ms, p95 {Percentile(all, 95):F2} ms over {all.Count:N0} searches; mean CPU {allCpu.Average():F2} ms per search");
Console.WriteLine($"Bare baseline (folded \"so\", {Bare():N0} hits, top 10, beside every search): p50 {Percentile(baseline, 50):F3} ms, p95 {Percentile(baseline, 95):F3} ms");
Console.WriteLine($"Ratios to the baseline: p50 {Percentile(all, 50) / Percentile(baseline, 50):F1}x, p95 {Percentile(all, 95) / Percentile(baseline, 95):F1}x");
Console.WriteLine($"Load average during the run: {File.ReadAllText("/proc/loadavg").Trim()}");
store.Dispose();
if (kept is null)
{
    Directory.Delete(folder, recursive: true);
}

return 0;

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Deterministic Vietnamese items: titles and bodies built from the office's vocabulary.</summary>
internal static class GeneratedItems
{
    private static readonly string[] Subjects =
    [
        "Tình hình kinh tế - xã hội", "Chỉ số giá tiêu dùng", "Sản xuất nông nghiệp", "Sản lượng thủy sản", "Chỉ số sản xuất công nghiệp",
        "Dân số và lao động", "Tổng điều tra dân số và nhà ở", "Niên giám thống kê", "Vốn đầu tư thực hiện", "Tổng mức bán lẻ hàng hóa",
        "Hoạt động doanh nghiệp", "Thu chi ngân sách", "Xuất nhập khẩu", "Giáo dục và đào tạo", "Y tế và chăm sóc sức khoẻ",
    ];

    private static readonly string[] Places =
    [
        "tỉnh Thái Nguyên", "thành phố Thái Nguyên", "thành phố Sông Công", "thành phố Phổ Yên", "huyện Đại Từ", "huyện Định Hóa",
        "huyện Phú Lương", "huyện Đồng Hỷ", "huyện Võ Nhai", "huyện Phú Bình",
    ];

    private static readonly string[] Sentences =
    [
        "Tổng sản phẩm trên địa bàn ước tăng so với cùng kỳ năm trước.",
        "Khu vực công nghiệp và xây dựng tiếp tục là động lực tăng trưởng chính.",
        "Chỉ số giá tiêu dùng bình quân tăng nhẹ, trong tầm kiểm soát.",
        "Tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi giảm.",
        "Diện tích gieo trồng cây hằng năm ổn định, năng suất lúa đạt khá.",
        "Vốn đầu tư thực hiện từ nguồn ngân sách Nhà nước tăng.",
        "Hoạt động thương mại, dịch vụ phục hồi tích cực sau đại dịch.",
        "Công tác an sinh xã hội được quan tâm, đời sống dân cư ổn định.",
        "Uỷ ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai kế hoạch.",
        "Số liệu được công bố theo Quyết định số 181/QĐ-CTK của Cục trưởng.",
    ];

    private static readonly string[] Types = ["News", "SocioEconomicReport", "Publication", "LegalDocument", "Page"];

    public static IEnumerable<SearchDocument> Create(int count)
    {
        var random = new Random(2026);
        for (var i = 0; i < count; i++)
        {
            var year = 2015 + (i % 11);
            var month = 1 + (i % 12);
            var subject = Subjects[random.Next(Subjects.Length)];
            var place = Places[random.Next(Places.Length)];
            var title = $"{subject} {place} tháng {month} năm {year}";
            var body = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Sentences[random.Next(Sentences.Length)]));
            var type = Types[i % Types.Length];
            var number = type == "LegalDocument" ? $"{100 + (i % 900)}/QĐ-CTK" : null;
            yield return new SearchDocument(
                $"item{i:D7}", type, title, Sentences[i % Sentences.Length], body, $"/tin-tuc/item-{i}",
                new DateTime(year, month, 1 + (i % 28), 8, 0, 0, DateTimeKind.Utc), year, number, null, null, []);
        }
    }
}
