using System.Diagnostics;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Benchmarks;

/// <summary>One seeded published page: what the benchmarks need to find it again.</summary>
public sealed record SeededPage(string ContentItemId, string Path, long VersionId);

/// <summary>The real site (modules, SQLite, setup recipe) in a fresh temp data folder, seeded with published pages.</summary>
/// <remarks>The site is built exactly as the host builds it (<c>Program.BuildSite</c>); it is never started, so no hosted service runs.</remarks>
public sealed class BenchSite : IAsyncDisposable
{
    public const string PageType = "Page";

    /// <summary>Items per DI scope (and per transaction) while seeding, so one change tracker never holds more.</summary>
    public const int SeedBatchSize = 500;

    private BenchSite(WebApplication app, string dataPath, IReadOnlyList<SeededPage> pages)
    {
        App = app;
        DataPath = dataPath;
        Pages = pages;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string DataPath { get; }

    public IReadOnlyList<SeededPage> Pages { get; }

    /// <summary>The body every seeded page and every benchmark draft carries (about 1 KB of Vietnamese HTML).</summary>
    public static string BodyHtml { get; } =
        "<p>Tổng sản phẩm trên địa bàn tỉnh (GRDP) quý III ước tăng so với cùng kỳ năm trước; khu vực công nghiệp và xây dựng " +
        "tiếp tục là động lực tăng trưởng chính, khu vực dịch vụ phục hồi tích cực.</p>" +
        "<p>Chỉ số sản xuất công nghiệp (IIP) tăng ở hầu hết các ngành cấp II; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ " +
        "tiêu dùng tăng khá; chỉ số giá tiêu dùng (CPI) bình quân tăng nhẹ, trong tầm kiểm soát.</p>" +
        "<ul><li>Nông nghiệp: diện tích gieo trồng cây hằng năm ổn định.</li><li>Đầu tư: vốn thực hiện từ ngân sách Nhà nước tăng.</li>" +
        "<li>Lao động, việc làm: tỷ lệ thất nghiệp giảm.</li></ul>";

    public const string Summary = "Báo cáo tóm tắt tình hình kinh tế - xã hội trên địa bàn tỉnh Thái Nguyên.";

    public static string Title(int i) => $"Trang thử nghiệm số {i} về tình hình kinh tế - xã hội";

    /// <summary>Builds the site in a new temp folder, runs the setup recipe and seeds <paramref name="pageCount"/> published pages.</summary>
    /// <param name="extraArgs">More configuration, e.g. a log level for EF Core commands.</param>
    public static async Task<BenchSite> CreateAsync(int pageCount, IEnumerable<string>? extraArgs = null, TextWriter? progress = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cucthongke-bench-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--Cms:DataPath=" + dataPath,
            "--environment=Production",
            "--Cms:Setup:AdminPassword=Bench@2026!x",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs ?? [],
        ];
        var app = global::Program.BuildSite(args);
        if (!await CmsInitializer.InitializeAsync(app.Services))
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("The site could not be initialised in " + dataPath + " (see the log above).");
        }

        var watch = Stopwatch.StartNew();
        var pages = await SeedAsync(app.Services, pageCount);
        progress?.WriteLine($"// Seeded {pages.Count:N0} published '{PageType}' items in {watch.Elapsed.TotalSeconds:N1} s into {dataPath}");
        return new BenchSite(app, dataPath, pages);
    }

    /// <summary>A page item as an editor's form would post it: every part, the route already chosen.</summary>
    public static ContentItem PageInput(string? contentItemId, string title, string? path = null) =>
        new ContentItem { ContentItemId = contentItemId ?? "", ContentType = PageType }
            .Apply(new TitlePart { Title = title })
            .Apply(new AutoroutePart { Path = path })
            .Apply(new SummaryPart { Summary = Summary })
            .Apply(new HtmlBodyPart { Html = BodyHtml });

    private static async Task<List<SeededPage>> SeedAsync(IServiceProvider services, int pageCount)
    {
        var pages = new List<SeededPage>(pageCount);
        var publish = new PublishRequest(PublishSource.Direct, "bench");
        for (var start = 1; start <= pageCount; start += SeedBatchSize)
        {
            await using var scope = services.CreateAsyncScope();
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();

            // ContentManager joins the unit of work the caller opens (as a recipe does): one commit per batch.
            var end = Math.Min(pageCount, start + SeedBatchSize - 1);
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
            {
                for (var i = start; i <= end; i++)
                {
                    var created = await contents.CreateAsync(PageInput(null, Title(i)), ct);
                    var published = await contents.PublishAsync(created.ContentItemId, created.Id, publish, ct)
                        ?? throw new InvalidOperationException($"Page {i} was scheduled instead of published.");
                    var path = published.As<AutoroutePart>()?.Path ?? throw new InvalidOperationException($"Page {i} has no path.");
                    pages.Add(new SeededPage(published.ContentItemId, path, published.Id));
                }
            });
        }

        return pages;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
