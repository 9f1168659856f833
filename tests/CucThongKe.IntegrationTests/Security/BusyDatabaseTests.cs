using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Recipes;
using CucThongKe.Tests.Site;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// Another process holds SQLite's write lock (a second connection in BEGIN EXCLUSIVE): read-only API calls still answer
/// (the token's last-use write no longer blocks them) and the token endpoint, which must write, answers 503 with
/// Retry-After instead of a 500 after the busy timeout.
/// </summary>
public sealed class BusyDatabaseTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "cucthongke-tests", Guid.NewGuid().ToString("N"));
    private readonly TestSite _site;

    public BusyDatabaseTests()
    {
        Directory.CreateDirectory(_dataPath);
        // A one-second busy timeout: the old code waited this long for the lock, then failed (30 s on the real site).
        _site = new TestSite(dataPath: _dataPath, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabaseFile};Default Timeout=1",
        });
    }

    private string DatabaseFile => Path.Combine(_dataPath, "cucthongke.db");

    public void Dispose()
    {
        _site.Dispose();
        SqliteConnection.ClearAllPools();
        TestFolders.Delete(_dataPath);
    }

    private HttpClient Client() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> RequestTokenAsync() =>
        Client().PostAsync("/api/auth/token", Json(new { userName = "ctv.tonghop", password = "Demo@2026!ctk" }));

    /// <summary>The people of the tests, by recipe. The site's own start-up writers (the search index, the background
    /// lease) may hold the write lock for more than this site's one-second busy timeout on a loaded machine; the
    /// arrangement is not what these tests are about, so it waits for them and tries again.</summary>
    private async Task ArrangePeopleAsync()
    {
        var recipe = RecipeHarvester.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestRecipes", "workflow-people.recipe.json"));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _site.WithScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, SiteTestBase.TestDataRun));
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>A second connection to the same file holding the write lock until disposed.</summary>
    private async Task<SqliteConnection> LockAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact]
    public async Task Read_only_API_calls_answer_while_another_connection_holds_the_write_lock()
    {
        await ArrangePeopleAsync();
        var issued = await RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await using (await LockAsync())
        {
            // The token has never been used: this first call is the one that notes its last use.
            var list = await client.GetAsync("/api/content?type=News");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
    }

    [Fact]
    public async Task The_token_endpoint_answers_503_with_Retry_After_while_the_database_is_locked()
    {
        await ArrangePeopleAsync();
        var tokensBefore = await CountTokensAsync();

        HttpResponseMessage busy;
        await using (await LockAsync())
        {
            busy = await RequestTokenAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await busy.Content.ReadAsStringAsync())!;
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Contains("thử lại", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(tokensBefore, await CountTokensAsync());
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync()).StatusCode);
    }

    private Task<int> CountTokensAsync() => _site.WithScopeAsync(s =>
        Task.FromResult(s.GetRequiredService<Core.Data.CmsDbContext>().Set<CucThongKe.Contents.Api.ApiToken>().Count()));
}
