using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;

namespace CucThongKe.Tests.Workflows;

/// <summary>The back office's notifications: the unread count in the header, the list, one or all marked read, by their owner only.</summary>
public abstract partial class NotificationPageTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string Url = "/admin/thong-bao";

    [Fact]
    public async Task The_unit_head_sees_the_unread_count_reads_the_notification_and_marks_it_read()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin chờ trưởng phòng đọc thông báo");
        await AdvanceAsync(id, (Contributor, "submit"));
        var unitHead = await SignedInAsync(UnitHead);

        var dashboard = await unitHead.GetStringAsync("/admin");
        var list = await unitHead.GetStringAsync(Url);
        var read = await PostAsync(unitHead, "Read", NotificationIds(list).Single());
        var after = await unitHead.GetStringAsync(Url);

        Assert.Contains("<a href=\"/admin/thong-bao\">Thông báo (1 chưa đọc)</a>", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/admin/quy-trinh/noi-dung/{id}", list, StringComparison.Ordinal);
        Assert.Contains("Tin chờ trưởng phòng đọc thông báo", list, StringComparison.Ordinal);
        Assert.Contains("30/11/2026 09:00", list, StringComparison.Ordinal);
        Assert.Contains("Chưa đọc", list, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, read);
        Assert.Contains("<a href=\"/admin/thong-bao\">Thông báo</a>", after, StringComparison.Ordinal);
        Assert.Contains("Đã đọc", after, StringComparison.Ordinal);
        Assert.Contains("Bạn đã đọc hết thông báo.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_notifications_are_marked_read_at_once()
    {
        await AddPeopleAsync();
        foreach (var title in new[] { "Tin thứ nhất chờ duyệt", "Tin thứ hai chờ duyệt" })
        {
            await AdvanceAsync(await CreateNewsAsync(title), (Contributor, "submit"));
        }

        var unitHead = await SignedInAsync(UnitHead);
        var before = await unitHead.GetStringAsync(Url);

        var all = await PostAsync(unitHead, "ReadAll", null);
        var after = await unitHead.GetStringAsync(Url);

        Assert.Contains("Bạn có 2 thông báo chưa đọc.", before, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, all);
        Assert.Contains("Đã đánh dấu 2 thông báo là đã đọc.", after, StringComparison.Ordinal);
        Assert.Empty(NotificationIds(after));
        Assert.DoesNotContain("chưa đọc)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_notification_cannot_be_marked_read_by_guessing_its_id()
    {
        await AddPeopleAsync();
        await AdvanceAsync(await CreateNewsAsync("Tin của phòng tổng hợp"), (Contributor, "submit"));
        var owner = await SignedInAsync(UnitHead);
        var ownerId = NotificationIds(await owner.GetStringAsync(Url)).Single();
        var other = await SignedInAsync(OtherUnitHead);

        var guessed = await PostAsync(other, "Read", ownerId);
        var withoutToken = await owner.PostAsync(Url + "?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = ownerId }));
        var otherList = await other.GetStringAsync(Url);

        AssertStatus(HttpStatusCode.NotFound, guessed);
        AssertStatus(HttpStatusCode.BadRequest, withoutToken);
        Assert.DoesNotContain("Tin của phòng tổng hợp", otherList, StringComparison.Ordinal);
        Assert.Equal([ownerId], NotificationIds(await owner.GetStringAsync(Url)));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, string? id)
    {
        // The user's own token, from a page with a form of its own.
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/admin/tai-khoan/ma-truy-cap") };
        if (id is not null)
        {
            form["id"] = id;
        }

        return await browser.PostAsync($"{Url}?handler={handler}", new FormUrlEncodedContent(form));
    }

    /// <summary>The ids of the unread notifications on the page (each has a "mark read" form).</summary>
    private static List<string> NotificationIds(string html) => [.. UnreadIdPattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex UnreadIdPattern();
}

public sealed class SqliteNotificationPageTests() : NotificationPageTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to pages and ownership checks.
