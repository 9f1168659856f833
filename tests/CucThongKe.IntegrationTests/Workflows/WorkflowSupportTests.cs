using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Api;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>Definitions from recipes (validation, export and import), the API's refusals, units, tokens, deadlines. Run on SQLite and PostgreSQL.</summary>
public abstract class WorkflowSupportTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    [Fact]
    public async Task The_setup_recipe_defines_the_regulations_chain_and_the_question_workflow_with_a_same_day_first_step()
    {
        await Site.WithScopeAsync(async s =>
        {
            var store = s.GetRequiredService<WorkflowDefinitionStore>();
            var chain = await store.GetAsync("quy-trinh-duyet-tin");
            var questions = await store.GetAsync("quy-trinh-hoi-dap");

            Assert.NotNull(chain);
            Assert.Equal(["News", "LegalDocument", "Publication", "SocioEconomicReport"], chain.ContentTypes);
            Assert.Equal(["Draft", "UnitReview", "BoardSecretary", "BoardHead", "Approved", "Published", "Returned", "Rejected", "Unpublished", "Archived"], chain.States.Select(x => x.Name));
            Assert.True(chain.FindTransition("send-to-board")!.SameUnitAsAuthor);
            Assert.Equal(["BoardHead"], chain.FindTransition("approve")!.Roles);
            Assert.Equal(["Publisher"], chain.FindTransition("publish")!.Roles);
            Assert.True(chain.FindTransition("unit-return")!.CommentRequired);
            Assert.NotNull(questions);
            Assert.Equal(["Question"], questions.ContentTypes);
            Assert.True(questions.FindState(questions.InitialState)!.Deadline!.SameDay);
        });
    }

    public static TheoryData<string, string, string> BadDefinitions => new()
    {
        { "workflow-transition-without-roles.recipe.json", "$.steps[1].Workflows[0].Transitions[1].Roles", "chưa có vai trò" },
        { "workflow-unknown-role.recipe.json", "$.steps[1].Workflows[0].Transitions[2].Roles[1]", "NguoiDangTin" },
        { "workflow-unreachable-state.recipe.json", "$.steps[1].Workflows[0].States[4]", "Orphan" },
        { "workflow-no-path-to-published.recipe.json", "$.steps[1].Workflows[0].Transitions", "Published" },
        { "workflow-publish-without-approval.recipe.json", "$.steps[1].Workflows[0].Transitions[2].From", "đã duyệt" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task A_bad_definition_is_refused_with_its_json_path_and_nothing_is_saved(string file, string jsonPath, string mention)
    {
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync(file));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        await Site.WithScopeAsync(async s => Assert.Null(await s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-loi")));
    }

    [Fact]
    public async Task Definitions_survive_an_export_and_import_round_trip()
    {
        var exported = await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: false)));
        var step = exported["steps"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == "WorkflowDefinitions")!.AsObject();
        var file = Path.Combine(Site.DataPath, "workflows.recipe.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["name"] = "workflows", ["steps"] = new JsonArray(step.DeepClone()) }.ToJsonString(CmsJson.Indented));

        // Run into a clean store: the import alone must rebuild the same definitions.
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            await db.Set<WorkflowDefinitionRecord>().ExecuteDeleteAsync();
            await s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeHarvester.ReadFile(file), TestDataRun);
        });
        var again = await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: false)));

        var stepAgain = again["steps"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == "WorkflowDefinitions");
        Assert.Equal(step.ToJsonString(CmsJson.Options), stepAgain!.ToJsonString(CmsJson.Options));
        Assert.Equal(2, stepAgain["Workflows"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_unknown_api_address_or_method_is_a_problem_in_json_not_the_readers_error_page()
    {
        var client = Client();

        var unknown = await client.GetAsync("/api/khong-co-dia-chi-nay");
        var wrongMethod = await client.DeleteAsync("/api/auth/token");
        var readersPage = await client.GetAsync("/khong-co-trang-nay");

        await AssertProblemAsync(HttpStatusCode.NotFound, unknown);
        // The reader's catch-all page takes any method and refuses it (400) before 405 could be told: a problem either way.
        Assert.Contains(wrongMethod.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed });
        await AssertProblemAsync(wrongMethod.StatusCode, wrongMethod);
        AssertStatus(HttpStatusCode.NotFound, readersPage);
        Assert.Equal("text/html", readersPage.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_needs_a_valid_token_and_answers_problems_in_vietnamese()
    {
        await AddPeopleAsync();
        var anonymous = await Client().GetAsync("/api/content");
        var forged = Client();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ctk_khong-phai-ma-that");
        var wrongPassword = await Client().PostAsync("/api/auth/token", Json(new { userName = Contributor, password = "Sai@mat-khau1" }));
        var missingFields = await Client().PostAsync("/api/auth/token", Json(new { userName = Contributor }));

        await AssertProblemAsync(HttpStatusCode.Unauthorized, anonymous);
        await AssertProblemAsync(HttpStatusCode.Unauthorized, await forged.GetAsync("/api/content"));
        await AssertProblemAsync(HttpStatusCode.Unauthorized, wrongPassword);
        await AssertProblemAsync(HttpStatusCode.BadRequest, missingFields);

        var token = await TokenAsync(Contributor);
        await Site.WithScopeAsync(async s =>
        {
            var stored = await s.GetRequiredService<CmsDbContext>().Set<ApiToken>().Select(t => t.TokenHash).ToListAsync();
            Assert.DoesNotContain(token, stored);
            Assert.Contains(ApiToken.Hash(token), stored);
        });
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_4xx_and_change_nothing()
    {
        await AddPeopleAsync();
        var api = await ApiAsync(Contributor);
        var id = await CreateNewsAsync("Tin thử yêu cầu sai");
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync("/api/content", new StringContent("{ không phải JSON", Encoding.UTF8, "application/json")));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync("/api/content", Json(new { contentType = 42, content = "x" })));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync("/api/content", Json(new { contentType = "News", content = new { TitlePart = new { Title = "" } }, thuocTinhLa = true })));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync("/api/content", Json(new { contentType = "KhongCo", content = new { } })));
        var invalid = await api.PostAsync("/api/content", Json(new { contentType = "News", content = new { TitlePart = new { Title = "Thiếu chuyên mục" } } }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, invalid);
        Assert.NotEmpty((await ReadAsync(invalid))["errors"]!.AsArray());
        await AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, await api.PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent("Tin rất dài", new string('x', 2 * 1024 * 1024)) })));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.GetAsync("/api/content/khongco"));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.GetAsync("/api/workflow/khongco"));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.PostAsync("/api/workflow/khongco/transitions/submit", Json(new { })));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.PostAsync($"/api/workflow/{id}/transitions/dang-ngay", Json(new { })));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync($"/api/workflow/{id}/transitions/submit", new StringContent("[1,2", Encoding.UTF8, "application/json")));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsync($"/api/workflow/{id}/transitions/submit", Json(new { comment = new string('ý', 5000) })));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PutAsync($"/api/content/{id}", Json(new { content = NewsContent("Thiếu phiên bản") })));

        Assert.Equal(before, await FootprintAsync(id));
    }

    [Fact]
    public async Task Malicious_html_is_sanitised_and_text_is_stored_in_nfc()
    {
        await AddPeopleAsync();
        var decomposed = "Thông tin".Normalize(NormalizationForm.FormD) + " thống kê";
        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new
        {
            contentType = "News",
            content = NewsContent(decomposed, "<p onclick=\"alert(1)\">Số liệu<script>alert('x')</script></p>"),
        }));

        AssertStatus(HttpStatusCode.Created, response);
        var item = await ReadAsync(response);
        Assert.Equal("Thông tin thống kê".Normalize(NormalizationForm.FormC), item["displayText"]!.GetValue<string>());
        var html = item["content"]!["HtmlBodyPart"]!["Html"]!.GetValue<string>();
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Số liệu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_sees_and_edits_only_their_units_items()
    {
        await AddPeopleAsync();
        var ours = await CreateNewsAsync("Tin Phòng Tổng hợp");
        var theirs = await CreateNewsAsync("Tin Chi cục Đại Từ", OtherContributor);
        var api = await ApiAsync(Contributor);

        var list = (await ReadAsync2(await api.GetAsync("/api/content?type=News"))).Select(x => x!["contentItemId"]!.GetValue<string>()).ToList();
        var filtered = (await ReadAsync2(await api.GetAsync("/api/content?state=Draft&unit=phong-tong-hop"))).Select(x => x!["contentItemId"]!.GetValue<string>()).ToList();
        var boardView = (await ReadAsync2(await (await ApiAsync(Secretary)).GetAsync("/api/content?unit=chi-cuc-huyen-dai-tu"))).Select(x => x!["contentItemId"]!.GetValue<string>()).ToList();

        Assert.Equal([ours], list);
        Assert.Equal([ours], filtered);
        Assert.Equal([theirs], boardView);
        await AssertProblemAsync(HttpStatusCode.Forbidden, await api.GetAsync("/api/content?unit=chi-cuc-huyen-dai-tu"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await api.GetAsync($"/api/content/{theirs}"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await api.GetAsync($"/api/workflow/{theirs}"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await api.PutAsync($"/api/content/{theirs}", Json(new { expectedVersion = 1, content = NewsContent("Sửa tin đơn vị khác") })));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Contributor, theirs, "submit"));
        Assert.Equal("Draft|0|false||1", await FootprintAsync(theirs));
    }

    [Fact]
    public async Task A_question_not_reported_within_the_day_is_escalated_to_the_unit_head_and_tops_the_inbox()
    {
        await AddPeopleAsync();
        var create = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new
        {
            contentType = "Question",
            content = new
            {
                TitlePart = new { Title = "Hỏi về số liệu dân số huyện Đại Từ" },
                Question = new { AskerName = new { Text = "Nguyễn Văn Dân" }, Question = new { Text = "Xin cho biết dân số trung bình năm 2025?" } },
            },
        }));
        AssertStatus(HttpStatusCode.Created, create);
        var question = (await ReadAsync(create))["contentItemId"]!.GetValue<string>();
        var news = await CreateNewsAsync("Tin chờ thủ trưởng");
        await AdvanceAsync(news, (Contributor, "submit"));
        var status = await StatusAsync(question, Contributor);

        // Created Monday 09:00 in Vietnam: due at midnight, 17:00 UTC.
        Assert.Equal("quy-trinh-hoi-dap", status["workflow"]!["name"]!.GetValue<string>());
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), status["dueUtc"]!.GetValue<DateTime>());
        var early = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync());
        Assert.Equal(0, early);

        Clock.Advance(TimeSpan.FromHours(16));
        var escalated = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync());
        var again = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowEscalation>().EscalateOverdueAsync());

        Assert.Equal(1, escalated);
        Assert.Equal(0, again);
        await Site.WithScopeAsync(async s =>
        {
            var notifier = s.GetRequiredService<WorkflowNotifier>();
            var toUnitHead = await notifier.ListAsync(UnitHead, 20);
            Assert.Single(toUnitHead, n => n.Reason == "deadline" && n.ContentItemId == question);
            Assert.DoesNotContain(await notifier.ListAsync(OtherUnitHead, 20), n => n.Reason == "deadline");
            var inbox = await s.GetRequiredService<WorkflowInbox>().InboxAsync(new WorkflowActor(Contributor, "phong-tong-hop", new HashSet<string> { "Contributor" }));
            Assert.Equal(question, inbox[0].Instance.ContentItemId);
            Assert.True(inbox[0].Overdue);
        });
    }

    private static async Task<JsonArray> ReadAsync2(HttpResponseMessage response)
    {
        AssertStatus(HttpStatusCode.OK, response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}

/// <summary>Deadlines in working days, Vietnam time; no site needed.</summary>
public sealed class DeadlineCalculatorTests
{
    [Theory]
    [InlineData("2026-11-27T03:00:00Z", 1, "2026-11-30T03:00:00Z")]
    [InlineData("2026-11-30T02:00:00Z", 2, "2026-12-02T02:00:00Z")]
    [InlineData("2026-11-28T03:00:00Z", 1, "2026-11-30T03:00:00Z")]
    public void Working_days_skip_the_weekend(string entered, int days, string due)
    {
        var result = DeadlineCalculator.DueUtc(new WorkflowDeadline { WorkingDays = days }, DateTime.Parse(entered, null, System.Globalization.DateTimeStyles.AdjustToUniversal), new WorkingCalendar());

        Assert.Equal(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal), result);
    }
}

public sealed class SqliteWorkflowSupportTests() : WorkflowSupportTests(DatabaseProvider.Sqlite);

public sealed class PostgresWorkflowSupportTests() : WorkflowSupportTests(DatabaseProvider.Postgres);
