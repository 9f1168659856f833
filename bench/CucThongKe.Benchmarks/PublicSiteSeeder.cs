using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Search.Indexing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Benchmarks;

/// <summary>
/// <c>seed-public DATA [news] [documents] [reports]</c>: a data folder with the setup recipe and generated Vietnamese
/// news, legal documents and socio-economic reports. One in <see cref="Copies"/> of them is written and published
/// through <see cref="ContentManager"/> (versions, routes, taxonomy and type indexes, workflow records exactly as the
/// CMS writes them); <see cref="BulkCopy"/> then copies those rows in SQL, row for row, with new ids, titles and paths
/// (writing 55,500 items one by one takes about 1 h on a busy 2-core machine, the copies under a minute). Finally
/// the search index is rebuilt from the database, as the <c>search rebuild</c> verb does.
/// </summary>
/// <remarks>
/// The types are governed by the approval workflow, so the items are published as a recorded legacy import, as the
/// demo recipe does. Publication dates are spread over the past years, newest last; the newest news article's path is
/// printed on the last line (<c>article: PATH</c>) for the benchmark.
/// </remarks>
public static class PublicSiteSeeder
{
    private const int BatchSize = 500;

    /// <summary>Each template item is there this many times in all (itself and its SQL copies).</summary>
    public const int Copies = 100;

    private static readonly string[] Places =
    [
        "Thái Nguyên", "Phổ Yên", "Sông Công", "Đại Từ", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Định Hóa", "Phú Bình", "Bắc Kạn", "Chợ Mới", "Ba Bể",
    ];

    private static readonly string[] Topics =
    [
        "sản xuất công nghiệp", "chỉ số giá tiêu dùng", "tổng mức bán lẻ hàng hóa", "vốn đầu tư thực hiện", "sản xuất nông nghiệp",
        "lao động và việc làm", "doanh nghiệp đăng ký mới", "xuất, nhập khẩu hàng hóa", "thu ngân sách nhà nước", "du lịch và lưu trú",
        "điều tra dân số giữa kỳ", "tổng điều tra kinh tế", "chăn nuôi gia súc, gia cầm", "diện tích chè búp tươi",
    ];

    private static readonly string[] Openings =
    [
        "Cục Thống kê tỉnh tổ chức hội nghị về", "Kết quả điều tra", "Tình hình", "Triển khai phương án thu thập thông tin về",
        "Tập huấn nghiệp vụ thống kê", "Công bố số liệu", "Đánh giá nhanh", "Kiểm tra, giám sát công tác thu thập số liệu",
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count < 1)
        {
            Console.Error.WriteLine("Usage: seed-public DATA_FOLDER [news=50000] [documents=5000] [reports=500]");
            return 2;
        }

