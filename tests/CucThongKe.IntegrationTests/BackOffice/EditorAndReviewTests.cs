using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Media.Library;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Issue 16, items 1-3: images the editor inserts exist, files are replaced and deleted with care, the edit page acts
/// on the chain, the review page shows the changes, preview is the type's public page.</summary>
public sealed partial class EditorAndReviewTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private static readonly string[] DecisionKind = ["quyet-dinh"];

    private static readonly string[] Quarterly = ["quy"];

    private async Task<(HttpClient Browser, MediaFile File)> UploadImageAsync(string user, int width = 1300, int height = 200)
    {
        var browser = await SignedInAsync(user);
        AssertStatus(HttpStatusCode.OK, await MediaLibraryTests.UploadAsync(browser, MediaLibraryTests.Png(width, height), "Ảnh hội nghị.png", "Tin tức"));
        var file = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());
        return (browser, file);
    }

    private async Task<string> CreateAsync(string user, object content)
    {
        var response = await (await ApiAsync(user)).PostAsync("/api/content", Json(content));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadAsync(response))["contentItemId"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string pageUrl, string postUrl, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, pageUrl);
        return await browser.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient browser, string pageUrl, string postUrl, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await AntiforgeryTokenAsync(browser, pageUrl)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", name },
        };
        return await browser.PostAsync(postUrl, form);
    }

    [Fact]
    public async Task Image_sizes_are_served_from_the_list_of_widths_and_another_width_is_a_404_that_writes_nothing()
    {
        await AddPeopleAsync();
        var (browser, file) = await UploadImageAsync(Contributor);

        // 1200 and 1024: the widths the editor has inserted (issue 16) are in the default list.
        foreach (var width in new[] { 1200, 1024, 160 })
        {
            var variant = await browser.GetAsync(ImageVariants.Url(file.Path, width));
            AssertStatus(HttpStatusCode.OK, variant);
            using var image = SKBitmap.Decode(await variant.Content.ReadAsByteArrayAsync());
            Assert.Equal(width, image.Width);
        }

        foreach (var width in new[] { 1000, 1201, 99999 })
        {
            AssertStatus(HttpStatusCode.NotFound, await browser.GetAsync(ImageVariants.Url(file.Path, width)));
            Assert.False(Directory.Exists(Path.Combine(Site.DataPath, "media-cache", width.ToString(System.Globalization.CultureInfo.InvariantCulture))), $"A folder for the refused width {width} was made.");
        }

        Assert.Equal(["1024", "1200", "160"], Directory.GetDirectories(Path.Combine(Site.DataPath, "media-cache")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_library_image_without_alt_text_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        await AddPeopleAsync();
        var (browser, file) = await UploadImageAsync(Contributor);
        var form = new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Hội nghị tổng kết năm 2026",
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
            ["HtmlBodyPart.Html"] = $"<p>Toàn cảnh hội nghị.</p><img src=\"{ImageVariants.Url(file.Path, 1024)}\" alt=\"  \">",
        };
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var refused = await PostAsync(browser, "/admin/contents/create/News", "/admin/contents/create/News", new(form));

        AssertStatus(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Ảnh thứ 1 trong nội dung chưa có mô tả thay thế (alt)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        form["HtmlBodyPart.Html"] = $"<p>Toàn cảnh hội nghị.</p><img src=\"{ImageVariants.Url(file.Path, 1024)}\" alt=\"Toàn cảnh hội nghị tổng kết\">";
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(browser, "/admin/contents/create/News", "/admin/contents/create/News", form));

        // An image dropped into the editor is stored in the library and answered with its path (admin.js asks its alt text).
        var dropped = await PostFileAsync(browser, "/admin/media/chon", "/admin/media/chon?handler=Drop", MediaLibraryTests.Png(300, 200), "Ảnh kéo thả.png");
        AssertStatus(HttpStatusCode.OK, dropped);
        Assert.Matches("\"path\":\"anh-keo-tha/anh-keo-tha-[0-9a-f]{6}\\.png\"", await dropped.Content.ReadAsStringAsync());
        AssertStatus(HttpStatusCode.BadRequest, await PostFileAsync(browser, "/admin/media/chon", "/admin/media/chon?handler=Drop", "MZ\u0090\0"u8.ToArray(), "virus.exe"));
    }

    [Fact]
    public async Task A_file_in_use_is_not_deleted_and_names_its_items_and_a_replacement_keeps_the_address_and_is_recorded()
    {
        await AddPeopleAsync();
        var (browser, file) = await UploadImageAsync(Contributor);
        var title = "Kết quả Tổng điều tra kinh tế năm 2026";
        await CreateAsync(Contributor, new
        {
            contentType = "News",
            content = NewsContent(title, $"<p>Biểu đồ:</p><img src=\"{ImageVariants.Url(file.Path, 1024)}\" alt=\"Biểu đồ tăng trưởng\">"),
        });
        var page = $"/admin/media/{file.Id}";
        var usage = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        Assert.Contains(title, usage, StringComparison.Ordinal);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var delete = await PostAsync(browser, page, page + "?handler=Delete", []);

        AssertStatus(HttpStatusCode.Conflict, delete);
        var refusal = WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync());
        Assert.Contains("Không xoá được: tệp đang được 1 nội dung dùng", refusal, StringComparison.Ordinal);
        Assert.Contains(title, refusal, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        var full = Path.Combine(Site.DataPath, "media", file.Path);
        Assert.True(File.Exists(full));

        // Another kind at the same address is refused; the same kind replaces the content and the audit log records it.
        AssertStatus(HttpStatusCode.BadRequest, await PostFileAsync(browser, page, page + "?handler=Replace", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(), "quyet-dinh.pdf"));
        await before.AssertUnchangedAsync(Site);
        AssertStatus(HttpStatusCode.NotFound, await browser.GetAsync(ImageVariants.Url(file.Path, 1000)));
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync(ImageVariants.Url(file.Path, 320)));
        var replaced = await PostFileAsync(browser, page, page + "?handler=Replace", MediaLibraryTests.Png(700, 350), "Ảnh mới.png");
        AssertStatus(HttpStatusCode.Redirect, replaced);
        using (var stored = SKBitmap.Decode(full))
        {
            Assert.Equal(700, stored.Width);
        }

        using (var variant = SKBitmap.Decode(await browser.GetByteArrayAsync(ImageVariants.Url(file.Path, 320))))
        {
            Assert.Equal(160, variant.Height); // the new picture's proportions (2:1), not the old one's
        }

        var (row, audit) = await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            return (await db.Set<MediaFile>().AsNoTracking().SingleAsync(m => m.Id == file.Id),
                await db.Set<AdminAuditEntry>().AsNoTracking().Where(e => e.Action == MediaAuditActions.Replace).ToListAsync());
        });
        Assert.Equal((file.Path, 700), (row.Path, row.Width!.Value));
        var entry = Assert.Single(audit);
        Assert.Equal((Contributor, file.Path), (entry.UserName, entry.Subject));

        // Once an item that shows the file is published, the file is not replaced in place: the public page would
        // change outside the approval chain. Refused with the item named, nothing stored, the bytes untouched.
        var showing = await CreateAsync(Contributor, new
        {
            contentType = "News",
            content = NewsContent("Biểu đồ đã công bố", $"<p>Biểu đồ:</p><img src=\"{ImageVariants.Url(file.Path, 640)}\" alt=\"Biểu đồ đã công bố\">"),
        });
        await AdvanceAsync(showing, [.. ToApproved, (Publisher, "publish")]);
        var publishedBytes = await File.ReadAllBytesAsync(full);
        var beforeReplace = await DatabaseSnapshot.TakeAsync(Site);
        var refusedReplace = await PostFileAsync(browser, page, page + "?handler=Replace", MediaLibraryTests.Png(500, 500), "Ảnh khác.png");
        AssertStatus(HttpStatusCode.Conflict, refusedReplace);
        var replaceRefusal = WebUtility.HtmlDecode(await refusedReplace.Content.ReadAsStringAsync());
        Assert.Contains("Không thay được: tệp đang hiện trên 1 nội dung đã công bố", replaceRefusal, StringComparison.Ordinal);
        Assert.Contains("Biểu đồ đã công bố", replaceRefusal, StringComparison.Ordinal);
        await beforeReplace.AssertUnchangedAsync(Site);
        Assert.Equal(publishedBytes, await File.ReadAllBytesAsync(full));

        // A file nothing uses is deleted, with its resized copies.
        var (_, unused) = await UploadImageAsync(Contributor, 400, 100);
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync(ImageVariants.Url(unused.Path, 160)));
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(browser, $"/admin/media/{unused.Id}", $"/admin/media/{unused.Id}?handler=Delete", []));
        Assert.False(File.Exists(Path.Combine(Site.DataPath, "media", unused.Path)));
        Assert.False(File.Exists(Path.Combine(Site.DataPath, "media-cache", "160", unused.Path)));
        AssertStatus(HttpStatusCode.NotFound, await browser.GetAsync($"/admin/media/{unused.Id}"));
    }

    [Fact]
    public async Task The_edit_page_shows_the_step_deadline_and_return_comment_and_only_the_steps_the_person_may_take()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tình hình kinh tế - xã hội tháng 11");
        var edit = $"/admin/contents/{id}/edit";
        var contributor = await SignedInAsync(Contributor);

        // A draft: the contributor may submit, nothing else; the form posts to the workflow page's own handler.
        var draft = WebUtility.HtmlDecode(await contributor.GetStringAsync(edit));
        Assert.Contains("Bản nháp", draft, StringComparison.Ordinal);
        Assert.Equal(["submit"], Transitions(draft));
        var submitted = await PostAsync(contributor, edit, $"/admin/quy-trinh/noi-dung/{id}", new() { ["transition"] = "submit", ["expectedVersion"] = "1", ["quayLai"] = edit });
        AssertStatus(HttpStatusCode.Redirect, submitted);
        Assert.Equal(edit, submitted.Headers.Location!.OriginalString);

        // In review: the step by its Vietnamese name and its deadline; the unit head may send on or return, not publish.
        var waiting = WebUtility.HtmlDecode(await contributor.GetStringAsync(edit));
        Assert.Contains("Chờ thủ trưởng đơn vị kiểm tra", waiting, StringComparison.Ordinal);
        Assert.Contains("· hạn ", waiting, StringComparison.Ordinal);
        Assert.Empty(Transitions(waiting));
        var head = await SignedInAsync(UnitHead);
        Assert.Equal(["send-to-board", "unit-return"], Transitions(WebUtility.HtmlDecode(await head.GetStringAsync(edit))).Order(StringComparer.Ordinal));

        // A forged publish by the contributor: refused by the chain, nothing changed.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var forged = await PostAsync(contributor, edit, $"/admin/quy-trinh/noi-dung/{id}", new() { ["transition"] = "publish", ["expectedVersion"] = "1", ["quayLai"] = edit });
        AssertStatus(HttpStatusCode.Forbidden, forged);
        await before.AssertUnchangedAsync(Site);

        // Returned with a comment: the contributor reads it on the edit page and may resubmit.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(head, edit, $"/admin/quy-trinh/noi-dung/{id}", new() { ["transition"] = "unit-return", ["comment"] = "Bổ sung số liệu vốn đầu tư quý III.", ["expectedVersion"] = "1", ["quayLai"] = edit }));
        var returned = WebUtility.HtmlDecode(await contributor.GetStringAsync(edit));
        Assert.Contains("Trả lại tác giả", returned, StringComparison.Ordinal);
        Assert.Contains("Ý kiến khi trả lại", returned, StringComparison.Ordinal);
        Assert.Contains("Bổ sung số liệu vốn đầu tư quý III.", returned, StringComparison.Ordinal);
        Assert.Equal(["resubmit"], Transitions(returned));
    }

    [Fact]
    public async Task The_review_page_shows_the_changes_since_the_reviewers_last_step()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Chỉ số giá tiêu dùng tháng 11");
        await AdvanceAsync(id, (Contributor, "submit"));
        var returned = await TransitionAsync(UnitHead, id, "unit-return", "Thiếu nguồn số liệu.");
        Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());
        var update = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Chỉ số giá tiêu dùng tháng 11 năm 2026") }));
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());

        var review = WebUtility.HtmlDecode(await (await SignedInAsync(UnitHead)).GetStringAsync($"/admin/quy-trinh/noi-dung/{id}"));

        Assert.Contains("So với phiên bản 1 (bạn xem lần cuối) đến phiên bản 2", review, StringComparison.Ordinal);
        Assert.Contains("Chỉ số giá tiêu dùng tháng 11 năm 2026", review, StringComparison.Ordinal);
        Assert.Contains($"/admin/contents/{id}/preview", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_is_each_types_public_page_with_its_fields_and_a_banner_for_those_allowed_only()
    {
        await AddPeopleAsync();
        var (browser, file) = await UploadImageAsync(Contributor);
        var news = await CreateAsync(Contributor, new
        {
            contentType = "News",
            content = new
            {
                TitlePart = new { Title = "Hội nghị triển khai Tổng điều tra" },
                HtmlBodyPart = new { Html = "<p>Sáng nay, Cục Thống kê tổ chức hội nghị.</p>" },
                News = new
                {
                    Category = new { TermIds = Activities },
                    LeadImage = new { Items = new[] { new { Path = file.Path, AltText = "Quang cảnh hội nghị" } } },
                },
            },
        });
        var document = await CreateAsync(Contributor, new
        {
            contentType = "LegalDocument",
            content = new
            {
                TitlePart = new { Title = "Quyết định ban hành quy chế" },
                LegalDocument = new
                {
                    Number = new { Text = "215/QĐ-CTK" },
                    DocumentType = new { TermIds = DecisionKind },
                    IssuingBody = new { Text = "Cục Thống kê tỉnh Thái Nguyên" },
                    IssueDate = new { Value = "2026-11-20" },
                },
            },
        });
        var report = await CreateAsync(Contributor, new
        {
            contentType = "SocioEconomicReport",
            content = new
            {
                TitlePart = new { Title = "Báo cáo kinh tế - xã hội quý III" },
                SocioEconomicReport = new { PeriodKind = new { TermIds = Quarterly }, Period = new { Value = 3 }, Year = new { Value = 2026 } },
            },
        });

        var expected = new Dictionary<string, string[]>
        {
            [news] = ["Hội nghị triển khai Tổng điều tra", "Chuyên mục:", "Quang cảnh hội nghị", "/tep/tin-tuc/", "Đăng ngày <time"],
            [document] = ["Quyết định ban hành quy chế", "215/QĐ-CTK", "Cơ quan ban hành", "20/11/2026"],
            [report] = ["Báo cáo kinh tế - xã hội quý III", "Kỳ báo cáo", "Quý 3", "2026"],
        };
        var other = await SignedInAsync(OtherContributor);
        foreach (var (id, texts) in expected)
        {
            var response = await browser.GetAsync($"/admin/contents/{id}/preview");
            AssertStatus(HttpStatusCode.OK, response);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Bản xem trước — chưa công bố", html, StringComparison.Ordinal);
            Assert.Contains("class=\"site-header", html, StringComparison.Ordinal); // the public layout, not the back office's
            foreach (var text in texts)
            {
                Assert.Contains(text, html, StringComparison.Ordinal);
            }

            Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            AssertStatus(HttpStatusCode.Forbidden, await other.GetAsync($"/admin/contents/{id}/preview"));
            var anonymous = await Client().GetAsync($"/admin/contents/{id}/preview");
            AssertStatus(HttpStatusCode.Redirect, anonymous);
        }

        // The lead image the preview shows loads for its author.
        AssertStatus(HttpStatusCode.OK, await browser.GetAsync(ImageVariants.Url(file.Path, 640)));
    }

    [Fact]
    public async Task A_second_editor_is_told_that_someone_else_is_editing_the_item()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin đang được sửa");
        var edit = $"/admin/contents/{id}/edit";
        var first = await SignedInAsync(Contributor);
        var alone = await first.GetStringAsync(edit);
        Assert.Matches("id=\"editing-presence\"[^>]*hidden", alone);

        var second = WebUtility.HtmlDecode(await (await SignedInAsync(UnitHead)).GetStringAsync(edit));

        Assert.Contains("Đang có người khác mở trang sửa nội dung này: <strong class=\"presence-names\">ctv.tonghop</strong>", second, StringComparison.Ordinal);
        var refresh = await PostAsync(first, edit, edit + "?handler=Presence", []);
        AssertStatus(HttpStatusCode.OK, refresh);
        Assert.Contains("tp.tonghop", await refresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string> Transitions(string html) =>
        [.. PanelTransition().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"transition\" value=\"([a-z-]+)\"")]
    private static partial Regex PanelTransition();
}
