using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;

namespace CucThongKe.Tests.BackOffice;

/// <summary>The dashboard (/admin): the signed-in user's profile and what waits for them in the approval chain.</summary>
public abstract partial class DashboardTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private async Task<string> DashboardOfAsync(string userName)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, userName, Password));
        var response = await client.GetAsync("/admin");
        AssertStatus(HttpStatusCode.OK, response);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_user_sees_their_name_roles_and_unit()
    {
        await AddPeopleAsync();

        var html = await DashboardOfAsync(UnitHead);

        Assert.Contains("<h2>Hồ sơ của tôi</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Họ tên</dt>\n                        <dd>Nguyễn Văn Nam</dd>", html.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<dd>Thủ trưởng đơn vị</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Phòng Thống kê Tổng hợp</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>tp.tonghop@example.vn</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_head_sees_how_many_items_wait_for_them_and_the_oldest_first()
    {
        await AddPeopleAsync();
        var titles = new List<string>();
        for (var i = 1; i <= InboxCount; i++)
        {
            var title = $"Tin chờ kiểm tra số {i}";
            var id = await CreateNewsAsync(title);
            await AdvanceAsync(id, (Contributor, "submit"));
            titles.Add(title);
            Clock.Advance(TimeSpan.FromMinutes(30));
        }

        await CreateNewsAsync("Bản nháp chưa gửi");
        await AdvanceAsync(await CreateNewsAsync("Tin của Đại Từ", OtherContributor), (OtherContributor, "submit"));

        var html = await DashboardOfAsync(UnitHead);
        var otherUnitHead = await DashboardOfAsync(OtherUnitHead);
        var publisher = await DashboardOfAsync(Publisher);

        Assert.Contains($"{InboxCount} nội dung đang chờ bạn xử lý.", html, StringComparison.Ordinal);
        var listed = ListedTitles().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(titles.Take(5), listed);
        Assert.Contains("<a href=\"/admin/quy-trinh\">Xem tất cả việc chờ xử lý</a>", html, StringComparison.Ordinal);
        Assert.Contains("1 nội dung đang chờ bạn xử lý.", otherUnitHead, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin chờ kiểm tra", otherUnitHead, StringComparison.Ordinal);
        Assert.Contains("Không có nội dung nào đang chờ bạn.", publisher, StringComparison.Ordinal);
    }

    private const int InboxCount = 6;

    [GeneratedRegex("<a href=\"/admin/quy-trinh/noi-dung/[0-9a-f]{32}\">([^<]+)</a>")]
    private static partial Regex ListedTitles();
}

public sealed class SqliteDashboardTests() : DashboardTests(DatabaseProvider.Sqlite);

// SQLite only: the dashboard's inbox is the inbox query PostgresWorkflowChainTests runs on PostgreSQL.
