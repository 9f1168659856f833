using CucThongKe.Tests.Browser.Infrastructure;
using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser;

/// <summary>Five people in five roles take one news item from a draft to the public site, each in their own browser.</summary>
public sealed class ApprovalChainJourneyTests : LiveSiteTest
{
    private const string Password = "Demo@2026!ctk";
    private const string Title = "Hội nghị triển khai Tổng điều tra kinh tế năm 2026";

    // Two-factor sign-in has its own journey (EditorJourneyTests); here the board's roles sign in with a password.
    protected override string[] Settings => ["--Cms:Security:RequireTwoFactorForRoles=Administrator"];

    protected override Task PrepareAsync() => Site.RunRecipeAsync("workflow-people.recipe.json");

    [Fact]
    public async Task A_news_item_goes_from_the_contributor_through_the_unit_head_the_secretary_and_the_board_head_to_the_publisher_and_the_public_site()
    {
        // The contributor writes the item and sends it to the head of their unit.
        var (page, workflow) = await SignInAsync("ctv.tonghop");
        var editor = new EditorPage(page, Site.BaseUrl);
        await editor.OpenNewAsync("News");
        await editor.FillTitleAsync(Title);
        await editor.PasteIntoBodyAsync("<p>Sáng 28/11, Cục Thống kê tỉnh Thái Nguyên triển khai Tổng điều tra kinh tế năm 2026.</p>");
        await editor.ChooseAsync("Chuyên mục *", "Hoạt động của Cục");
        await editor.SaveDraftAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bản nháp")).ToBeVisibleAsync();
        await workflow.OpenFromInboxAsync(Title);
        await CheckAccessibilityAsync(page);
        await workflow.TakeStepAsync("Gửi thủ trưởng đơn vị", "Kính gửi trưởng phòng xem xét.");
        await Assertions.Expect(workflow.CurrentState).ToContainTextAsync("Chờ thủ trưởng đơn vị kiểm tra");

        // Each next person finds it in their inbox and takes their step.
        await StepAsync("tp.tonghop", "Gửi Ban Biên tập", "Đã kiểm tra số liệu.", "Thư ký Ban Biên tập tiếp nhận, tổng hợp");
        await StepAsync("thuky", "Trình Trưởng Ban", "Trình Trưởng Ban duyệt.", "Chờ Trưởng Ban Biên tập duyệt");
        await StepAsync("truongban", "Duyệt đăng", "Đồng ý đăng.", "Đã duyệt, chờ đăng");
        var publisher = await StepAsync("dangtin", "Đăng bản đã duyệt", "Đã đăng.", "Đã đăng");

        // The record on the item's page: five steps, in order, each by its person in their role.
        var record = await publisher.RecordAsync();
        Assert.Equal(5, record.Count);
        (string Step, string User, string Role)[] expected =
        [
            ("Gửi thủ trưởng đơn vị", "ctv.tonghop", "Cán bộ, cộng tác viên"),
            ("Gửi Ban Biên tập", "tp.tonghop", "Thủ trưởng đơn vị"),
            ("Trình Trưởng Ban", "thuky", "Thư ký Ban Biên tập"),
            ("Duyệt đăng", "truongban", "Trưởng Ban Biên tập"),
            ("Đăng bản đã duyệt", "dangtin", "Cán bộ quản trị, đăng tin"),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), record[i][0]);
            Assert.Equal(expected[i].Step, record[i][2]);
            Assert.StartsWith(expected[i].User + " ", record[i][4], StringComparison.Ordinal);
            Assert.Contains(expected[i].Role, record[i][4], StringComparison.Ordinal);
        }

        Assert.Equal("Đồng ý đăng.", record[3][6]);

        // Anyone, signed in or not, reads it on the public site.
        var reader = await Browser.NewPageAsync(new() { Locale = "vi-VN" });
        await reader.GotoAsync(Site.BaseUrl + "/");
        await reader.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByText("triển khai Tổng điều tra kinh tế năm 2026.")).ToBeVisibleAsync();

        Assert.True(Violations.Count == 0, string.Join(Environment.NewLine, Violations));
    }

    private async Task<(IPage Page, WorkflowPages Workflow)> SignInAsync(string userName)
    {
        var page = await SignInAsync(userName, Password);
        return (page, new WorkflowPages(page, Site.BaseUrl));
    }

    private async Task<WorkflowPages> StepAsync(string userName, string button, string comment, string nextState)
    {
        var (page, workflow) = await SignInAsync(userName);
        await workflow.OpenInboxAsync();
        await CheckAccessibilityAsync(page);
        await workflow.OpenFromInboxAsync(Title);
        await CheckAccessibilityAsync(page);
        await workflow.TakeStepAsync(button, comment);
        await Assertions.Expect(workflow.CurrentState).ToContainTextAsync(nextState);
        return workflow;
    }
}
