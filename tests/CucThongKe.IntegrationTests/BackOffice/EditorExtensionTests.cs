using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.BackOffice.EditorExtension;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>
/// The generic editor's extension point: a module outside Contents (<see cref="ReleaseCodeModule"/>) adds a part with its
/// editor driver and view; the part's input appears in the back-office editor, saves, and its driver's check refuses a bad
/// value with the message next to the input and nothing stored.
/// </summary>
public sealed class EditorExtensionTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private const string CreateUrl = "/admin/contents/create/StatisticalRelease";

    protected override void ConfigureServices(IServiceCollection services) => services.AddTestModule<ReleaseCodeModule>();

    private async Task<HttpClient> AdminAsync()
    {
        await RunRecipeAsync("release-code-type.recipe.json");
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task A_modules_part_shows_its_own_input_in_the_editor_beside_the_built_in_ones()
    {
        var client = await AdminAsync();

        var html = await client.GetStringAsync(CreateUrl);

        Assert.Contains("<legend>Mã phát hành</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-ReleaseCodePart-Code\">Mã phát hành *</label>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<input id=\"f-ReleaseCodePart-Code\" type=\"text\" name=\"ReleaseCodePart.Code\" value=\"\" class=\"release-code\" aria-describedby=\"f-ReleaseCodePart-Code-hint f-ReleaseCodePart-Code-error\" />",
            html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"f-ReleaseCodePart-Code-hint\" class=\"muted\">Ví dụ TK-2026-001.</span>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"TitlePart.Title\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modules_part_saves_what_its_input_posted_and_shows_it_again()
    {
        var client = await AdminAsync();

        var response = await PostAsync(client, CreateUrl, new() { ["TitlePart.Title"] = "Bản tin tháng 11", ["ReleaseCodePart.Code"] = " TK-2026-011 " });

        AssertStatus(HttpStatusCode.Redirect, response);
        var item = await Site.WithScopeAsync(s => s.GetRequiredService<Core.Data.CmsDbContext>().Set<ContentItem>().SingleAsync());
        Assert.Equal("TK-2026-011", item.Content["ReleaseCodePart"]?["Code"]?.GetValue<string>());
        var edit = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("name=\"ReleaseCodePart.Code\" value=\"TK-2026-011\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_modules_driver_refuses_a_bad_value_with_its_message_next_to_the_input_and_nothing_is_stored()
    {
        var client = await AdminAsync();
        _ = await client.GetStringAsync(CreateUrl);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var response = await PostAsync(client, CreateUrl, new() { ["TitlePart.Title"] = "Bản tin tháng 11", ["ReleaseCodePart.Code"] = "TK-26" });

        AssertStatus(HttpStatusCode.BadRequest, response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<span id=\"f-ReleaseCodePart-Code-error\" class=\"field-error\">{ReleaseCodePartEditorDriver.Message}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"field has-error\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"ReleaseCodePart.Code\" value=\"TK-26\"", html, StringComparison.Ordinal);
        Assert.Contains("Chưa lưu được: có 1 lỗi", html, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task Content_saved_outside_the_editor_keeps_the_modules_part()
    {
        await RunRecipeAsync("release-code-type.recipe.json");

        var saved = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("StatisticalRelease");
            item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Bản tin quý III" };
            item.Content["ReleaseCodePart"] = new System.Text.Json.Nodes.JsonObject { ["Code"] = "TK-2026-003" };
            return await contents.CreateAsync(item);
        });

        Assert.Equal("TK-2026-003", saved.Content["ReleaseCodePart"]?["Code"]?.GetValue<string>());
    }
}
