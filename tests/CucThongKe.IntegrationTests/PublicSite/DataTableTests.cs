using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CucThongKe.Tests.PublicSite;

/// <summary>Data tables of socio-economic reports: XLSX and CSV shown as accessible tables with a chart, downloadable, bad files refused.</summary>
public abstract class DataTableTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string ReportPath = "/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-9-nam-2026";

    [Fact]
    public async Task A_report_shows_its_csv_and_xlsx_tables_with_header_cells_a_chart_and_downloads()
    {
        WriteMedia("bang/gia-tri-san-xuat.csv", "Ngành;Giá trị (tỷ đồng);Tăng (%)\nCông nghiệp;12.345,6;9,4\n\"Nông, lâm nghiệp\";4.210;3,1\nDịch vụ;8.002,5;7,2\n");
        WriteXlsx("bang/dan-so.xlsx", [["Huyện", "Dân số (người)"], ["Đại Từ", 180000], ["Phú Lương", 110000]]);
        var id = await PublishReportAsync(("bang/gia-tri-san-xuat.csv", "Giá trị sản xuất theo ngành"), ("bang/dan-so.xlsx", "Dân số các huyện"));
        var client = Client();

        var html = await client.GetStringAsync(ReportPath);
        var csv = await client.GetAsync($"/bang-so-lieu/{id}/0/csv");
        var xlsx = await client.GetAsync($"/bang-so-lieu/{id}/1/xlsx");
        var missing = await client.GetAsync($"/bang-so-lieu/{id}/2/csv");
        var wrongFormat = await client.GetAsync($"/bang-so-lieu/{id}/0/pdf");

        Assert.Contains("<caption>Giá trị sản xuất theo ngành</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Giá trị (tỷ đồng)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Nông, lâm nghiệp</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">12.345,6</td>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Dân số các huyện</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Phú Lương</th>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Biểu đồ: Giá trị (tỷ đồng) theo Ngành\"", html, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, csv);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("Ngành,Giá trị (tỷ đồng),Tăng (%)\r\nCông nghiệp,\"12.345,6\",\"9,4\"\r\n\"Nông, lâm nghiệp\"", csvText, StringComparison.Ordinal);
        Assert.Contains("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", csvText, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, xlsx);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Đại Từ", rows[1]["A"]?.ToString());
        Assert.Equal(180000m, Convert.ToDecimal(rows[1]["B"], System.Globalization.CultureInfo.InvariantCulture));
        AssertStatus(HttpStatusCode.OK, await client.GetAsync("/tep/bang/dan-so.xlsx"));
        AssertStatus(HttpStatusCode.NotFound, missing);
        AssertStatus(HttpStatusCode.NotFound, wrongFormat);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "bang/bao-cao.pdf", "%PDF-1.4"u8.ToArray(), "phải là tệp XLSX hoặc CSV" },
        { "bang/hong.xlsx", "đây không phải tệp Excel"u8.ToArray(), "không phải tệp Excel (XLSX) hợp lệ" },
        { "bang/tcvn3.csv", [0x43, 0xE1, 0xBB, 0x3B, 0x31, 0x0A, 0xC3, 0x28, 0x3B, 0x32], "mã hóa UTF-8" },
        { "bang/mot-dong.csv", "Chỉ tiêu;Giá trị\n"u8.ToArray(), "ít nhất một dòng số liệu" },
        { "bang/rong.csv", [], "phải có dữ liệu" },
        { "bang/ngoac.csv", "A;B\n\"chưa đóng;1\n"u8.ToArray(), "ngoặc kép không đóng" },
        { "bang/qua-rong.csv", Encoding.UTF8.GetBytes(string.Join(';', Enumerable.Range(1, 45)) + "\n" + string.Join(';', Enumerable.Range(1, 45))), "quá 40 cột" },
        { "bang/qua-dai.csv", Encoding.UTF8.GetBytes("A;B\n" + string.Concat(Enumerable.Range(0, 1200).Select(i => $"Dòng {i};{i}\n"))), "quá 1000 dòng" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_data_file_is_refused_with_a_clear_message_and_nothing_is_saved(string path, byte[] content, string message)
    {
        WriteMedia(path, content);

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => PublishReportAsync((path, "Bảng hỏng")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync(ReportPath));
    }

    [Fact]
    public async Task A_data_file_that_is_not_in_the_media_folder_is_refused()
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => PublishReportAsync(("../keys/key.csv", "Ngoài thư mục")));

        Assert.Contains("Không tìm thấy tệp", error.Message, StringComparison.Ordinal);
    }

    private void WriteMedia(string path, string text) => WriteMedia(path, Encoding.UTF8.GetBytes(text));

    private void WriteMedia(string path, byte[] content)
    {
        var full = Path.Combine(Site.DataPath, "media", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    private void WriteXlsx(string path, object[][] rows)
    {
        var full = Path.Combine(Site.DataPath, "media", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var sheet = rows.Select(r => Enumerable.Range(0, r.Length).ToDictionary(i => ((char)('A' + i)).ToString(), i => r[i])).ToList();
        MiniExcel.SaveAs(full, sheet, printHeader: false);
    }

    private Task<string> PublishReportAsync(params (string Path, string Title)[] files) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("SocioEconomicReport");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = "Tình hình kinh tế - xã hội tháng 9 năm 2026" };
        var items = new JsonArray();
        foreach (var (path, title) in files)
        {
            items.Add(new JsonObject { ["Path"] = path, ["Title"] = title });
        }

        item.Content["SocioEconomicReport"] = new JsonObject
        {
            ["PeriodKind"] = new JsonObject { ["TermIds"] = new JsonArray("thang") },
            ["Period"] = new JsonObject { ["Value"] = 9 },
            ["Year"] = new JsonObject { ["Value"] = 2026 },
            ["DataFiles"] = new JsonObject { ["Items"] = items },
        };
        var saved = await contents.CreateAsync(item);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử bảng số liệu"));
        return saved.ContentItemId;
    });
}

public sealed class SqliteDataTableTests() : DataTableTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to reading XLSX and CSV files.
