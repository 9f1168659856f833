using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>A clock the test moves by hand; timers still run on real time.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}

/// <summary>The site with the office's recipe, one person per role of the chain (and a unit head of another unit), and an API client for each.</summary>
public abstract class WorkflowTestBase(DatabaseProvider provider) : SiteTestBase(provider)
{
    public const string Password = "Demo@2026!ctk";
    public const string Contributor = "ctv.tonghop";
    public const string UnitHead = "tp.tonghop";
    public const string Secretary = "thuky";
    public const string BoardHead = "truongban";
    public const string Publisher = "dangtin";
    public const string OtherUnitHead = "cc.daitu";
    public const string OtherContributor = "ctv.daitu";

    /// <summary>The news category "Hoạt động của Cục".</summary>
    protected static readonly string[] Activities = ["hoat-dong-cua-cuc"];

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>A Monday morning, 09:00 in Vietnam.</summary>
    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected async Task AddPeopleAsync() => await RunRecipeAsync("workflow-people.recipe.json");

    protected async Task<string> TokenAsync(string userName)
    {
        var password = userName == TestSite.AdminUserName ? TestSite.AdminPassword : Password;
        if (_tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        var response = await Client().PostAsync("/api/auth/token", Json(new { userName, password }));
        AssertStatus(HttpStatusCode.OK, response);
        var token = (await ReadAsync(response))["token"]!.GetValue<string>();
        _tokens[userName] = token;
        return token;
    }

    /// <summary>A back-office browser signed in as <paramref name="userName"/> with the password.</summary>
    protected async Task<HttpClient> SignedInAsync(string userName)
    {
        var browser = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(browser, userName, Password));
        return browser;
    }

    protected async Task<HttpClient> ApiAsync(string userName)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    protected static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    protected static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    protected static object NewsContent(string title, string body = "<p>Sáng 28/11, Cục Thống kê tổ chức hội nghị.</p>") => new
    {
        TitlePart = new { Title = title },
        HtmlBodyPart = new { Html = body },
        News = new { Category = new { TermIds = new[] { "hoat-dong-cua-cuc" } } },
    };

    /// <summary>Creates a news draft as <paramref name="author"/>; returns its id.</summary>
    protected async Task<string> CreateNewsAsync(string title, string author = Contributor)
    {
        var response = await (await ApiAsync(author)).PostAsync("/api/content", Json(new { contentType = "News", content = NewsContent(title) }));
        AssertStatus(HttpStatusCode.Created, response);
        return (await ReadAsync(response))["contentItemId"]!.GetValue<string>();
    }

    /// <summary>Creates a news draft as the contributor, to be released at <paramref name="releaseUtc"/> once published; returns its id.</summary>
    protected async Task<string> CreateScheduledNewsAsync(string title, DateTime releaseUtc)
    {
        var response = await (await ApiAsync(Contributor)).PostAsync("/api/content", Json(new
        {
            contentType = "News",
            content = new
            {
                TitlePart = new { Title = title },
                News = new { Category = new { TermIds = Activities } },
                PublishLaterPart = new { ScheduledPublishUtc = releaseUtc },
            },
        }));
        AssertStatus(HttpStatusCode.Created, response);
        return (await ReadAsync(response))["contentItemId"]!.GetValue<string>();
    }

    protected async Task<HttpResponseMessage> TransitionAsync(string userName, string id, string transition, string? comment = null, int? expectedVersion = null) =>
        await (await ApiAsync(userName)).PostAsync($"/api/workflow/{id}/transitions/{transition}", Json(new { comment, expectedVersion }));

    /// <summary>Takes the steps in order, each by its person; every one must succeed.</summary>
    protected async Task AdvanceAsync(string id, params (string User, string Transition)[] steps)
    {
        foreach (var (user, transition) in steps)
        {
            var response = await TransitionAsync(user, id, transition, comment: "Đồng ý.");
            Assert.True(response.IsSuccessStatusCode, $"{user} {transition}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    protected static readonly (string, string)[] ToBoardHead = [(Contributor, "submit"), (UnitHead, "send-to-board"), (Secretary, "present")];

    protected static readonly (string, string)[] ToApproved = [.. ToBoardHead, (BoardHead, "approve")];

    protected async Task<JsonObject> StatusAsync(string id, string userName = Secretary)
    {
        var response = await (await ApiAsync(userName)).GetAsync($"/api/workflow/{id}");
        AssertStatus(HttpStatusCode.OK, response);
        return await ReadAsync(response);
    }

    /// <summary>What a refused request must leave untouched: the state, the record, the published flag, the approved version.</summary>
    protected async Task<string> FootprintAsync(string id)
    {
        var status = await StatusAsync(id);
        return string.Join('|', status["state"]!["name"], status["record"]!.AsArray().Count, status["published"], status["approvedVersionId"], status["contentVersion"]);
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and a Vietnamese explanation.</summary>
    protected static async Task AssertProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        AssertStatus(status, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }
}
