using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// The threat the regulation is written against (Điều 9.5c, 14, 15): a governed item reaching the public without its
/// unit head, the board secretary and the board head having passed it. Every role of the chain, and the administrator,
/// tries every way in that could publish a draft at once — the editor's publish button, the workflow page, the JSON
/// API's steps out of turn, emergency publication without its permission, a crafted schedule for the background job —
/// and each attempt fails and leaves every table as it was.
/// </summary>
/// <remarks>
/// The other ways in have their own classes: recipes (<see cref="RecipeImportTests"/>), one person playing several
/// gates (<see cref="SeparationOfDutiesTests"/>), a change after a gate (<see cref="ChangeAfterGateTests"/>), another
/// unit's item (<see cref="UnitOwnershipTests"/>), every back-office page × role (BackOffice/PermissionMatrixTests).
/// </remarks>
public sealed class PublishingWithoutTheChainTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    /// <summary>Rows every attempt may touch without publishing anything: the sign-in log and a token's last use.</summary>
    private static readonly string[] Bookkeeping = ["SignInAudit", "ApiTokens.LastUsedUtc"];

    /// <summary>Steps that would take a draft towards the public in one go, each tried by everyone.</summary>
    private static readonly string[] OutOfTurn = ["approve", "publish", "present", "send-to-board"];

    public static TheoryData<string> People => [Contributor, UnitHead, Secretary, BoardHead, Publisher, TestSite.AdminUserName];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Nobody_publishes_a_draft_from_the_editor_the_workflow_page_the_API_or_the_emergency_form(string person)
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin chưa qua duyệt: không ai đăng thẳng được");
        var api = await ApiAsync(person);
        var browser = person == TestSite.AdminUserName ? await AdminAsync() : await SignedInAsync(person);
        var before = await DatabaseSnapshot.TakeAsync(Site, Bookkeeping);

        var editor = await browser.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/admin/contents/{id}/edit"),
            ["version"] = "1", ["intent"] = "publish", ["TitlePart.Title"] = "Tin chưa qua duyệt: không ai đăng thẳng được",
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
        }));
        var token = await AntiforgeryTokenAsync(browser, "/admin/tai-khoan/ma-truy-cap");
        var workflowPage = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["transition"] = "publish", ["expectedVersion"] = "1",
        }));
        var emergency = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}?handler=Emergency", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["reason"] = "Cần đăng ngay, không kịp chờ Ban Biên tập duyệt theo quy trình.",
        }));
        var steps = new List<HttpResponseMessage>();
        foreach (var transition in OutOfTurn)
        {
            steps.Add(await api.PostAsync($"/api/workflow/{id}/transitions/{transition}", Json(new { comment = "Đồng ý.", expectedVersion = 1 })));
        }

        // The editor refuses or saves without publishing; nothing else may succeed at all.
        Assert.True((int)editor.StatusCode is 400 or 403 or 409, $"editor publish: {editor.StatusCode}");
        Assert.True((int)workflowPage.StatusCode is 400 or 403 or 409, $"workflow page publish: {workflowPage.StatusCode}");
        Assert.True((int)emergency.StatusCode is 400 or 403, $"emergency: {emergency.StatusCode}");
        Assert.All(steps, s => Assert.True((int)s.StatusCode is 403 or 409, $"{s.RequestMessage!.RequestUri}: {s.StatusCode}"));
        await before.AssertUnchangedAsync(Site, Bookkeeping);
    }

    [Fact]
    public async Task A_crafted_schedule_for_an_unapproved_version_is_refused_by_the_background_job()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin có lịch đăng giả mạo");
        await AdvanceAsync(id, ToBoardHead);
        var now = Clock.GetUtcNow().UtcDateTime;
        await Site.WithScopeAsync(async s =>
        {
            // Someone with the database (or a bug) writes a due schedule for the latest version, which nobody approved.
            var db = s.GetRequiredService<CmsDbContext>();
            var latest = await db.Set<ContentItem>().SingleAsync(c => c.ContentItemId == id && c.Latest);
            db.Add(new ScheduledPublication
            {
                ContentItemId = id, ContentItemVersionId = latest.Id, PublishUtc = now.AddMinutes(-1), Source = PublishSource.GoverningProcess,
                RequestedBy = Publisher, CreatedUtc = now.AddMinutes(-2),
            });
            await db.SaveChangesAsync();
        });

        var published = await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishDueAsync(now, CancellationToken.None));

        Assert.Equal(0, published);
        var (isPublic, outcome) = await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            return (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == id && c.Published),
                await db.Set<ScheduledPublication>().Where(p => p.ContentItemId == id).Select(p => p.Outcome).SingleAsync());
        });
        Assert.False(isPublic);
        Assert.False(string.IsNullOrWhiteSpace(outcome));
        Assert.Equal("BoardHead", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, TestSite.AdminUserName, TestSite.AdminPassword));
        return browser;
    }
}
