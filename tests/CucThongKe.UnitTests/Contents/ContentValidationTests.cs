using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Tests.Contents;

public class ContentValidationTests : ContentEngineTestBase
{
    private async Task<ContentValidationException> SaveInvalidAsync(ContentItem item)
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => WithContentsAsync((contents, _) => contents.CreateAsync(item)));
        Assert.Equal(0, await WithContentsAsync((_, db) => db.Set<ContentItem>().CountAsync()));
        return error;
    }

    [Fact]
    public async Task A_part_the_type_does_not_have_is_refused()
    {
        var item = Article("Bài có phần lạ");
        item.Content["LegalDocument"] = new JsonObject();

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "LegalDocument");
    }

    [Fact]
    public async Task A_field_the_part_does_not_have_is_refused()
    {
        var item = Article("Bài có trường lạ");
        item.Content["Article"]!["Nonexistent"] = new JsonObject { ["Text"] = "x" };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "Article.Nonexistent");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_with_its_path()
    {
        var item = Article("Bài sai kiểu");
        item.Content["Article"]!["Value"] = new JsonObject { ["Value"] = "không phải số" };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "Article.Value.Value" && e.Message.Contains("kiểu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Required_values_and_bounds_are_checked_in_Vietnamese()
    {
        var item = new ContentItem { ContentType = "Article" };
        item.Content["Article"] = new JsonObject { ["Value"] = new JsonObject { ["Value"] = 250 } };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "TitlePart.Title" && e.Message == "Tiêu đề là bắt buộc.");
        Assert.Contains(error.Errors, e => e.Path == "Article.Topic.TermIds" && e.Message == "Chủ đề là bắt buộc.");
        Assert.Contains(error.Errors, e => e.Path == "Article.Value.Value" && e.Message.Contains("0 đến 100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_taxonomy_terms_and_missing_linked_items_are_refused()
    {
        var item = Article("Bài có liên kết hỏng", topic: "khong-co");
        item.Content["Article"]!["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray("0000000000000000000000000000dead") };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "Article.Topic.TermIds" && e.Message.Contains("khong-co", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "Article.Related.ContentItemIds");
    }

    [Fact]
    public async Task File_paths_that_leave_the_media_library_are_refused()
    {
        var item = Article("Bài có tệp lạ");
        item.Content["Article"]!["Files"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "../../etc/passwd" }) };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "Article.Files.Items[0].Path");
    }

    [Fact]
    public async Task Rich_text_is_sanitised_on_the_server_but_keeps_tables()
    {
        const string html = "<p onclick=\"steal()\">Số liệu</p><script>alert(1)</script><table><caption>Dân số</caption><thead><tr><th scope=\"col\">Năm</th></tr></thead><tbody><tr><td>2025</td></tr></tbody></table><a href=\"javascript:alert(1)\">x</a>";

        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Bài có mã độc", html: html)));

        var stored = saved.As<HtmlBodyPart>()!.Html!;
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<caption>Dân số</caption>", stored, StringComparison.Ordinal);
        Assert.Contains("scope=\"col\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decomposed_Vietnamese_text_is_stored_as_NFC()
    {
        var title = "Tình hình kinh tế - xã hội".Normalize(NormalizationForm.FormD);
        var item = Article(title);
        item.Content["Article"]!["Source"] = new JsonObject { ["Text"] = "Tổng cục Thống kê".Normalize(NormalizationForm.FormD) };

        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(item));

        var reloaded = await WithContentsAsync((contents, _) => contents.GetVersionAsync(saved.Id));
        Assert.True(reloaded!.DisplayText!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Tình hình kinh tế - xã hội", reloaded.DisplayText);
        Assert.Equal("Tổng cục Thống kê", reloaded.Get<JsonObject>("Article")!["Source"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_field_kind_round_trips()
    {
        var target = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Bài được liên kết")));
        var item = Article("Bài đủ các trường");
        var fields = item.Content["Article"]!.AsObject();
        fields["Source"] = new JsonObject { ["Text"] = "Niên giám" };
        fields["Notes"] = new JsonObject { ["Text"] = "Dòng 1\r\nDòng 2" };
        fields["Extra"] = new JsonObject { ["Html"] = "<p>Thêm</p>" };
        fields["Value"] = new JsonObject { ["Value"] = 12.5 };
        fields["IssueDate"] = new JsonObject { ["Value"] = "2026-03-15" };
        fields["ReleaseAt"] = new JsonObject { ["Value"] = "2026-12-29T02:00:00Z" };
        fields["Featured"] = new JsonObject { ["Value"] = true };
        fields["Image"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "anh/hoi-nghi.jpg", ["AltText"] = "Hội nghị" }) };
        fields["Files"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "van-ban/qd-1.pdf", ["Title"] = "Quyết định", ["Size"] = 1024 }) };
        fields["Related"] = new JsonObject { ["ContentItemIds"] = new JsonArray(target.ContentItemId) };

        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(item));

        var reloaded = (await WithContentsAsync((contents, _) => contents.GetVersionAsync(saved.Id)))!;
        var article = reloaded.Content["Article"]!;
        Assert.Equal("Dòng 1\nDòng 2", article["Notes"]!["Text"]!.GetValue<string>());
        Assert.Equal(12.5m, article["Value"]!["Value"]!.GetValue<decimal>());
        Assert.Equal("2026-03-15", article["IssueDate"]!["Value"]!.GetValue<string>());
        Assert.True(article["Featured"]!["Value"]!.GetValue<bool>());
        Assert.Equal("anh/hoi-nghi.jpg", article["Image"]!["Items"]![0]!["Path"]!.GetValue<string>());
        Assert.Equal(1024, article["Files"]!["Items"]![0]!["Size"]!.GetValue<long>());
        Assert.Equal(target.ContentItemId, article["Related"]!["ContentItemIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused()
    {
        var item = Article("Bài có ảnh thiếu mô tả");
        item.Content["Article"]!["Image"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "anh/a.jpg" }) };

        var error = await SaveInvalidAsync(item);

        Assert.Contains(error.Errors, e => e.Path == "Article.Image.Items[0].AltText");
    }
}
