using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>
/// Every refusal a module declares in the failure table (Core/Hosting/FailureStatuses) answers its status, with its
/// title and words, on the JSON API and on the back-office pages that save or take a step: never a 500, nothing saved.
/// A content handler armed by the test throws each declared exception from inside the engine's save and publication.
/// </summary>
public abstract class RefusalStatusTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private readonly ArmedFailure _armed = new();

    /// <summary>Each declared exception: its status, its problem title, the problem's detail and the words a page shows.</summary>
    private static readonly (string Name, Func<Exception> Make, HttpStatusCode Status, string Title, string Detail, string Shown)[] Refusals =
    [
        ("ContentValidationException", () => new ContentValidationException([new ContentValidationError("TitlePart.Title", "Tiêu đề thử bị từ chối.")]),
            HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ", "Nội dung không hợp lệ.", "Tiêu đề thử bị từ chối."),
        ("ContentConflictException", () => new ContentConflictException("x", 1, 2),
            HttpStatusCode.Conflict, "Xung đột", new ContentConflictException("x", 1, 2).Message, new ContentConflictException("x", 1, 2).Message),
        ("ContentPublishRefusedException", () => new ContentPublishRefusedException("Đăng bị từ chối để thử."),
            HttpStatusCode.Forbidden, "Không được phép", "Đăng bị từ chối để thử.", "Đăng bị từ chối để thử."),
        ("ContentNotFoundException", () => new ContentNotFoundException("khong-co"),
            HttpStatusCode.NotFound, "Không tìm thấy", "Không tìm thấy nội dung 'khong-co'.", "Không tìm thấy nội dung 'khong-co'."),
        ("WorkflowForbiddenException", () => new WorkflowForbiddenException("Bước thử bị cấm."),
            HttpStatusCode.Forbidden, "Không được phép", "Bước thử bị cấm.", "Bước thử bị cấm."),
        ("WorkflowNotFoundException", () => new WorkflowNotFoundException("Không có bước thử."),
            HttpStatusCode.NotFound, "Không tìm thấy", "Không có bước thử.", "Không có bước thử."),
        ("WorkflowConflictException", () => new WorkflowConflictException("Bước thử xung đột."),
            HttpStatusCode.Conflict, "Xung đột", "Bước thử xung đột.", "Bước thử xung đột."),
        ("WorkflowInputException", () => new WorkflowInputException("Thiếu ý kiến thử."),
            HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ", "Thiếu ý kiến thử.", "Thiếu ý kiến thử."),
        ("DbUpdateConcurrencyException", () => new DbUpdateConcurrencyException("lost a race"),
            HttpStatusCode.Conflict, "Xung đột", "Người khác vừa thay đổi nội dung này trước bạn. Hãy tải lại.", "Người khác vừa thay đổi nội dung này trước bạn. Hãy tải lại."),
    ];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(_armed);
        services.AddContentHandler<ArmedFailureHandler>();
    }

    [Fact]
    public void The_table_holds_every_declared_refusal_and_nothing_else_answers()
    {
        var table = Site.Services.GetRequiredService<FailureStatuses>();

        foreach (var refusal in Refusals)
        {
            var failure = table.Describe(refusal.Make());
            Assert.True(failure is not null, refusal.Name);
            Assert.Equal((int)refusal.Status, failure.Status);
            Assert.Equal(refusal.Title, failure.Title);
            Assert.Equal(refusal.Shown, failure.Message);
        }

        Assert.Null(table.Describe(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task Each_refusal_of_a_save_through_the_API_answers_its_problem_and_saves_nothing()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin thử các lời từ chối");
        var api = await ApiAsync(Contributor);

        foreach (var refusal in Refusals)
        {
            _armed.Next = refusal.Make;
            var response = await api.PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Tin thử các lời từ chối (sửa)") }));
            _armed.Next = null;

            Assert.True(refusal.Status == response.StatusCode, $"{refusal.Name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await AssertProblemAsync(refusal.Status, response);
            var problem = await ReadAsync(response);
            Assert.Equal(refusal.Title, problem["title"]!.GetValue<string>());
            Assert.Equal(refusal.Detail, problem["detail"]!.GetValue<string>());
            if (refusal.Name == "ContentValidationException")
            {
                var error = Assert.Single(problem["errors"]!.AsArray())!;
                Assert.Equal("TitlePart.Title", error["path"]!.GetValue<string>());
                Assert.Equal("Tiêu đề thử bị từ chối.", error["message"]!.GetValue<string>());
            }

            Assert.Equal(1, (await StatusAsync(id))["contentVersion"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Each_refusal_of_a_save_in_the_editor_answers_its_status_and_shows_its_words_on_the_filled_form()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin thử các lời từ chối");
        var browser = await SignedInAsync(Contributor);
        var token = await AntiforgeryTokenAsync(browser, $"/admin/contents/{id}/edit");

        foreach (var refusal in Refusals)
        {
            _armed.Next = refusal.Make;
            var response = await browser.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["version"] = "1",
                ["TitlePart.Title"] = "Tin thử các lời từ chối (bản sửa trên trang)",
                ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
                ["HtmlBodyPart.Html"] = "<p>Nội dung sửa trên trang.</p>",
            }));
            _armed.Next = null;

            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(refusal.Status == response.StatusCode, $"{refusal.Name}: {response.StatusCode}");
            Assert.Contains(refusal.Shown, html, StringComparison.Ordinal);
            // The form keeps what the person typed.
            Assert.Contains("Tin thử các lời từ chối (bản sửa trên trang)", html, StringComparison.Ordinal);
            Assert.Equal(1, (await StatusAsync(id))["contentVersion"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Each_refusal_of_a_new_item_in_the_editor_answers_its_status_and_shows_its_words()
    {
        await AddPeopleAsync();
        var browser = await SignedInAsync(Contributor);
        var token = await AntiforgeryTokenAsync(browser, "/admin/contents/create/News");
        var before = await DatabaseSnapshot.TakeAsync(Site, "SignInAudit");

        foreach (var refusal in Refusals)
        {
            _armed.Next = refusal.Make;
            var response = await browser.PostAsync("/admin/contents/create/News", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["TitlePart.Title"] = "Tin mới bị từ chối",
                ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
                ["HtmlBodyPart.Html"] = "<p>Nội dung tin mới.</p>",
            }));
            _armed.Next = null;

            Assert.True(refusal.Status == response.StatusCode, $"{refusal.Name}: {response.StatusCode}");
            Assert.Contains(refusal.Shown, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site, "SignInAudit");
    }

    [Fact]
    public async Task Each_refusal_of_a_step_on_the_workflow_page_answers_its_status_and_says_nothing_was_saved()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin thử từ chối khi đăng");
        await AdvanceAsync(id, ToApproved);
        var footprint = await FootprintAsync(id);
        var browser = await SignedInAsync(Publisher);
        var token = await AntiforgeryTokenAsync(browser, $"/admin/quy-trinh/noi-dung/{id}");

        foreach (var refusal in Refusals)
        {
            // Thrown while the approved version is published, inside the step's transaction.
            _armed.Next = refusal.Make;
            var response = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["transition"] = "publish",
                ["expectedVersion"] = "1",
            }));
            _armed.Next = null;

            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(refusal.Status == response.StatusCode, $"{refusal.Name}: {response.StatusCode}");
            Assert.Contains(refusal.Shown + " Không có thay đổi nào được lưu.", html, StringComparison.Ordinal);
            Assert.Equal(footprint, await FootprintAsync(id));
        }
    }

    /// <summary>The exception the next save or publication throws, set by the test.</summary>
    private sealed class ArmedFailure
    {
        public Func<Exception>? Next { get; set; }
    }

    private sealed class ArmedFailureHandler(ArmedFailure armed) : IContentHandler
    {
        public Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken) => ThrowIfArmed();

        public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => ThrowIfArmed();

        private Task ThrowIfArmed() => armed.Next is { } next ? throw next() : Task.CompletedTask;
    }
}

// SQLite only: the table and the answers do not depend on the database.
public sealed class SqliteRefusalStatusTests() : RefusalStatusTests(DatabaseProvider.Sqlite);
