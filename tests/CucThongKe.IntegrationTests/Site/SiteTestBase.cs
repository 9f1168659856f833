using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>Each test gets the real site over its own fresh database, set up by the office's recipe.</summary>
/// <remarks>The site starts when the test first uses <see cref="Site"/>, so a test that reads a class's shared site
/// (<see cref="SharedSite"/>) and never touches its own does not pay for starting one.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public abstract partial class SiteTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly Lock _siteGate = new();
    private TestSite? _site;

    protected TestSite Site
    {
        get
        {
            // A lock, not a race: a test may first touch its site from two tasks at once.
            lock (_siteGate)
            {
                if (_site is null)
                {
                    _site = new TestSite(Provider, configureServices: ConfigureServices, settings: SiteSettings);
                    _ = _site.Services;
                }

                return _site;
            }
        }
    }

    protected DatabaseProvider Provider { get; } = provider;

    /// <summary>Replaces site services for a test class (a fake clock, for one).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Configuration for a test class's site (a setting turned off, for one); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string>? SiteSettings => null;

    protected static string TestRecipe(string file) => Path.Combine(AppContext.BaseDirectory, "TestRecipes", file);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    protected HttpClient Client(bool followRedirects = false) => ClientOf(Site, followRedirects);

    /// <summary>A client of the given site (the test's own or a shared one), with cookies and without following redirects.</summary>
    protected static HttpClient ClientOf(TestSite site, bool followRedirects = false) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>Who the test data's recipes record as author, owner and publisher (the command line's form of name).</summary>
    public const string TestDataActor = "cli:kiem-thu";

    /// <summary>Test data goes in as a migration does: from the command line, with the legacy-import flag.</summary>
    public static RecipeRunOptions TestDataRun => RecipeRunOptions.CommandLine(TestDataActor, legacyImport: true);

    protected Task RunRecipeAsync(string file) => RunRecipeAsync(Site, file);

    protected static Task RunRecipeAsync(TestSite site, string file) => site.WithScopeAsync(s =>
        s.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeHarvester.ReadFile(TestRecipe(file)), TestDataRun));

    /// <summary>Sets the site's public address (the <c>BaseUrl</c> site setting), from which mailed links are built.</summary>
    protected Task SetPublicAddressAsync(string url) => Site.WithScopeAsync(async s =>
    {
        await s.GetRequiredService<Core.Settings.SettingsStore>().MergeAsync(Core.Settings.SiteSettings.DocumentName, new System.Text.Json.Nodes.JsonObject { ["BaseUrl"] = url });
        await s.GetRequiredService<CmsDbContext>().SaveChangesAsync();
    });

    /// <summary>Everything a recipe could change: the export (content included) and the accounts.</summary>
    protected Task<string> SnapshotAsync() => SnapshotAsync(Site);

    /// <summary>The same snapshot of another site (a class's shared one).</summary>
    protected static Task<string> SnapshotAsync(TestSite site) => site.WithScopeAsync(async s =>
    {
        var export = await s.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(IncludeContent: true));
        var db = s.GetRequiredService<CmsDbContext>();
        var users = await db.Set<Users.Identity.CmsUser>().OrderBy(u => u.UserName).Select(u => u.UserName + "|" + u.UnitId).ToListAsync();
        return export["steps"]!.ToJsonString(CmsJson.Options) + string.Join(',', users);
    });

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    protected static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/dang-nhap");
        return await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    protected static void AssertStatus(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode} for {response.RequestMessage?.RequestUri}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
