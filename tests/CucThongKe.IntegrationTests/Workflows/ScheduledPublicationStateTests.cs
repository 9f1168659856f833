using System.Net;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>An item published for a later release time reads "scheduled" (with the time in Vietnam time) until it is really public.</summary>
public abstract class ScheduledPublicationStateTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    [Fact]
    public async Task A_publication_scheduled_for_later_shows_as_scheduled_until_its_time_passes()
    {
        await AddPeopleAsync();
        // Two days after the test's Monday 09:00: Wednesday 02/12/2026 09:00 in Vietnam.
        var release = Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var id = await CreateScheduledNewsAsync("Thông cáo báo chí tình hình kinh tế tháng 11", release);
        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);
        const string label = "Đã lên lịch đăng lúc 02/12/2026 09:00 (giờ Việt Nam)";

        var waiting = await StatusAsync(id);
        var page = WebUtility.HtmlDecode(await (await SignedInAsync(Publisher)).GetStringAsync($"/admin/quy-trinh/noi-dung/{id}"));
        var authorsNote = WebUtility.HtmlDecode(await (await SignedInAsync(Contributor)).GetStringAsync("/admin/thong-bao"));
        var publisher = await SignedInAsync(Publisher);
        var list = WebUtility.HtmlDecode(await publisher.GetStringAsync("/admin/contents?type=News"));
        var editor = WebUtility.HtmlDecode(await publisher.GetStringAsync($"/admin/contents/{id}/edit"));
        Clock.Advance(TimeSpan.FromDays(1));
        var dayBefore = await StatusAsync(id);
        Clock.Set(release.AddMinutes(1));
        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishDueAsync(Clock.GetUtcNow().UtcDateTime));
        var released = await StatusAsync(id);
        // Two days on, the sign-in cookie has expired: a new sign-in.
        var pageAfter = WebUtility.HtmlDecode(await (await SignedInAsync(Publisher)).GetStringAsync($"/admin/quy-trinh/noi-dung/{id}"));

        Assert.Equal("Published", waiting["state"]!["name"]!.GetValue<string>());
        Assert.False(waiting["published"]!.GetValue<bool>());
        Assert.Equal(release, waiting["scheduledPublishUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(label, waiting["stateLabel"]!.GetValue<string>());
        Assert.Contains("<strong>Bước hiện tại:</strong> " + label, page, StringComparison.Ordinal);
        Assert.Contains("chưa đăng, sẽ tự đăng đúng giờ đã hẹn", page, StringComparison.Ordinal);
        Assert.Contains("chuyển sang bước '" + label + "'", authorsNote, StringComparison.Ordinal);
        Assert.Equal(label, dayBefore["stateLabel"]!.GetValue<string>());
        // The back office's list and editor say the same, not "Bản nháp".
        Assert.Contains("Đã lên lịch đăng lúc 02/12/2026 09:00 · v", list, StringComparison.Ordinal);
        Assert.Contains("đã lên lịch đăng lúc 02/12/2026 09:00 (giờ Việt Nam)", editor, StringComparison.Ordinal);
        Assert.True(released["published"]!.GetValue<bool>());
        Assert.Null(released["scheduledPublishUtc"]);
        Assert.Equal("Đã đăng", released["stateLabel"]!.GetValue<string>());
        Assert.Contains("<strong>Bước hiện tại:</strong> Đã đăng", pageAfter, StringComparison.Ordinal);
        Assert.Contains("đang đăng công khai", pageAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_without_a_release_time_is_published_at_once_and_says_so()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin đăng ngay sau khi duyệt");

        await AdvanceAsync(id, [.. ToApproved, (Publisher, "publish")]);

        var status = await StatusAsync(id);
        Assert.True(status["published"]!.GetValue<bool>());
        Assert.Null(status["scheduledPublishUtc"]);
        Assert.Equal("Đã đăng", status["stateLabel"]!.GetValue<string>());
    }

}

public sealed class SqliteScheduledPublicationStateTests() : ScheduledPublicationStateTests(DatabaseProvider.Sqlite);

public sealed class PostgresScheduledPublicationStateTests() : ScheduledPublicationStateTests(DatabaseProvider.Postgres);
