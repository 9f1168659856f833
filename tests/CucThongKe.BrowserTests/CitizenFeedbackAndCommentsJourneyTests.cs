using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Consultation;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>Issue 13: a citizen's feedback reaches the unit chosen, which replies, and the citizen reads the status by its code
/// (Điều 14.4); readers' comments on an item the board opened for discussion and on an open consultation stay off the public
/// pages until a moderator accepts them (Điều 2.3).</summary>
[Collection(CitizensSite.Collection)]
public sealed class CitizenFeedbackAndCommentsJourneyTests(CitizensSite people) : LiveSiteTest(people.Site)
{
    private const string Password = "Demo@2026!ctk";
    private const string Feedback = "Đề nghị Cục đăng thêm bảng số liệu dân số theo từng xã, phường sau sắp xếp đơn vị hành chính.";
    private const string Discussed = "Đề nghị công bố chỉ số giá tiêu dùng riêng cho khu vực nông thôn của tỉnh.";
    private const string Consulted = "Đề nghị bổ sung lịch công bố số liệu theo quý vào dự thảo kế hoạch.";

    [Fact]
    public async Task Feedback_reaches_its_unit_which_replies_and_comments_on_a_discussion_and_a_consultation_are_public_only_once_accepted()
    {
        // The citizen sends feedback to a unit, choosing a category.
        var citizen = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var form = new CitizenFormPages(citizen, Site.BaseUrl, "/gop-y");
        await form.OpenAsync("/gop-y");
        await CheckAccessibilityAsync(citizen);
        await citizen.GetByLabel("Chủ đề góp ý").SelectOptionAsync(new SelectOptionValue { Label = "Số liệu, ấn phẩm thống kê" });
        await form.SendAsync("Phạm Văn Góp", "pham.gop@example.vn", "Phòng Thống kê Tổng hợp", "Nội dung góp ý (bắt buộc", Feedback, "Gửi góp ý");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Cục đã nhận góp ý của bạn");
        var code = await form.TrackingCodeAsync();
        Assert.Equal("Đang xử lý", await form.FactAsync("Tình trạng"));

        // The unit's head finds it in the unit's inbox with its category, and replies.
        var head = await SignInAsync("tp.tonghop", Password);
        await head.GotoAsync(Site.BaseUrl + "/admin/gop-y");
        await CheckAccessibilityAsync(head);
        var row = head.Locator("tbody tr").Filter(new() { HasText = code });
        var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(["Phòng Thống kê Tổng hợp", "Số liệu, ấn phẩm thống kê", "Mới"], cells[3..6]);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync(Feedback);
        await CheckAccessibilityAsync(head);
        await head.GetByLabel("Câu trả lời").FillAsync("Cảm ơn ông. Bảng dân số theo xã, phường sẽ được đăng trong Niên giám Thống kê năm 2026.");
        await head.GetByRole(AriaRole.Button, new() { Name = "Gửi câu trả lời" }).ClickAsync();
        await Assertions.Expect(head.Locator("dl.card dt:text-is('Trạng thái') + dd")).ToHaveTextAsync("Đã trả lời");
        await head.GotoAsync(Site.BaseUrl + "/admin/gop-y");
        Assert.Equal("Đã trả lời", (await head.Locator("tbody tr").Filter(new() { HasText = code }).Locator("td").Nth(5).InnerTextAsync()).Trim());

        // Later, with only the code, the citizen sees it answered.
        var later = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var status = new CitizenFormPages(later, Site.BaseUrl, "/gop-y");
        await status.CheckStatusAsync("Mã số góp ý", code);
        Assert.Equal("Đã trả lời", await status.FactAsync("Tình trạng"));
        await CheckAccessibilityAsync(later);

        // A reader comments on a news item the board opened for discussion and on a draft open for consultation.
        var (newsId, newsPath) = await PublishAsync("Chỉ số giá tiêu dùng tháng 11 năm 2026 tăng 0,3%", consultation: false);
        var (draftId, draftPath) = await PublishAsync("Dự thảo Kế hoạch phổ biến thông tin thống kê năm 2027", consultation: true);
        var reader = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        await CommentAsync(reader, newsPath, Discussed);
        await CheckAccessibilityAsync(reader);
        await CommentAsync(reader, draftPath, Consulted);

        // Neither shows anywhere public before a moderator accepts it.
        foreach (var (path, text) in new[] { (newsPath, Discussed), (Discussions.PublicUrl(newsId), Discussed), (draftPath, Consulted), (Discussions.PublicUrl(draftId), Consulted) })
        {
            await reader.GotoAsync(Site.BaseUrl + path);
            var body = await reader.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Vũ Thị Đọc", body, StringComparison.Ordinal);
        }

        await reader.GotoAsync(Site.BaseUrl + "/lay-y-kien");
        await Assertions.Expect(reader.Locator("main li").Filter(new() { HasText = "Dự thảo Kế hoạch phổ biến thông tin thống kê năm 2027" }))
            .ToContainTextAsync("Đang lấy ý kiến");
        await Assertions.Expect(reader.Locator("main li").Filter(new() { HasText = "Dự thảo Kế hoạch phổ biến thông tin thống kê năm 2027" }))
            .ToContainTextAsync("0 ý kiến đã duyệt");
        await CheckAccessibilityAsync(reader);

        // A moderator of the board accepts both from the queue.
        var moderator = await SignInAsync("truongban", Password);
        await moderator.GotoAsync(Site.BaseUrl + "/admin/y-kien");
        await CheckAccessibilityAsync(moderator);
        foreach (var text in new[] { Discussed, Consulted })
        {
            var card = moderator.Locator("article.comment").Filter(new() { HasText = text });
            await card.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
            await Assertions.Expect(card).ToHaveCountAsync(0);
        }

        // Both are public now, under their items and on their comment pages.
        foreach (var (path, text) in new[] { (newsPath, Discussed), (Discussions.PublicUrl(newsId), Discussed), (draftPath, Consulted), (Discussions.PublicUrl(draftId), Consulted) })
        {
            await reader.GotoAsync(Site.BaseUrl + path);
            await Assertions.Expect(reader.Locator("ol.comments")).ToContainTextAsync(text);
            await Assertions.Expect(reader.Locator("ol.comments")).ToContainTextAsync("Vũ Thị Đọc");
            await CheckAccessibilityAsync(reader);
        }

        await reader.GotoAsync(Site.BaseUrl + "/lay-y-kien");
        await Assertions.Expect(reader.Locator("main li").Filter(new() { HasText = "Dự thảo Kế hoạch phổ biến thông tin thống kê năm 2027" }))
            .ToContainTextAsync("1 ý kiến đã duyệt");

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    /// <summary>From the item's page, the reader follows "Gửi ý kiến của bạn" and sends the comment form.</summary>
    private async Task CommentAsync(IPage reader, string itemPath, string text)
    {
        await reader.GotoAsync(Site.BaseUrl + itemPath);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Gửi ý kiến của bạn" }).ClickAsync();
        await reader.GetByLabel("Họ và tên").FillAsync("Vũ Thị Đọc");
        await reader.GetByLabel("Ý kiến (bắt buộc").FillAsync(text);
        await reader.GetByLabel("Tôi đồng ý").CheckAsync();

        // The form refuses what is sent faster than a person types (the anti-spam check).
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        await reader.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Status)).ToContainTextAsync("sẽ hiển thị sau khi được kiểm duyệt");
    }

    /// <summary>A published item of Phòng Thống kê Tổng hợp (imported, as a recipe would): a news item the board then opens for
    /// discussion, or a draft document open for consultation from yesterday for ten days. Returns its id and public path.</summary>
    private async Task<(string Id, string Path)> PublishAsync(string title, bool consultation)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var contents = services.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync(consultation ? Consultations.ContentType : "News");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Cục Thống kê tỉnh Thái Nguyên thông tin.</p>" };
        if (consultation)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            item.Content["Consultation"] = new JsonObject
            {
                ["UnitInCharge"] = new JsonObject { ["Text"] = "Phòng Thống kê Tổng hợp" },
                ["OpensAt"] = new JsonObject { ["Value"] = now.AddDays(-1) },
                ["ClosesAt"] = new JsonObject { ["Value"] = now.AddDays(10) },
            };
        }
        else
        {
            item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("tin-khac") } };
        }

        var saved = await contents.CreateForUnitAsync(item, "phong-tong-hop", owner: null);
        await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử ý kiến bạn đọc"));
        if (!consultation)
        {
            await services.GetRequiredService<Discussions>().OpenAsync(saved, "truongban", default);
        }

        var published = (await contents.GetAsync(saved.ContentItemId))!;
        return (saved.ContentItemId, "/" + published.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
    }
}
