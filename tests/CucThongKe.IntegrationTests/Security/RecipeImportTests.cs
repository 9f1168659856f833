using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// Recipes are no way around the approval chain or the accounts: the back office cannot import published items of a
/// governed type, overwrite an item, write history in someone else's name, touch accounts, widen roles or workflows;
/// a migration (setup, or the command line with <c>--legacy-import</c>) records the person who ran it.
/// </summary>
/// <remarks>The refused back-office uploads share one site per class (<paramref name="shared"/>: the news imported and
/// the administrator signed in once); each is still compared before and after on it. The other tests keep their own.</remarks>
public abstract class RecipeImportTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    private const string NewsPath = "/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026";
    private const string OldBody = "Nội dung tin.";
    private const string NewBody = "Nội dung đã bị thay bằng công thức.";

    /// <summary>
    /// Uploads that tried to publish, overwrite, impersonate, or widen roles and workflows from the back office; each is
    /// refused with a Vietnamese message naming what is refused. <c>{existing}</c> is the id of a published news item.
    /// </summary>
    public static TheoryData<string, string, string> BackOfficeAttacks => new()
    {
        {
            "legacy-import",
            """
            { "name": "legacy-import", "steps": [ { "name": "Content", "LegacyImport": true, "Data": [
                { "ContentItemId": "{existing}", "ContentType": "News", "Published": true, "TitlePart": { "Title": "Hội nghị triển khai Tổng điều tra kinh tế năm 2026" },
                  "HtmlBodyPart": { "Html": "<p>Nội dung đã bị thay bằng công thức.</p>" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } },
                { "ContentType": "News", "Published": true, "Author": "ctv.tonghop", "TitlePart": { "Title": "Tin đăng lén qua công thức" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """,
            "--legacy-import"
        },
        {
            "published-without-flag",
            """
            { "name": "published-without-flag", "steps": [ { "name": "Content", "Data": [
                { "ContentType": "News", "Published": true, "TitlePart": { "Title": "Tin đăng lén qua công thức" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """,
            "chỉ được đăng qua quy trình duyệt"
        },
        {
            "publish-later-without-flag",
            """
            { "name": "publish-later-without-flag", "steps": [ { "name": "Content", "Data": [
                { "ContentType": "News", "Published": true, "PublishLaterPart": { "ScheduledPublishUtc": "2030-01-01T00:00:00Z" }, "TitlePart": { "Title": "Tin hẹn giờ lén" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """,
            "chỉ được đăng qua quy trình duyệt"
        },
        {
            "new-draft-version-of-existing",
            """
            { "name": "new-draft-version-of-existing", "steps": [ { "name": "Content", "Data": [
                { "ContentItemId": "{existing}", "ContentType": "News", "TitlePart": { "Title": "Bản nháp chen vào" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """,
            "không ghi đè nội dung có sẵn"
        },
        {
            "draft-in-another-name",
            """
            { "name": "draft-in-another-name", "steps": [ { "name": "Content", "Data": [
                { "ContentType": "News", "Author": "ctv.tonghop", "AuthorUnitId": "phong-tong-hop", "TitlePart": { "Title": "Tin viết hộ" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """,
            "không được đặt 'Author'"
        },
        {
            "ungovern-then-publish",
            """
            { "name": "ungovern-then-publish", "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "News", "DisplayName": "Tin tức", "Parts": [ { "Name": "TitlePart" } ], "Settings": { } } ] },
                { "name": "Content", "Data": [ { "ContentType": "News", "Published": true, "TitlePart": { "Title": "Tin đăng lén khi bỏ quy trình" } } ] } ] }
            """,
            "không được đổi quy trình duyệt của loại có sẵn 'News'"
        },
        {
            "declassify-then-publish",
            """
            { "name": "declassify-then-publish", "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "LegalDocument", "DisplayName": "Văn bản", "Parts": [ { "Name": "TitlePart" }, { "Name": "AutoroutePart" }, { "Name": "SummaryPart" }, { "Name": "HtmlBodyPart" }, { "Name": "PublishLaterPart" }, { "Name": "LegalDocument" } ],
                  "Settings": { "Workflow": "quy-trinh-duyet-tin", "RelatedItems": { "TaxonomyField": "LegalDocument.Field" } } } ] } ] }
            """,
            "không được đổi thiết lập 'Confidentiality' của loại có sẵn 'LegalDocument'"
        },
        {
            "make-feedback-publishable",
            """
            { "name": "make-feedback-publishable", "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Feedback", "DisplayName": "Góp ý", "Parts": [ { "Name": "TitlePart" }, { "Name": "Feedback" } ], "Settings": { } } ] } ] }
            """,
            "không được đổi việc cho đăng của loại có sẵn 'Feedback'"
        },
        {
            "new-account-in-the-chain",
            """
            { "name": "new-account-in-the-chain", "steps": [ { "name": "Users", "Users": [
                { "UserName": "admin.dangtin", "Password": "Demo@2026!ctk", "UnitId": "phong-tong-hop", "Roles": [ "Publisher" ] } ] } ] }
            """,
            "không được tạo hay sửa tài khoản"
        },
        {
            "existing-account-taken-over",
            """
            { "name": "existing-account-taken-over", "steps": [ { "name": "Users", "Users": [
                { "UserName": "ctv.tonghop", "Password": "Moi@2026!ctk", "Email": "ke-gian@example.com", "UnitId": "phong-tong-hop", "Roles": [ "Contributor", "BoardHead" ] } ] } ] }
            """,
            "không được tạo hay sửa tài khoản"
        },
        {
            "emergency-publish-role",
            """
            { "name": "emergency-publish-role", "steps": [ { "name": "Roles", "Roles": [
                { "Name": "DangKhan", "DisplayName": "Đăng khẩn", "Permissions": [ "AccessAdmin", "EmergencyPublish" ] } ] } ] }
            """,
            "không được cấp quyền 'EmergencyPublish'"
        },
        {
            "widened-existing-role",
            """
            { "name": "widened-existing-role", "steps": [ { "name": "Roles", "Roles": [
                { "Name": "Contributor", "DisplayName": "Cộng tác viên", "Permissions": [ "AccessAdmin", "EditContent", "ManageRecipes" ] } ] } ] }
            """,
            "không được đổi quyền của vai trò có sẵn 'Contributor'"
        },
    };

    [Theory]
    [MemberData(nameof(BackOfficeAttacks))]
    public async Task A_back_office_recipe_cannot_publish_overwrite_impersonate_or_widen_and_changes_nothing(string name, string recipe, string mention)
    {
        // One sign-in for every row: the account's sign-in limit (ten a minute) would refuse one per row.
        var (site, (existing, client)) = await shared.GetAsync(Provider, async site =>
        {
            var news = await ImportNewsAsync(site);
            var admin = ClientOf(site);
            await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword);
            return (news, admin);
        });
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");
        var before = await DatabaseSnapshot.TakeAsync(site);

        var response = await UploadAsync(client, token, name + ".recipe.json", recipe.Replace("{existing}", existing, StringComparison.Ordinal));

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(mention, html, StringComparison.Ordinal);
        Assert.Contains("Không có thay đổi nào được lưu", html, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(site);
        var page = await ClientOf(site).GetStringAsync(NewsPath);
        Assert.Contains(OldBody, page, StringComparison.Ordinal);
        Assert.DoesNotContain(NewBody, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_back_office_recipe_cannot_add_the_administrator_to_the_approval_chain()
    {
        await ImportNewsAsync();
        var widened = await Site.WithScopeAsync(async s =>
            JsonSerializer.SerializeToNode(await s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-duyet-tin"), CmsJson.Options)!.AsObject());
        foreach (var transition in widened["Transitions"]!.AsArray())
        {
            transition!["Roles"]!.AsArray().Add("Administrator");
        }

        var recipe = new JsonObject
        {
            ["name"] = "widened-workflow",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "WorkflowDefinitions", ["Workflows"] = new JsonArray(widened) }),
        };
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var response = await UploadAsync(client, token, "widened-workflow.recipe.json", recipe.ToJsonString());

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains("không được sửa quy trình duyệt có sẵn 'quy-trinh-duyet-tin'", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task A_back_office_recipe_still_creates_drafts_recorded_as_the_administrator_and_reapplies_an_export()
    {
        await ImportNewsAsync();
        var export = await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: false)));
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");
        const string Drafts = """
            { "name": "drafts", "steps": [
              { "name": "Roles", "Roles": [ { "Name": "BienTapVien", "DisplayName": "Biên tập viên", "Permissions": [ "AccessAdmin", "EditContent" ] } ] },
              { "name": "Content", "Data": [
                { "ContentType": "Page", "TitlePart": { "Title": "Trang nháp từ công thức" } },
                { "ContentType": "News", "TitlePart": { "Title": "Tin nháp từ công thức" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """;

        var reapplied = await UploadAsync(client, token, "export.recipe.json", export.ToJsonString());
        var drafts = await UploadAsync(client, token, "drafts.recipe.json", Drafts);

        AssertStatus(HttpStatusCode.Redirect, reapplied);
        AssertStatus(HttpStatusCode.Redirect, drafts);
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var created = await db.Set<ContentItem>().Where(c => EF.Functions.Like(c.DisplayText!, "%từ công thức")).ToListAsync();
            Assert.Equal(2, created.Count);
            Assert.All(created, c =>
            {
                Assert.False(c.Published);
                Assert.Equal(TestSite.AdminUserName, c.Owner);
                Assert.Equal(TestSite.AdminUserName, c.Author);
            });
            Assert.True(await db.Set<CmsRole>().AnyAsync(r => r.Name == "BienTapVien"));
        });
    }

    [Fact]
    public async Task The_command_line_refuses_a_legacy_import_without_the_flag_and_names_it()
    {
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var errors = new StringWriter();

        var code = await CmsCommands.RunAsync(Site.Services, ["recipe", "run", TestRecipe("demo-import.recipe.json")], TextWriter.Null, errors);

        Assert.Equal(2, code);
        Assert.Contains("recipe run <tệp> --legacy-import", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.steps[1].LegacyImport", errors.ToString(), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task The_command_line_imports_with_the_flag_and_records_the_person_who_ran_it_not_the_files_author()
    {
        var code = await CmsCommands.RunAsync(Site.Services, ["recipe", "run", TestRecipe("demo-import.recipe.json"), "--legacy-import"], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, code);
        var news = await PublishedNewsAsync();
        var runner = "cli:" + Environment.UserName;
        Assert.Equal(PublishSource.Import, news.PublishSource);
        Assert.Equal(runner, news.Author);
        Assert.Equal(runner, news.Owner);
        Assert.Equal(runner, news.PublishedBy);
        Assert.Contains("Tác giả gốc (theo tệp nhập): ctv.tonghop (đơn vị phong-tong-hop).", news.PublishNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_never_overwrites_an_existing_item_even_from_the_command_line()
    {
        var existing = await ImportNewsAsync();
        var file = Path.Combine(Site.DataPath, "overwrite.recipe.json");
        await File.WriteAllTextAsync(file, $$"""
            { "name": "overwrite", "steps": [ { "name": "Content", "LegacyImport": true, "Data": [
              { "ContentType": "Page", "Published": true, "TitlePart": { "Title": "Trang mới hợp lệ" } },
              { "ContentItemId": "{{existing}}", "ContentType": "News", "Published": true, "TitlePart": { "Title": "Hội nghị triển khai Tổng điều tra kinh tế năm 2026" },
                "HtmlBodyPart": { "Html": "<p>{{NewBody}}</p>" }, "News": { "Category": { "TermIds": [ "tin-khac" ] } } } ] } ] }
            """);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var errors = new StringWriter();

        var code = await CmsCommands.RunAsync(Site.Services, ["recipe", "run", file, "--legacy-import"], TextWriter.Null, errors);

        Assert.Equal(2, code);
        Assert.Contains("$.steps[0].Data[1].ContentItemId", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains($"trang đã có nội dung mã '{existing}'", errors.ToString(), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        var page = await Client().GetStringAsync(NewsPath);
        Assert.Contains(OldBody, page, StringComparison.Ordinal);
        Assert.DoesNotContain(NewBody, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_of_an_empty_site_may_import_published_content_recorded_as_setup()
    {
        using var fresh = new TestSite(Provider, settings: new Dictionary<string, string>
        {
            ["Cms:Setup:AdditionalRecipes:0"] = TestRecipe("demo-import.recipe.json"),
        });

        var page = await fresh.CreateClient().GetStringAsync(NewsPath);

        Assert.Contains(OldBody, page, StringComparison.Ordinal);
        var news = await fresh.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().SingleAsync(c => c.Published && c.ContentType == "News"));
        Assert.Equal(RecipeRunOptions.SetupActor, news.Author);
        Assert.Equal(RecipeRunOptions.SetupActor, news.PublishedBy);
    }

    /// <summary>The published news item the attacks aim at, imported as a migration would; returns its id.</summary>
    private Task<string> ImportNewsAsync() => ImportNewsAsync(Site);

    private static async Task<string> ImportNewsAsync(TestSite site)
    {
        await RunRecipeAsync(site, "demo-import.recipe.json");
        Assert.Contains(OldBody, await ClientOf(site).GetStringAsync(NewsPath), StringComparison.Ordinal);
        return (await PublishedNewsAsync(site)).ContentItemId;
    }

    private Task<ContentItem> PublishedNewsAsync() => PublishedNewsAsync(Site);

    private static Task<ContentItem> PublishedNewsAsync(TestSite site) => site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(c => c.Published && c.ContentType == "News"));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, string fileName, string json)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "confirm" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", fileName },
        };
        return await client.PostAsync("/admin/recipes?handler=Upload", form);
    }
}

public sealed class SqliteRecipeImportTests(SharedSite shared) : RecipeImportTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

// SQLite only: what a recipe may import is checked in the application; a refused recipe's rollback runs on PostgreSQL in PostgresSiteTests.
