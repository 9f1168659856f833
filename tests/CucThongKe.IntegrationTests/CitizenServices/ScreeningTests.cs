using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>
/// Screening (Điều 4.1, 7): the board keeps the list of prohibited words, phrases and domains; a reader's comment or a
/// citizen's question that hits it is held with the hit shown; content linking to a listed domain is not saved.
/// </summary>
public abstract class ScreeningTests(DatabaseProvider provider) : DiscussionTestBase(provider)
{
    [Fact]
    public async Task The_list_is_kept_by_the_board_and_hits_are_held_with_the_hit_shown_and_listed_links_refused()
    {
        var board = await ModeratorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var bad = await PostAdminAsync(board, "/admin/sang-loc", new() { ["Terms"] = "cá độ", ["Domains"] = "không phải tên miền" });
        AssertStatus(HttpStatusCode.BadRequest, bad);
        Assert.Contains("không phải là tên miền", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        AssertStatus(HttpStatusCode.Redirect, await PostAdminAsync(board, "/admin/sang-loc", new() { ["Terms"] = "cá độ\nthảo", ["Domains"] = "https://Trang-Xau.example/" }));
        Assert.Contains("trang-xau.example", WebUtility.HtmlDecode(await board.GetStringAsync("/admin/sang-loc")), StringComparison.Ordinal);

        var (id, _) = await PublishNewsAsync("Giải thể thao công nhân viên chức năm 2026", open: true);
        var reader = Client();
        var form = await OpenFormAsync(reader, id);
        form["Input.Text"] = "Đề nghị xử lý các trang cá độ bóng đá quảng cáo trên mạng.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(form)));
        var clean = await OpenFormAsync(reader, id);
        clean["Input.Text"] = "Giải thể thao năm nay rất sôi nổi, đề nghị đưa thêm ảnh.";
        AssertStatus(HttpStatusCode.Redirect, await reader.PostAsync(Discussions.PublicUrl(id), Fields(clean)));

        var queue = WebUtility.HtmlDecode(await board.GetStringAsync("/admin/y-kien"));
        Assert.Contains("Sàng lọc: ý kiến có từ, cụm từ bị cấm “cá độ”", queue, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(queue, "Sàng lọc: ý kiến có"));
        Assert.Equal(2, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Comment>().CountAsync(c => c.Status == CommentStatus.Pending)));

        var question = await Site.WithScopeAsync(async s =>
        {
            var unit = await s.GetRequiredService<CitizenUnits>().ResolveAsync("phong-kinh-te", default);
            await s.GetRequiredService<QuestionSubmission>().SubmitAsync("Lê Văn Hỏi", "hoi@example.vn", null, unit!, "Xin hỏi số vụ cá độ bóng đá bị phát hiện năm 2025?", default);
            return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Question").Select(c => c.ContentItemId).SingleAsync();
        });
        Assert.Contains("Nội dung có từ, cụm từ bị cấm “cá độ”", WebUtility.HtmlDecode(await board.GetStringAsync($"/admin/contents/{question}/edit")), StringComparison.Ordinal);

        var refusal = await Assert.ThrowsAsync<ContentValidationException>(() => Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Trang có liên kết bị cấm" };
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Xem <a href=\"https://khuyen-mai.trang-xau.example/x\">tại đây</a>.</p>" };
            await contents.CreateAsync(item);
        }));
        Assert.Contains("Liên kết tới “khuyen-mai.trang-xau.example” thuộc tên miền bị cấm (trang-xau.example)", refusal.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteScreeningTests() : ScreeningTests(DatabaseProvider.Sqlite);
