using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Unicode;

/// <summary>
/// Điều 15.3 on the way in: whatever path brings text (the editor, the API, a recipe, an account form), the database
/// holds NFC with Đ for its look-alike Ð; a title still in TCVN3 or VNI is refused, body text in them is saved with a warning;
/// passwords are never touched.
/// </summary>
public abstract partial class UnicodeInputTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    /// <summary>"Hội nghị tổng kết công tác thống kê năm 2025" typed with a .VnTime font (TCVN3).</summary>
    private const string Tcvn3Title = "Héi nghÞ tæng kÕt c«ng t¸c thèng kª n¨m 2025";

    /// <summary>The same title typed with a VNI-Times font (VNI).</summary>
    private const string VniTitle = "Hoäi nghò toång keát coâng taùc thoáng keâ naêm 2025";

    /// <summary>"Sáng 28/11, Cục Thống kê tổ chức hội nghị tổng kết." in TCVN3.</summary>
    private const string Tcvn3Body = "<p>S¸ng 28/11, Côc Thèng kª tæ chøc héi nghÞ tæng kÕt.</p>";

    /// <summary>Decomposed (as macOS sends it) and with the look-alike Ð (U+00D0) for Đ.</summary>
    private static readonly string MessyTitle = "\u00D0" + "ảng bộ Cục Thống kê tổ chức hội nghị".Normalize(NormalizationForm.FormD);

    private const string CleanTitle = "Đảng bộ Cục Thống kê tổ chức hội nghị";

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static Task<HttpResponseMessage> CreateNewsInEditorAsync(HttpClient client, string title, string body = "<p>Nội dung tin.</p>") =>
        PostFormAsync(client, "/admin/contents/create/News", new()
        {
            ["TitlePart.Title"] = title,
            ["HtmlBodyPart.Html"] = body,
            ["News.Category.TermIds"] = "hoat-dong-cua-cuc",
        });

    private Task<ContentItem?> StoredAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().SingleOrDefaultAsync(c => c.ContentItemId == id && c.Latest));

    private Task<int> ItemCountAsync() => Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().CountAsync());

    private static string StoredTitle(ContentItem item) => item.Content["TitlePart"]!["Title"]!.GetValue<string>();

    [Fact]
    public async Task A_news_title_posted_in_nfd_with_the_look_alike_Ð_through_the_editor_is_stored_nfc_with_Đ()
    {
        await AddPeopleAsync();
        var editor = await SignedInAsync(Contributor);

        var response = await CreateNewsInEditorAsync(editor, MessyTitle);

        AssertStatus(HttpStatusCode.Redirect, response);
        var item = await StoredAsync(EditUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        Assert.NotNull(item);
        Assert.Equal(CleanTitle, StoredTitle(item));
        Assert.Equal(CleanTitle, item.DisplayText);
    }

    [Fact]
    public async Task A_news_title_posted_in_nfd_with_the_look_alike_Ð_through_the_api_is_stored_nfc_with_Đ()
    {
        await AddPeopleAsync();

        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent(MessyTitle) }));

        AssertStatus(HttpStatusCode.Created, response);
        var item = await StoredAsync((await ReadAsync(response))["contentItemId"]!.GetValue<string>());
        Assert.Equal(CleanTitle, StoredTitle(item!));
        Assert.Equal(CleanTitle, item!.DisplayText);
    }

    [Fact]
    public async Task A_recipe_with_nfd_text_and_Ð_is_stored_nfc_with_Đ_but_its_passwords_stay_as_written()
    {
        await RunRecipeAsync("unicode-input.recipe.json");

        var item = await StoredAsync("4e1c0c6f3b2a4d5e8f90112233445566");
        Assert.Equal("Hội nghị Ban Chính trị Đảng ủy", StoredTitle(item!));
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            var user = await users.FindByNameAsync("ctv.dovannam");
            Assert.Equal("Đỗ Văn Nam", user!.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, "\u00D0o\u0302\u0303-Mat-khau-2026"), "the recipe's password, exactly as written, must sign in");
        });
    }

    [Fact]
    public async Task A_title_in_tcvn3_is_refused_in_the_editor_with_a_message_naming_the_encoding_and_nothing_is_stored()
    {
        await AddPeopleAsync();
        var editor = await SignedInAsync(Contributor);

        var response = await CreateNewsInEditorAsync(editor, Tcvn3Title);

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tiêu đề có vẻ được gõ bằng bảng mã TCVN3", html, StringComparison.Ordinal);
        Assert.Contains("Chuyển sang Unicode", html, StringComparison.Ordinal);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task A_title_in_vni_is_refused_by_the_api_with_a_message_naming_the_encoding_and_nothing_is_stored()
    {
        await AddPeopleAsync();

        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent(VniTitle) }));

        await AssertProblemAsync(HttpStatusCode.BadRequest, response);
        var error = (await ReadAsync(response))["errors"]!.AsArray().Single()!;
        Assert.Equal("TitlePart.Title", error["path"]!.GetValue<string>());
        Assert.Contains("bảng mã VNI", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task A_body_in_tcvn3_is_saved_from_the_editor_and_the_editor_shows_the_warning()
    {
        await AddPeopleAsync();
        var editor = await SignedInAsync(Contributor);

        var response = await CreateNewsInEditorAsync(editor, "Hội nghị tổng kết năm 2025", Tcvn3Body);

        AssertStatus(HttpStatusCode.Redirect, response);
        var page = await editor.GetStringAsync(response.Headers.Location);
        Assert.Contains("Nội dung có vẻ còn chữ gõ bằng bảng mã TCVN3", page, StringComparison.Ordinal);
        Assert.Equal(1, await ItemCountAsync());
        var reloaded = await editor.GetStringAsync(response.Headers.Location);
        Assert.DoesNotContain("có vẻ còn chữ gõ bằng bảng mã", reloaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_in_tcvn3_is_saved_through_the_api_and_the_answer_carries_the_warning()
    {
        await AddPeopleAsync();

        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent("Hội nghị tổng kết năm 2025", Tcvn3Body) }));

        AssertStatus(HttpStatusCode.Created, response);
        var warning = (await ReadAsync(response))["warnings"]!.AsArray().Single()!;
        Assert.Equal("HtmlBodyPart.Html", warning["path"]!.GetValue<string>());
        Assert.Contains("TCVN3", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await ItemCountAsync());
    }

    [Fact]
    public async Task A_password_with_Ð_and_nfd_letters_set_in_the_account_form_signs_in_exactly_as_typed()
    {
        await AddPeopleAsync();
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        var password = "\u00D0" + "ổi-Mật-khẩu".Normalize(NormalizationForm.FormD) + "-2026";

        var response = await PostFormAsync(admin, "/admin/users/edit?handler=Save", new()
        {
            ["Input.UserName"] = "ctv.matkhau",
            ["Input.DisplayName"] = "\u00D0" + "ỗ Thị Hà".Normalize(NormalizationForm.FormD),
            ["Input.UnitId"] = "phong-tong-hop",
            ["Input.Roles"] = "Contributor",
            ["Input.Password"] = password,
        });

        AssertStatus(HttpStatusCode.Redirect, response);
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            var user = await users.FindByNameAsync("ctv.matkhau");
            Assert.Equal("Đỗ Thị Hà", user!.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, password), "the password as typed must match its hash");
        });
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), "ctv.matkhau", password));
        var token = await Client().PostAsync("/api/auth/token", Json(new { userName = "ctv.matkhau", password }));
        AssertStatus(HttpStatusCode.OK, token);
    }

    [GeneratedRegex("/admin/contents/([0-9a-f]{32})/edit")]
    private static partial Regex EditUrl();
}

public sealed class SqliteUnicodeInputTests() : UnicodeInputTests(DatabaseProvider.Sqlite);

// SQLite only: NFC and the encoding checks happen before the database, which stores the text as given on both; NUL, which PostgreSQL refuses, is in PostgresMalformedInputTests.
