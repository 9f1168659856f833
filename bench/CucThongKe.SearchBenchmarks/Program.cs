using System.Diagnostics;
using System.Globalization;
using CucThongKe.Search.Indexing;
using CucThongKe.Search.Querying;

// Query latency of the public search over generated Vietnamese items.
// Usage: dotnet run -c Release --project bench/CucThongKe.SearchBenchmarks -- [items=100000] [rounds=200]
//        dotnet run -c Release --project bench/CucThongKe.SearchBenchmarks -- judge [nosynonyms]   (precision and recall, see bench/search-judgements)
if (args.Length > 0 && args[0] == "judge")
{
    return JudgedQueries.Run(withSynonyms: !args.Contains("nosynonyms"));
}

var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var folder = Path.Combine(Path.GetTempPath(), "cucthongke-search-bench", Guid.NewGuid().ToString("N"));

using var store = new SearchIndexStore(folder);
var build = Stopwatch.StartNew();
Console.WriteLine($"Load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
using (var builder = store.BeginBuild())
{
    builder.Add(GeneratedItems.Create(items));
    builder.Publish(0);
}

build.Stop();
using var process = Process.GetCurrentProcess();
Console.WriteLine($"Index build: {items:N0} items in {build.Elapsed.TotalSeconds:F1} s ({items / build.Elapsed.TotalSeconds:N0} items/s), CPU {process.TotalProcessorTime.TotalSeconds:F1} s");

var search = new SearchService(store);
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

// Warm-up: JIT and the OS file cache.
foreach (var query in queries)
{
    for (var i = 0; i < 20; i++)
    {
        search.Search(query);
    }
}

var all = new List<double>();
var allCpu = new List<double>();
// CPU time per search (mean, this process): what the search costs, whatever else the machine is running.
process.Refresh();
Console.WriteLine();
Console.WriteLine($"{"query",-45} {"hits",8} {"p50 ms",8} {"p95 ms",8} {"CPU ms",8}");
foreach (var query in queries)
{
    var times = new List<double>(rounds);
    var total = 0;
    var cpuBefore = process.TotalProcessorTime;
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        total = search.Search(query).Total;
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
    allCpu.Add(cpu);

    all.AddRange(times);
    var label = query.Query + (query.Type is null ? "" : $" [type={query.Type}]") + (query.Year is null ? "" : $" [year={query.Year}]") + (query.Sort == SearchSort.Date ? " [date]" : "") + (query.Page > 1 ? $" [page {query.Page}]" : "");
    Console.WriteLine($"{label,-45} {total,8:N0} {Percentile(times, 50),8:F2} {Percentile(times, 95),8:F2} {cpu,8:F2}");
}

Console.WriteLine();
Console.WriteLine($"All queries: p50 {Percentile(all, 50):F2} ms, p95 {Percentile(all, 95):F2} ms over {all.Count:N0} searches; mean CPU {allCpu.Average():F2} ms per search");
Console.WriteLine($"Load average during the run: {File.ReadAllText("/proc/loadavg").Trim()}");
store.Dispose();
Directory.Delete(folder, recursive: true);
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
