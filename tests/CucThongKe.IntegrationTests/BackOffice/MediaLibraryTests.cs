using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Uploads are checked by their bytes, stored under safe names, and images get resized variants.</summary>
/// <remarks>The refused uploads share one site and one signed-in editor (<see cref="RefusalsAsync"/>): none stores a file,
/// so each still finds the library empty after its own refusal.</remarks>
public sealed partial class MediaLibraryTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private async Task<HttpClient> EditorAsync()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, "ctv.tonghop", "Demo@2026!ctk"));
        return client;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string folder = "")
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(folder), "folder" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync("/admin/media", form);
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(11, 61, 145));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }

    private Task<List<MediaFile>> StoredAsync() => StoredAsync(Site);

    private static Task<List<MediaFile>> StoredAsync(TestSite site) => site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().ToListAsync());

    /// <summary>The class's shared site, for uploads that are refused, with the editor signed in once.</summary>
    private Task<(TestSite Site, HttpClient Editor)> RefusalsAsync() => shared.GetAsync(Provider, async site =>
    {
        await RunRecipeAsync(site, "backoffice-users.recipe.json");
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, "ctv.tonghop", "Demo@2026!ctk"));
        return client;
    });

    [Fact]
    public async Task An_image_is_stored_under_a_safe_name_and_served_resized()
    {
        var client = await EditorAsync();

        var response = await UploadAsync(client, Png(1200, 800), "../../Ảnh hội nghị tổng kết.PNG", "Tin tức/2026");

        AssertStatus(HttpStatusCode.OK, response);
        var path = StoredPath().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^tin-tuc/2026/anh-hoi-nghi-tong-ket-[0-9a-f]{6}\\.png$", path);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((1200, 800), (stored.Width!.Value, stored.Height!.Value));
        Assert.Equal("phong-tong-hop", stored.UploaderUnitId);
        Assert.True(File.Exists(Path.Combine(Site.DataPath, "media", path)));

        // Signed in: the image is in no published item yet, so readers do not get it (Security/MediaVariantAccessTests).
        var variant = await client.GetAsync(ImageVariants.Url(path, 320));
        AssertStatus(HttpStatusCode.OK, variant);
        Assert.Equal("image/png", variant.Content.Headers.ContentType?.MediaType);
        using var resized = SKBitmap.Decode(await variant.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, resized.Width);
        AssertStatus(HttpStatusCode.NotFound, await client.GetAsync(ImageVariants.Url(path, 333)));
        AssertStatus(HttpStatusCode.NotFound, await Client().GetAsync("/anh/320/..%2F..%2Fcucthongke.db"));
    }

    [Fact]
    public async Task Documents_are_recognised_by_their_content()
    {
        var client = await EditorAsync();

        var pdf = await UploadAsync(client, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), "Quyết định 215.pdf", "van-ban");
        var docx = await UploadAsync(client, Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), "bao-cao.docx");
        var csv = await UploadAsync(client, Encoding.UTF8.GetBytes("Năm,Dân số\n2025,1.3\n"), "dan-so.csv");

        AssertStatus(HttpStatusCode.OK, pdf);
        AssertStatus(HttpStatusCode.OK, docx);
        AssertStatus(HttpStatusCode.OK, csv);
        var stored = await StoredAsync();
        Assert.Contains(stored, m => m.ContentType == "application/pdf" && m.Path.StartsWith("van-ban/quyet-dinh-215-", StringComparison.Ordinal));
        Assert.Contains(stored, m => m.Path.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(stored, m => m.ContentType == "text/csv");
        var search = await client.GetStringAsync("/admin/media?q=" + Uri.EscapeDataString("Quyết định"));
        Assert.Contains("van-ban/quyet-dinh-215-", search, StringComparison.Ordinal);
        Assert.DoesNotContain("dan-so-", search, StringComparison.Ordinal);

        // The kind by its Vietnamese name in the list and on the file's page, never the MIME type (a code).
        Assert.Contains("<td>Tài liệu PDF</td>", WebUtility.HtmlDecode(search), StringComparison.Ordinal);
        Assert.DoesNotContain("application/", search, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/media"));
        Assert.Contains("<td>Văn bản Word</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td>Bảng số liệu CSV</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("application/", list, StringComparison.Ordinal);
        Assert.DoesNotContain("text/csv", list, StringComparison.Ordinal);
        var filePage = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/media/" + stored.Single(m => m.ContentType == "application/pdf").Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("<dt>Loại</dt><dd>Tài liệu PDF</dd>", filePage, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> Disguised => new()
    {
        { "bao-cao.pdf", [.. "MZ"u8.ToArray(), .. new byte[200]], "chương trình chạy được" },
        { "anh.jpg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "HTML" },
        { "bieu-do.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/><script>alert(1)</script></svg>"), "script" },
        { "logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"), "script" },
        { "tai-lieu.zip", Zip(("huong-dan.pdf", "%PDF-1.4"), ("cai-dat.exe", "MZ")), "cai-dat.exe" },
        { "bang.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>"), ("xl/vbaProject.bin", "x")), "macro" },
        { "rong.pdf", [], "Hãy chọn một tệp" },
        { "nhi-phan.dat", [0, 1, 2, 3, 0, 0, 9], "Không nhận ra loại tệp" },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task Disguised_executable_html_and_scripted_files_are_refused_clearly(string fileName, byte[] bytes, string reason)
    {
        var (site, client) = await RefusalsAsync();

        var response = await UploadAsync(client, bytes, fileName);

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(site));
        Assert.Empty(Directory.Exists(Path.Combine(site.DataPath, "media")) ? Directory.GetFiles(Path.Combine(site.DataPath, "media"), "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_folder_that_tries_to_leave_the_library_is_refused()
    {
        var (site, client) = await RefusalsAsync();

        var response = await UploadAsync(client, Png(10, 10), "a.png", "../../etc");

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Empty(await StoredAsync(site));
    }

    [Fact]
    public async Task The_library_needs_sign_in()
    {
        var response = await Client().GetAsync("/admin/media");

        AssertStatus(HttpStatusCode.Redirect, response);
    }

    private async Task<(HttpClient Client, string Path)> EditorWithImageAsync()
    {
        var client = await EditorAsync();
        var response = await UploadAsync(client, Png(40, 30), "Ảnh hội nghị.png", "Tin tức");
        return (client, StoredPath().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> CreateNewsAsync(HttpClient client, string imagePath)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/contents/create/News");
        return await client.PostAsync("/admin/contents/create/News", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["TitlePart.Title"] = "Hội nghị tổng kết", ["News.Category.TermIds"] = "tin-khac",
            ["News.LeadImage.Items[0].Path"] = imagePath, ["News.LeadImage.Items[0].AltText"] = "Quang cảnh hội nghị",
        }));
    }

    [Fact]
    public async Task An_image_field_is_filled_from_the_library_picker_without_javascript()
    {
        var (client, path) = await EditorWithImageAsync();

        var editor = await client.GetStringAsync("/admin/contents/create/News");
        var pickerUrl = WebUtility.HtmlDecode(PickLink().Match(editor).Groups[1].Value);
        var picker = await client.GetStringAsync(pickerUrl);
        var chooseUrl = WebUtility.HtmlDecode(ChooseLink().Match(picker).Groups[1].Value);
        var filled = await client.GetStringAsync(chooseUrl);

        Assert.StartsWith("/admin/media/chon?truong=News.LeadImage&loai=anh&quay-lai=", pickerUrl, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"media-path\">{path}</code>", picker, StringComparison.Ordinal);
        Assert.StartsWith("/admin/contents/create/News?truong=News.LeadImage&tep=", chooseUrl, StringComparison.Ordinal);
        Assert.Contains($"name=\"News.LeadImage.Items[0].Path\" value=\"{path}\"", filled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_is_not_in_the_library_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var (client, path) = await EditorWithImageAsync();

        var refused = await CreateNewsAsync(client, "tin-tuc/khong-co-anh-nay.png");
        var countAfterRefusal = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Contents.Models.ContentItem>().CountAsync());
        var accepted = await CreateNewsAsync(client, path);

        AssertStatus(HttpStatusCode.BadRequest, refused);
        Assert.Matches("id=\"f-News-LeadImage-Items-error\" class=\"field-error\">Tệp &#x27;tin-tuc/khong-co-anh-nay.png&#x27; không có trong thư viện tệp", (await refused.Content.ReadAsStringAsync()).Replace("'", "&#x27;", StringComparison.Ordinal));
        Assert.Equal(0, countAfterRefusal);
        AssertStatus(HttpStatusCode.Redirect, accepted);
    }

    [Fact]
    public async Task The_picker_only_links_back_to_the_editor()
    {
        var (client, _) = await EditorWithImageAsync();

        var picker = await client.GetStringAsync("/admin/media/chon?truong=News.LeadImage&loai=anh&quay-lai=" + Uri.EscapeDataString("//evil.example/admin/contents/"));

        Assert.DoesNotMatch(ChooseLink(), picker);
        Assert.DoesNotContain("evil.example", picker, StringComparison.Ordinal);
    }

    [GeneratedRegex("<code class=\"media-path\">([^<]+)</code> — dùng")]
    internal static partial Regex StoredPath();

    [GeneratedRegex("<a class=\"button media-pick\" href=\"([^\"]+)\"")]
    private static partial Regex PickLink();

    [GeneratedRegex("<a class=\"button media-choose\" href=\"([^\"]+)\"")]
    private static partial Regex ChooseLink();
}

/// <summary>Size limits come from configuration.</summary>
public sealed class MediaLimitTests : IDisposable
{
    private readonly TestSite _site = new(settings: new Dictionary<string, string> { ["Cms:Media:MaxDocumentBytes"] = "1000" });

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_document_over_the_configured_limit_is_refused()
    {
        var library = _site.Services.CreateScope().ServiceProvider.GetRequiredService<MediaLibrary>();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 5000));

        var result = await library.UploadAsync(new MemoryStream(pdf), "lon.pdf", "");

        Assert.Null(result.File);
        Assert.Contains("lớn hơn giới hạn", result.Refusal, StringComparison.Ordinal);
    }
}