        var dataPath = Path.GetFullPath(args[0]);
        var news = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        var documents = args.Count > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5_000;
        var reports = args.Count > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500;
        string[] siteArgs =
        [
            "--Cms:DataPath=" + dataPath,
            "--environment=Production",
            "--Cms:Setup:AdminPassword=Bench@2026!x",
            "--Logging:LogLevel:Default=Warning",
        ];
        await using var app = global::Program.BuildSite(siteArgs);
        if (!await CmsInitializer.InitializeAsync(app.Services))
        {
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var terms = await TermsAsync(app.Services);

        // The template: 1/Copies of each type, interleaved, written and published one by one through ContentManager.
        var plan = new List<(string Type, int Number)>();
        plan.AddRange(Enumerable.Range(1, news / Copies).Select(i => ("News", i)));
        plan.AddRange(Enumerable.Range(1, documents / Copies).Select(i => ("LegalDocument", i)));
        plan.AddRange(Enumerable.Range(1, reports / Copies).Select(i => ("SocioEconomicReport", i)));
        plan = [.. plan.OrderBy(p => p.Number / (double)(p.Type switch { "News" => news, "LegalDocument" => documents, _ => reports }))];
        var publish = new PublishRequest(PublishSource.Import, "bench", "Dữ liệu sinh tự động cho phép đo hiệu năng (bench/public-site.sh).");
        for (var offset = 0; offset < plan.Count; offset += BatchSize)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
            {
                foreach (var (type, number) in plan.Skip(offset).Take(BatchSize))
                {
                    var item = type switch
                    {
                        "News" => NewsItem(number, terms),
                        "LegalDocument" => DocumentItem(number, terms),
                        _ => ReportItem(number),
                    };
                    var created = await contents.CreateAsync(item, ct);
                    _ = await contents.PublishAsync(created.ContentItemId, created.Id, publish, ct)
                        ?? throw new InvalidOperationException($"{type} {number} was scheduled instead of published.");
                }
            });
        }

        Console.WriteLine($"  template: {plan.Count:N0} items through ContentManager ({watch.Elapsed.TotalSeconds:N0} s)");
        string article;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await BulkCopy.ReplicateAsync(connection, Copies);
            article = await BulkCopy.SpreadDatesAsync(connection, new DateTime(2019, 1, 1, 1, 0, 0, DateTimeKind.Utc), DateTime.UtcNow.AddHours(-1));
            await transaction.CommitAsync();
        }

        Console.WriteLine($"  copies: {Copies - 1} rounds in SQL ({watch.Elapsed.TotalSeconds:N0} s)");
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        var indexed = await indexer.RebuildAsync(CancellationToken.None, forOtherProcess: true);
        Console.WriteLine($"Seeded {news:N0} news, {documents:N0} legal documents, {reports:N0} reports and indexed {indexed:N0} for search in {watch.Elapsed.TotalSeconds:N0} s into {dataPath}");
        Console.WriteLine("article: " + article);
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<Dictionary<string, string[]>> TermsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().ToListAsync();
        return terms.GroupBy(t => t.Taxonomy).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Order).Select(t => t.TermId).ToArray());
    }

    private static string Pick(string[] values, int i) => values[i % values.Length];

    private static ContentItem Item(string type, string title, string summary, string body) =>
        new ContentItem { ContentItemId = ContentManager.NewId(), ContentType = type }
            .Apply(new TitlePart { Title = title })
            .Apply(new AutoroutePart())
            .Apply(new SummaryPart { Summary = summary })
            .Apply(new HtmlBodyPart { Html = body });

    private static JsonObject Terms(params string[] ids) => new() { ["TermIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) };

    private static JsonObject Value(JsonNode value) => new() { ["Value"] = value };

    private static JsonObject Text(string value) => new() { ["Text"] = value };

    /// <summary>A news article of about 3 KB of HTML (a typical article of the office's site).</summary>
    private static ContentItem NewsItem(int i, Dictionary<string, string[]> terms)
    {
        var place = Pick(Places, i);
        var topic = Pick(Topics, i / 3);
        var title = $"{Pick(Openings, i)} {topic} tại {place} (bản tin số {i})";
        var summary = $"Ngày {1 + (i % 28)}/{1 + (i % 12)}, {place} đã tổng kết tình hình {topic}; các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.";
        var body = new StringBuilder();
        for (var p = 0; p < 6; p++)
        {
            body.Append("<p>")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"Theo số liệu của Cục Thống kê, {topic} trên địa bàn {Pick(Places, i + p)} trong kỳ tăng {(i * 7 + p) % 13},{(i + p) % 10}% so với cùng kỳ năm trước. ")
                .Append("Các đơn vị đã chủ động rà soát nguồn thông tin đầu vào, đối chiếu với dữ liệu hành chính và kết quả điều tra thường xuyên, bảo đảm số liệu đầy đủ, kịp thời, đúng quy định của Luật Thống kê.")
                .Append("</p>");
            if (p == 2)
            {
                body.Append("<ul><li>Hoàn thành thu thập thông tin đúng tiến độ;</li><li>Nâng cao chất lượng phiếu điện tử;</li><li>Tăng cường phổ biến thông tin thống kê.</li></ul>");
            }
        }

        var item = Item("News", title, summary, body.ToString());
        item.Content["News"] = new JsonObject
        {
            ["Category"] = Terms(Pick(terms["chuyen-muc-tin"], i)),
            ["Authors"] = Text("Phòng Thống kê Tổng hợp"),
            ["FromOtherSource"] = Value(false),
        };
        return item;
    }

    private static ContentItem DocumentItem(int i, Dictionary<string, string[]> terms)
    {
        var year = 2010 + (i % 17);
        var type = Pick(terms["loai-van-ban"], i);
        var title = $"Văn bản số {i}/{year}/CTK về việc hướng dẫn {Pick(Topics, i)} trên địa bàn tỉnh";
        var item = Item("LegalDocument", title, $"Hướng dẫn thực hiện công tác thống kê về {Pick(Topics, i)} năm {year}.",
            $"<p>Căn cứ Luật Thống kê số 89/2015/QH13; Cục Thống kê tỉnh hướng dẫn các đơn vị triển khai {Pick(Topics, i)}.</p><p>Văn bản có hiệu lực kể từ ngày ký.</p>");
        item.Content["LegalDocument"] = new JsonObject
        {
            ["Number"] = Text($"{i}/{year}/CTK"),
            ["DocumentType"] = Terms(type),
            ["IssuingBody"] = Text("Cục Thống kê tỉnh Thái Nguyên"),
            ["IssueDate"] = Value($"{year}-{1 + (i % 12):00}-{1 + (i % 28):00}"),
            ["Field"] = Terms(Pick(terms["linh-vuc"], i)),
            ["Confidential"] = Value(false),
            ["PublishOnWebsite"] = Value(true),
        };
        return item;
    }

    private static ContentItem ReportItem(int i)
    {
        var year = 2026 - (i / 12 % 30);
        var month = 1 + (i % 12);
        var item = Item("SocioEconomicReport", $"Tình hình kinh tế - xã hội tháng {month} năm {year} (báo cáo số {i})",
            $"Sản xuất công nghiệp tháng {month} tiếp tục tăng; chỉ số giá tiêu dùng ổn định (số liệu minh hoạ).",
            $"<h2>1. Sản xuất nông, lâm nghiệp và thủy sản</h2><p>Tình hình sản xuất tháng {month} năm {year} ổn định.</p><h2>2. Sản xuất công nghiệp</h2><p>Chỉ số IIP tăng so với cùng kỳ.</p>");
        item.Content["SocioEconomicReport"] = new JsonObject
        {
            ["PeriodKind"] = Terms("thang"),
            ["Period"] = Value(month),
            ["Year"] = Value(year),
        };
        return item;
    }
}

