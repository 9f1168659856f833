using System.Net;
using System.Text;
using System.Text.Json;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using CucThongKe.Users.Units;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>The site through HTTP and its services; run on SQLite and on PostgreSQL.</summary>
/// <remarks>The public routes and the bad recipes read or refuse only: their rows share one site per class
/// (<paramref name="shared"/>), each bad recipe still compared before and after on it; every other test starts its own.</remarks>
public abstract class SiteTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    /// <summary>The site's clock: a scheduled time comes when the test moves the clock, not after a real wait that
    /// a loaded machine can stretch past the test's first request.</summary>
    private readonly ShiftedClock _clock = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task The_setup_recipe_brings_up_a_healthy_site_with_the_offices_units_roles_and_types()
    {
        // Reads only: the class's site, set up as every test's own and never written by the tests that share it.
        var site = await SharedSiteAsync();
        var health = await ClientOf(site).GetAsync("/health");
        var home = await ClientOf(site).GetAsync("/");

        AssertStatus(HttpStatusCode.OK, health);
        Assert.Contains("\"status\":\"Healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, home);
        Assert.Contains("Trang thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var units = await db.Set<Unit>().ToListAsync();
            Assert.Contains(units, u => u.Id == "phong-thanh-tra" && u.Name == "Phòng Thanh tra Thống kê" && u.ParentId == "cuc-thong-ke");
            Assert.Equal(9, units.Count(u => u.Kind == UnitKind.Branch));
            var roles = await db.Set<CmsRole>().Select(r => r.Name).ToListAsync();
            Assert.Equal(["Accountant", "Administrator", "BoardHead", "BoardMember", "BoardSecretary", "Contributor", "Director", "Publisher", "UnitHead"], roles.Order(StringComparer.Ordinal));
            var types = s.GetRequiredService<ContentDefinitionManager>();
            Assert.Equal("quy-trinh-duyet-tin", (await types.GetResolvedTypeAsync("News"))!.Section<WorkflowTypeSettings>()?.Name);
            Assert.Null((await types.GetResolvedTypeAsync("Page"))!.Section<WorkflowTypeSettings>());
            var admin = await db.Set<CmsUser>().SingleAsync(u => u.UserName == TestSite.AdminUserName);
            Assert.Equal("cuc-thong-ke", admin.UnitId);
        });
    }

    public static TheoryData<string, HttpStatusCode, string> PublicRoutes => new()
    {
        { "/", HttpStatusCode.OK, "text/html" },
        { "/health", HttpStatusCode.OK, "application/json" },
        { "/dang-nhap", HttpStatusCode.OK, "text/html" },
        { "/loi?code=404", HttpStatusCode.NotFound, "text/html" },
        { "/khong-co/trang-nay", HttpStatusCode.NotFound, "text/html" },
        { "/_content/CucThongKe.Theme.Public/css/site.css", HttpStatusCode.OK, "text/css" },
        { "/_content/CucThongKe.Theme.Admin/css/admin.css", HttpStatusCode.OK, "text/css" },
        { "/_content/CucThongKe.Theme.Admin/js/admin.js", HttpStatusCode.OK, "text/javascript" },
        { "/_content/CucThongKe.Theme.Admin/lib/jodit/jodit.fat.min.js", HttpStatusCode.OK, "text/javascript" },
    };

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task Every_public_route_answers_with_its_status_and_content_type(string url, HttpStatusCode status, string contentType)
    {
        var response = await ClientOf(await SharedSiteAsync()).GetAsync(url);

        AssertStatus(status, response);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_sign_in_form_with_oversized_or_missing_values_is_refused_clearly()
    {
        var client = Client();
        var token = await AntiforgeryTokenAsync(client, "/dang-nhap");

        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = new string('a', 5000),
            ["Input.Password"] = "",
        }));

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains("Hãy nhập mật khẩu.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_utf8_and_write_Vietnamese_letters_as_themselves()
    {
        var response = await ClientOf(await SharedSiteAsync()).GetAsync("/");

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Cục Thống kê", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x1EE5;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_site_shows_published_items_and_never_drafts()
    {
        await RunRecipeAsync("demo-import.recipe.json");
        var client = Client();

        var home = await client.GetStringAsync("/");
        var article = await client.GetAsync("/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026");
        var draft = await client.GetAsync("/tin-tuc/tin-dang-soan");
        var missing = await client.GetAsync("/khong-co-trang-nay");

        Assert.Contains("Hội nghị triển khai Tổng điều tra kinh tế năm 2026", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin đang soạn", home, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, article);
        var body = await article.Content.ReadAsStringAsync();
        Assert.Contains("Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", body, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.NotFound, draft);
        AssertStatus(HttpStatusCode.NotFound, missing);
        Assert.Contains("Không tìm thấy trang", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legacy_import_records_how_and_from_where_each_item_was_published()
    {
        await RunRecipeAsync("demo-import.recipe.json");

        await Site.WithScopeAsync(async s =>
        {
            var news = await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().SingleAsync(c => c.Published && c.ContentType == "News");
            Assert.Equal(PublishSource.Import, news.PublishSource);
            Assert.Contains("demo-import", news.PublishNote, StringComparison.Ordinal);
            // The person who ran the import answers for it; the file's author is kept, labelled, in the note.
            Assert.Equal(TestDataActor, news.Author);
            Assert.Equal(TestDataActor, news.PublishedBy);
            Assert.Contains("Tác giả gốc (theo tệp nhập): ctv.tonghop", news.PublishNote, StringComparison.Ordinal);
            Assert.Equal("phong-tong-hop", news.AuthorUnitId);
            Assert.Equal(new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc), news.PublishedUtc);
        });
    }

    public static TheoryData<string, int?, string?, string> BadRecipes => new()
    {
        { "bad-json.recipe.json", null, null, "JSON không hợp lệ" },
        { "unknown-step.recipe.json", 1, "$.steps[1].name", "Workflowz" },
        { "unknown-part.recipe.json", 1, "$.steps[1].ContentTypes[0].Parts[1].Name", "KhongCoPhanNay" },
        { "unknown-field-type.recipe.json", 1, "$.steps[1].ContentParts[0].Fields[1].FieldType", "ColorField" },
        { "wrong-value-type.recipe.json", 1, "$.steps[1].Site.PageSize", "giá trị" },
        { "unknown-setting.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.Shareable", "không được hỗ trợ" },
        { "related-items-wrong-field.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.RelatedItems.TaxonomyField", "TaxonomyField" },
        { "missing-reference.recipe.json", 1, "$.steps[1].Users[0].UnitId", "don-vi-khong-co" },
        { "unknown-permission.recipe.json", 1, "$.steps[1].Roles[0].Permissions[1]", "XoaToanBoDuLieu" },
        { "invalid-content.recipe.json", 1, "$.steps[1].Data[1].TitlePart.Title", "kiểu" },
        { "governed-without-import-flag.recipe.json", 1, "$.steps[1].Data[0].Published", "LegacyImport" },
        { "fails-late.recipe.json", 5, "$.steps[5].Roles[0].Name", "Người viết" },
        { "confidentiality-wrong-field.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.Confidentiality.Field", "BooleanField" },
        { "workflow-not-a-name.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.Workflow", "sai kiểu" },
        { "data-tables-unknown-setting.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.DataTables.Sheet", "không được hỗ trợ" },
        { "data-tables-without-field.recipe.json", 1, "$.steps[1].ContentTypes[0].Settings.DataTables", "bắt buộc" },
    };

    [Theory]
    [MemberData(nameof(BadRecipes))]
    public async Task A_bad_recipe_fails_with_the_file_step_and_path_and_changes_nothing(string file, int? stepIndex, string? jsonPath, string mention)
    {
        var site = await SharedSiteAsync();
        var before = await SnapshotAsync(site);

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync(site, file));

        Assert.Equal(file, error.File);
        Assert.Equal(stepIndex, error.StepIndex);
        if (jsonPath is not null)
        {
            Assert.Equal(jsonPath, error.JsonPath);
        }

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(site));
        var home = await ClientOf(site).GetStringAsync("/");
        Assert.DoesNotContain("ĐÃ BỊ THAY ĐỔI", home, StringComparison.Ordinal);
    }

    private Task<TestSite> SharedSiteAsync() => shared.GetAsync(Provider, _ => Task.CompletedTask);

    [Fact]
    public async Task An_exported_recipe_sets_up_an_equivalent_site_on_an_empty_one()
    {
        await RunRecipeAsync("demo-import.recipe.json");
        var exported = await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: true)));
        var file = Path.Combine(Site.DataPath, "export.recipe.json");
        await File.WriteAllTextAsync(file, exported.ToJsonString(CmsJson.Indented));

        using var empty = new TestSite(Provider, setupRecipe: TestRecipe("minimal-setup.recipe.json"));
        await empty.WithScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeHarvester.ReadFile(file), TestDataRun));
        var reexported = await empty.WithScopeAsync(s => s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: true)));

        Assert.Equal(exported["steps"]!.ToJsonString(), reexported["steps"]!.ToJsonString());
        var page = await empty.CreateClient().GetAsync("/tin-tuc/hoi-nghi-trien-khai-tong-dieu-tra-kinh-te-nam-2026");
        AssertStatus(HttpStatusCode.OK, page);
    }

    [Fact]
    public async Task The_back_office_asks_for_sign_in_then_lets_an_administrator_in()
    {
        var client = Client();

        var anonymous = await client.GetAsync("/admin/recipes");
        var wrong = await SignInAsync(client, TestSite.AdminUserName, "sai-mat-khau");
        var right = await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var recipes = await client.GetAsync("/admin/recipes");

        AssertStatus(HttpStatusCode.Redirect, anonymous);
        Assert.StartsWith("/dang-nhap", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, right);
        AssertStatus(HttpStatusCode.OK, recipes);
        var html = await recipes.Content.ReadAsStringAsync();
        Assert.Contains("site/cucthongke-thainguyen.recipe.json", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_cannot_reach_the_recipe_pages_even_by_url()
    {
        await RunRecipeAsync("demo-import.recipe.json");
        var client = Client();
        await SignInAsync(client, "ctv.tonghop", "Demo@2026!ctk");

        var dashboard = await client.GetAsync("/admin");
        var recipes = await client.GetAsync("/admin/recipes");
        var run = await client.GetAsync("/admin/recipes/run?id=site/cucthongke-thainguyen.recipe.json");

        AssertStatus(HttpStatusCode.OK, dashboard);
        AssertStatus(HttpStatusCode.Forbidden, recipes);
        Assert.Contains("Không có quyền truy cập", await recipes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, run);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, TestSite.AdminUserName, "sai-mat-khau-" + i);
        }

        var locked = await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);

        AssertStatus(HttpStatusCode.BadRequest, locked);
        Assert.Contains("tạm bị khoá", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        // Per address (an office shares one): the default 60 a minute; each attempt names another account, so the
        // per-account limit (Security/SignInLimitsTests) never applies.
        var limit = new SecurityOptions().SignInAttemptsPerAddressPerMinute;
        var client = Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            statuses.Add((await SignInAsync(client, "khong-co-ai-" + i, "sai-mat-khau")).StatusCode);
        }

        Assert.All(statuses.Take(limit), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[limit]);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await Client().PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = TestSite.AdminUserName,
            ["Input.Password"] = TestSite.AdminPassword,
        }));

        AssertStatus(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task Uploading_a_broken_recipe_in_the_back_office_explains_the_error_and_changes_nothing()
    {
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var before = await SnapshotAsync();
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "confirm" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(TestRecipe("fails-late.recipe.json"))), "file", "fails-late.recipe.json" },
        };
        var response = await client.PostAsync("/admin/recipes?handler=Upload", form);

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("fails-late.recipe.json", html, StringComparison.Ordinal);
        Assert.Contains("bước 5", html, StringComparison.Ordinal);
        Assert.Contains("Không có thay đổi nào được lưu", html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Uploading_a_good_recipe_in_the_back_office_applies_it()
    {
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");

        // A page outside the approval chain, published directly: what an administrator may do by hand too.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "confirm" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(TestRecipe("backoffice-page.recipe.json"))), "file", "backoffice-page.recipe.json" },
        };
        var response = await client.PostAsync("/admin/recipes?handler=Upload", form);

        AssertStatus(HttpStatusCode.Redirect, response);
        Assert.Contains("Lịch tiếp công dân", await Client().GetStringAsync("/gioi-thieu/lich-tiep-cong-dan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_exports_the_site_as_a_recipe_file()
    {
        var client = Client();
        await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword);
        var token = await AntiforgeryTokenAsync(client, "/admin/recipes");

        var response = await client.PostAsync("/admin/recipes?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        AssertStatus(HttpStatusCode.OK, response);
        Assert.EndsWith(".recipe.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var steps = document.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["ContentDefinition", "Taxonomies", "Roles", "Units", "WorkflowDefinitions", "Settings"], steps);
    }

    [Fact]
    public async Task A_scheduled_item_appears_on_the_public_site_when_its_time_comes()
    {
        var path = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Lịch công bố số liệu quý IV" };
            var saved = await contents.CreateAsync(item);
            await contents.ScheduleAsync(saved.ContentItemId, saved.Id, _clock.GetUtcNow().UtcDateTime.AddHours(1), new PublishRequest(PublishSource.Direct, "tester"));
            return "/gioi-thieu/lich-cong-bo-so-lieu-quy-iv";
        });
        var client = Client();

        var before = await client.GetAsync(path);
        AssertStatus(HttpStatusCode.NotFound, before);

        // The hour passes on the site's clock; the scheduler, asleep until then (at most 15 s), is woken as a new
        // schedule would wake it, and must find the item due.
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Site.Services.GetRequiredService<ScheduleSignal>().Raise();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage after;
        do
        {
            await Task.Delay(100);
            after = await client.GetAsync(path);
        }
        while (after.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        AssertStatus(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task The_command_line_runs_a_recipe_or_explains_why_it_cannot()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var bad = await CmsCommands.RunAsync(Site.Services, ["recipe", "run", TestRecipe("unknown-part.recipe.json")], output, errors);
        var good = await CmsCommands.RunAsync(Site.Services, ["recipe", "run", TestRecipe("demo-import.recipe.json"), RecipeRunOptions.LegacyImportFlag], output, errors);

        Assert.Equal(2, bad);
        Assert.Contains("KhongCoPhanNay", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Không có thay đổi nào được lưu", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, good);
        Assert.Contains("[2/2] Content", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_exports_a_recipe_file()
    {
        var file = Path.Combine(Site.DataPath, "cli-export.recipe.json");

        var code = await CmsCommands.RunAsync(Site.Services, ["recipe", "export", file], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, code);
        var recipe = RecipeHarvester.ReadFile(file);
        Assert.Contains(recipe.Steps, s => s["name"]!.GetValue<string>() == "ContentDefinition");
        Assert.True((await File.ReadAllTextAsync(file, Encoding.UTF8)).Contains("Phòng Thanh tra Thống kê", StringComparison.Ordinal));
    }
}

public sealed class SqliteSiteTests(SharedSite shared) : SiteTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

public sealed class PostgresSiteTests(SharedSite shared) : SiteTests(DatabaseProvider.Postgres, shared), IClassFixture<SharedSite>;
