using System.Globalization;
using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>Issue 13: a citizen's question reaches the unit chosen the same day (Điều 9.3), its head sees it with the deadline
/// and the notice, the answer goes through the chain (Điều 9.5.b), and the citizen reads it by the tracking code.</summary>
[Collection(CitizensSite.Collection)]
public sealed class CitizenQuestionJourneyTests(CitizensSite people) : LiveSiteTest(people.Site)
{
    private const string Password = "Demo@2026!ctk";
    private const string Question = "Xin cho biết số doanh nghiệp đang hoạt động trên địa bàn tỉnh Thái Nguyên năm 2025 là bao nhiêu?";

    [Fact]
    public async Task A_question_sent_to_a_unit_reaches_its_head_the_same_day_goes_through_the_chain_and_the_citizen_reads_the_answer_by_its_code()
    {
        // The citizen asks, choosing the unit.
        var citizen = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var form = new CitizenFormPages(citizen, Site.BaseUrl, "/hoi-dap");
        await form.OpenAsync("/hoi-dap/gui-cau-hoi");
        await CheckAccessibilityAsync(citizen);
        await form.SendAsync("Đỗ Thị Hỏi", "do.hoi@example.vn", "Phòng Thống kê Tổng hợp", "Câu hỏi (bắt buộc", Question, "Gửi câu hỏi");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Cục đã nhận câu hỏi của bạn");
        var code = await form.TrackingCodeAsync();

        // The unit's head finds it in the inbox, due at the end of the day it arrived, and was notified of it.
        var (head, headFlow) = await SignInAsync("tp.tonghop");
        await headFlow.OpenInboxAsync();
        await CheckAccessibilityAsync(head);
        var row = head.Locator("tbody tr").Filter(new() { Has = head.GetByRole(AriaRole.Link, new() { Name = Question, Exact = true }) });
        var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal("Câu hỏi mới, chờ báo cáo thủ trưởng đơn vị (Quy trình trả lời hỏi đáp)", cells[2]);
        var received = DateTime.ParseExact(cells[3], "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(received.Date.AddDays(1).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), cells[4].Split('\n')[0].Trim());
        var itemLink = await row.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        await head.GotoAsync(Site.BaseUrl + "/admin/thong-bao");
        await Assertions.Expect(head.Locator($"main a[href='{itemLink}']").First).ToBeVisibleAsync();

        // The unit's staff write the answer and report it to the head.
        var (writer, writerFlow) = await SignInAsync("ctv.tonghop");
        await writer.GotoAsync(Site.BaseUrl + itemLink!.Replace("/admin/quy-trinh/noi-dung/", "/admin/contents/", StringComparison.Ordinal) + "/edit");
        var answer = writer.Locator("div:has(> textarea[name*='Answer']) .jodit-wysiwyg");
        await answer.ClickAsync();
        await answer.EvaluateAsync(
            "(el, html) => { const data = new DataTransfer(); data.setData('text/html', html); data.setData('text/plain', html); el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            "<p>Năm 2025, toàn tỉnh có 7.950 doanh nghiệp đang hoạt động có kết quả sản xuất kinh doanh.</p>");
        await new EditorPage(writer, Site.BaseUrl).SaveDraftAsync();
        await Assertions.Expect(writer.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        await writerFlow.OpenFromInboxAsync(Question);
        await writerFlow.TakeStepAsync("Gửi thủ trưởng đơn vị", "Kính gửi trưởng phòng câu trả lời.");

        // The head sends it to the board; the secretary presents it; the board's head approves; the publisher posts it.
        await StepAsync(headFlow, head, "Gửi Ban Biên tập", "Đã kiểm tra số liệu.", "Thư ký Ban Biên tập tiếp nhận, tổng hợp");
        await StepAsync("thuky", "Trình Trưởng Ban", "Trình Trưởng Ban duyệt.", "Chờ Trưởng Ban Biên tập duyệt");
        await StepAsync("truongban", "Duyệt đăng", "Đồng ý đăng.", "Đã duyệt, chờ đăng");
        await StepAsync("dangtin", "Đăng bản đã duyệt", "Đã đăng.", "Đã đăng");

        // Later, with only the code, the citizen reads the answer; their name is nowhere on it.
        var later = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        var status = new CitizenFormPages(later, Site.BaseUrl, "/hoi-dap");
        await status.CheckStatusAsync("Mã số câu hỏi", code);
        Assert.Equal("Đã trả lời", await status.FactAsync("Tình trạng"));
        await CheckAccessibilityAsync(later);
        await later.GetByRole(AriaRole.Link, new() { Name = "Xem câu trả lời" }).ClickAsync();
        await Assertions.Expect(later.GetByText("toàn tỉnh có 7.950 doanh nghiệp đang hoạt động")).ToBeVisibleAsync();
        Assert.DoesNotContain("Đỗ Thị Hỏi", await later.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    private async Task<(IPage Page, WorkflowPages Workflow)> SignInAsync(string userName)
    {
        var page = await SignInAsync(userName, Password);
        return (page, new WorkflowPages(page, Site.BaseUrl));
    }

    private async Task StepAsync(string userName, string button, string comment, string nextState)
    {
        var (page, workflow) = await SignInAsync(userName);
        await StepAsync(workflow, page, button, comment, nextState);
    }

    private async Task StepAsync(WorkflowPages workflow, IPage page, string button, string comment, string nextState)
    {
        await workflow.OpenFromInboxAsync(Question);
        await CheckAccessibilityAsync(page);
        await workflow.TakeStepAsync(button, comment);
        await Assertions.Expect(workflow.CurrentState).ToContainTextAsync(nextState);
    }
}
