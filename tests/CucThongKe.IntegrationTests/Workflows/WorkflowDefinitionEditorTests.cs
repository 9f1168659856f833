using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>Editing a workflow definition in the back office: validated before it is saved, administrators only, antiforgery.</summary>
public abstract partial class WorkflowDefinitionEditorTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    private const string EditUrl = "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua";

    [Fact]
    public async Task An_administrator_edits_the_chain_and_the_next_step_follows_the_new_definition()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin chờ thư ký khi quy trình đổi");
        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"));
        var admin = await AdminAsync();
        var definition = await EditorJsonAsync(admin);
        var present = Transition(definition, "present");
        present["DisplayName"] = "Trưởng Ban tự nhận hồ sơ";
        present["Roles"] = new JsonArray("BoardHead");

        var saved = await PostAsync(admin, definition.ToJsonString());

        AssertStatus(HttpStatusCode.Redirect, saved);
        Assert.Equal("/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin", saved.Headers.Location?.OriginalString);
        Assert.Contains("Trưởng Ban tự nhận hồ sơ", await admin.GetStringAsync("/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin"), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await TransitionAsync(Secretary, id, "present"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(BoardHead, id, "present"));
        Assert.Equal("BoardHead", (await StatusAsync(id))["state"]!["name"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BadDefinitions => new()
    {
        { "unknown-role", "không có vai trò 'ThuTruongGiaDinh'" },
        { "no-roles", "chuyển bước 'approve' chưa có vai trò nào được phép thực hiện" },
        { "unreachable", "không có đường nào từ 'Draft' tới trạng thái 'Archive'" },
        { "no-path-to-published", "không có đường nào từ 'Draft' tới một trạng thái đã đăng (Published)" },
        { "publish-from-review", "chỉ đăng được nội dung đã duyệt: 'BoardHead' không phải trạng thái Approved" },
        { "occupied-state-removed", "trạng thái 'UnitReview' đang có 1 nội dung; không bỏ được trạng thái này" },
        { "renamed", "không đổi được mã quy trình ('quy-trinh-duyet-tin') ở đây" },
        { "unknown-property", "thuộc tính không được hỗ trợ ở đây" },
        { "broken-json", "JSON không hợp lệ ở dòng 1" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task A_bad_definition_is_refused_with_the_validators_message_and_nothing_is_saved(string kind, string message)
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin đang chờ thủ trưởng đơn vị");
        await AdvanceAsync(id, (Contributor, "submit"));
        var admin = await AdminAsync();
        var definition = await EditorJsonAsync(admin);
        var before = await StoredJsonAsync();

        var response = await PostAsync(admin, Break(definition, kind));

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa lưu: định nghĩa có lỗi.", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await StoredJsonAsync());
    }

    [Fact]
    public async Task The_check_answers_with_the_diagram_and_the_problems_without_saving()
    {
        await AddPeopleAsync();
        var admin = await AdminAsync();
        var definition = await EditorJsonAsync(admin);
        var before = await StoredJsonAsync();
        Transition(definition, "approve")["Roles"] = new JsonArray();

        var check = await PostAsync(admin, definition.ToJsonString(), "?handler=Check");
        var fragment = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());

        AssertStatus(HttpStatusCode.OK, check);
        Assert.Contains("<svg", fragment, StringComparison.Ordinal);
        Assert.Contains("chuyển bước 'approve' chưa có vai trò nào", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Equal(before, await StoredJsonAsync());
    }

    [Fact]
    public async Task Only_those_who_manage_workflows_may_edit_and_every_save_needs_the_antiforgery_token()
    {
        await AddPeopleAsync();
        var secretary = Client();
        await SignInAsync(secretary, Secretary, Password);
        var before = await StoredJsonAsync();
        var admin = await AdminAsync();
        var json = (await EditorJsonAsync(admin)).ToJsonString();
        // The secretary's own token, from a form every user has.
        var token = await AntiforgeryTokenAsync(secretary, "/admin/tai-khoan/ma-truy-cap");
        Assert.NotEmpty(token);

        var page = await secretary.GetAsync(EditUrl);
        var detail = await secretary.GetStringAsync("/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin");
        var post = await secretary.PostAsync(EditUrl, Form(token, json));
        var withoutToken = await admin.PostAsync(EditUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["Json"] = json }));

        AssertStatus(HttpStatusCode.Forbidden, page);
        AssertStatus(HttpStatusCode.Forbidden, post);
        AssertStatus(HttpStatusCode.BadRequest, withoutToken);
        Assert.DoesNotContain("/sua", detail, StringComparison.Ordinal);
        Assert.Contains(EditUrl, await admin.GetStringAsync("/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin"), StringComparison.Ordinal);
        Assert.Equal(before, await StoredJsonAsync());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        return admin;
    }

    /// <summary>The definition as the editor's field shows it.</summary>
    private static async Task<JsonObject> EditorJsonAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(EditUrl);
        var text = WebUtility.HtmlDecode(TextareaPattern().Match(html).Groups[1].Value);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string handler = "")
    {
        var token = await AntiforgeryTokenAsync(client, EditUrl);
        return await client.PostAsync(EditUrl + handler, Form(token, json));
    }

    private static FormUrlEncodedContent Form(string token, string json) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Json"] = json,
    });

    private Task<string> StoredJsonAsync() => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<WorkflowDefinitionRecord>().Where(r => r.Name == "quy-trinh-duyet-tin").Select(r => r.Json).SingleAsync());

    private static JsonObject Transition(JsonObject definition, string name) =>
        definition["Transitions"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["Name"]!.GetValue<string>() == name);

    private static JsonObject State(JsonObject definition, string name) =>
        definition["States"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["Name"]!.GetValue<string>() == name);

    /// <summary>The definition with one kind of mistake in it.</summary>
    private static string Break(JsonObject definition, string kind)
    {
        switch (kind)
        {
            case "unknown-role":
                Transition(definition, "send-to-board")["Roles"] = new JsonArray("UnitHead", "ThuTruongGiaDinh");
                break;
            case "no-roles":
                Transition(definition, "approve")["Roles"] = new JsonArray();
                break;
            case "unreachable":
                definition["States"]!.AsArray().Add(new JsonObject { ["Name"] = "Archive", ["DisplayName"] = "Lưu trữ", ["Kind"] = "Rejected" });
                break;
            case "no-path-to-published":
                definition["Transitions"]!.AsArray().Remove(Transition(definition, "publish"));
                break;
            case "publish-from-review":
                Transition(definition, "publish")["From"] = "BoardHead";
                break;
            case "occupied-state-removed":
                definition["States"]!.AsArray().Remove(State(definition, "UnitReview"));
                foreach (var t in definition["Transitions"]!.AsArray().Select(t => t!.AsObject()))
                {
                    if (t["To"]!.GetValue<string>() == "UnitReview")
                    {
                        t["To"] = "BoardSecretary";
                    }
                }

                definition["Transitions"]!.AsArray().Remove(Transition(definition, "send-to-board"));
                definition["Transitions"]!.AsArray().Remove(Transition(definition, "unit-return"));
                break;
            case "renamed":
                definition["Name"] = "quy-trinh-khac";
                break;
            case "unknown-property":
                State(definition, "Draft")["Colour"] = "đỏ";
                break;
            case "broken-json":
                return "{ \"Name\": \"quy-trinh-duyet-tin\", ";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return definition.ToJsonString();
    }

    [GeneratedRegex("<textarea id=\"definition-json\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();
}

public sealed class SqliteWorkflowDefinitionEditorTests() : WorkflowDefinitionEditorTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to a form and its validator.