/// <summary>Copies the rows of the template items (the item, its routes, indexes and workflow records) in SQL.</summary>
internal static class BulkCopy
{
    /// <summary>The tables whose rows belong to one item version, besides <c>ContentItems</c>.</summary>
    private static readonly string[] ItemTables =
    [
        "AutorouteIndex", "TaxonomyIndex", "LegalDocumentIndex", "ReportIndex", "ContentPickerIndex", "MediaReferenceIndex",
        "WorkflowInstances", "WorkflowSteps",
    ];

    public static async Task ReplicateAsync(SqliteConnection connection, int copies)
    {
        await ExecuteAsync(connection, "CREATE TEMP TABLE Template AS SELECT Id, ContentItemId FROM ContentItems");
        for (var k = 1; k < copies; k++)
        {
            var suffix = $"' - đợt {k}'";
            var id = $"substr({{0}}, 1, 26) || printf('%06x', {k})";
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ContentItemId"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, id, "t.ContentItemId"),
                ["DisplayText"] = $"t.DisplayText || {suffix}",
                ["Content"] = $"json_set(t.Content, '$.TitlePart.Title', t.DisplayText || {suffix}, '$.AutoroutePart.Path', json_extract(t.Content, '$.AutoroutePart.Path') || '-{k}')",
            };
            await CopyAsync(connection, "ContentItems", overrides, "FROM ContentItems t WHERE t.Id IN (SELECT Id FROM Template)");
            foreach (var table in ItemTables)
            {
                overrides = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ContentItemId"] = "n.ContentItemId",
                    ["ContentItemVersionId"] = "n.Id",
                    ["ApprovedVersionId"] = "CASE WHEN t.ApprovedVersionId IS NULL THEN NULL ELSE n.Id END",
                    ["Path"] = $"t.Path || '-{k}'",
                };
                var join = "FROM " + table + " t JOIN ContentItems n ON n.ContentItemId = "
                    + string.Format(System.Globalization.CultureInfo.InvariantCulture, id, "t.ContentItemId")
                    + " WHERE t.ContentItemId IN (SELECT ContentItemId FROM Template)";
                await CopyAsync(connection, table, overrides, join);
            }
        }
    }

    /// <summary>Spreads creation and publication dates from <paramref name="from"/> to <paramref name="to"/> in row order; returns the newest news article's path.</summary>
    public static async Task<string> SpreadDatesAsync(SqliteConnection connection, DateTime from, DateTime to)
    {
        var max = await ScalarAsync(connection, "SELECT max(Id) FROM ContentItems");
        var start = new DateTimeOffset(from).ToUnixTimeSeconds();
        var step = (new DateTimeOffset(to).ToUnixTimeSeconds() - start) / (double)max;
        var date = $"strftime('%Y-%m-%d %H:%M:%S', {start} + CAST(Id * {step.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS INTEGER), 'unixepoch')";
        await ExecuteAsync(connection, $"UPDATE ContentItems SET PublishedUtc = {date}, CreatedUtc = {date}, ModifiedUtc = {date}");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.Path FROM ContentItems c JOIN AutorouteIndex r ON r.ContentItemVersionId = c.Id WHERE c.ContentType = 'News' ORDER BY c.Id DESC LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task CopyAsync(SqliteConnection connection, string table, Dictionary<string, string> overrides, string from)
    {
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        // An integer key named Id is the row id: SQLite gives the copies new ones.
        var copied = columns.Where(c => c != "Id").ToList();
        var values = copied.Select(c => overrides.TryGetValue(c, out var expression) ? expression : "t." + c);
        await ExecuteAsync(connection, $"INSERT INTO {table} ({string.Join(", ", copied)}) SELECT {string.Join(", ", values)} {from} ORDER BY t.rowid");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
