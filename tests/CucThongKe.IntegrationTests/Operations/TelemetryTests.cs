using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Tests.Operations;

/// <summary>The operator's metrics at <c>/metrics</c> (who may read them, what they hold) and the requests' correlation ids.</summary>
/// <remarks>Run alone (<see cref="ProcessWideMeters"/>): a site's metrics listen to every meter of their name in the
/// process, so while other test sites live in it their caches' gauges (the same names and tags) go into this site's
/// scrape and one of them is reported. A node is one site per process; the test host is not.</remarks>
[Collection(ProcessWideMeters.Name)]
public sealed partial class TelemetryTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private const string Token = "prometheus-kiem-thu-0123456789abcdefghijklmn";

    /// <summary>Given to the site as a logger provider; the site disposes it.</summary>
    private CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string>
    {
        ["Cms:Telemetry:MetricsToken"] = Token,
        ["Logging:LogLevel:CucThongKe.Requests"] = "Information",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    [Fact]
    public async Task Metrics_go_to_prometheus_with_the_token_and_to_an_operator_with_the_permission_and_to_nobody_else()
    {
        var reader = Client();
        AssertStatus(HttpStatusCode.OK, await reader.GetAsync("/"));
        AssertStatus(HttpStatusCode.OK, await reader.GetAsync("/"));
        AssertStatus(HttpStatusCode.OK, await reader.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString("dân số")));

        // Anonymous, a wrong token, a token one character short, a signed-in user without the permission: nothing.
        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync("/metrics"));
        AssertStatus(HttpStatusCode.Unauthorized, await ScrapeAsync("prometheus-kiem-thu-0123456789abcdefghijklmX"));
        AssertStatus(HttpStatusCode.Unauthorized, await ScrapeAsync(Token[..^1]));
        await Site.WithScopeAsync(async s =>
        {
            var created = await s.GetRequiredService<UserManager<CmsUser>>().CreateAsync(new CmsUser { UserName = "nhanvien.thongke", DisplayName = "Nhân viên thống kê" }, "NhanVien@2026!");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        });
        var clerk = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(clerk, "nhanvien.thongke", "NhanVien@2026!"));
        AssertStatus(HttpStatusCode.NotFound, await clerk.GetAsync("/metrics"));

        // Prometheus with the token.
        var scraped = await ScrapeAsync(Token);
        AssertStatus(HttpStatusCode.OK, scraped);
        var metrics = await scraped.Content.ReadAsStringAsync();
        Assert.True(Value(metrics, "http_server_request_duration_seconds_count", "http_response_status_code=\"200\"") >= 3, "The pages read are not counted.");
        Assert.True(Value(metrics, "cms_cache_size_bytes", "cache=\"pages\"") > 0, "The page cache's size is not reported after a page view.");
        Assert.True(Value(metrics, "cms_cache_limit_bytes", "cache=\"pages\"") > 0);
        Assert.True(Value(metrics, "cms_search_duration_seconds_count", "") >= 1, "The search was not timed.");
        foreach (var queue in new[] { "search-indexing", "mail-notifications", "mail-citizens" })
        {
            Assert.True(Value(metrics, "cms_queue_length", $"queue=\"{queue}\"") >= 0);
        }

        // An operator signed in with the permission (the Administrator holds every one).
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        var page = await admin.GetAsync("/metrics");
        AssertStatus(HttpStatusCode.OK, page);
        Assert.Contains("cms_cache_entries", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(CorePermissions.ViewMetrics, Site.Services.GetRequiredService<PermissionCatalog>().All);
    }

    [Fact]
    public async Task Each_request_carries_its_correlation_id_in_the_answer_and_its_log_scope_and_a_forged_one_is_replaced()
    {
        var client = Client();

        // A proxy's id is kept.
        var proxied = await SendAsync(client, "X-Request-ID", "nginx-7f3a9c2e-0001");
        Assert.Equal("nginx-7f3a9c2e-0001", Id(proxied));
        Assert.Contains(Logs.Requests(), e => e.CorrelationId == "nginx-7f3a9c2e-0001" && e.Message.Contains("GET /", StringComparison.Ordinal));

        // A W3C trace context gives its trace id.
        var traced = await SendAsync(client, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Id(traced));

        // Without either, a new id each time.
        var first = Id(await client.GetAsync("/"));
        var second = Id(await client.GetAsync("/"));
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);

        // Forged: 10 KB, or characters that are no id's (a log line's markup). Replaced, echoed nowhere, logged nowhere.
        var huge = new string('A', 10_000);
        const string Markup = "abc <script>alert(1)</script>";
        foreach (var forged in new[] { huge, Markup })
        {
            var answer = await SendAsync(client, "X-Request-ID", forged);
            AssertStatus(HttpStatusCode.OK, answer);
            Assert.Matches("^[0-9a-f]{32}$", Id(answer));
            Assert.Contains(Logs.Requests(), e => e.CorrelationId == Id(answer));
        }

        Assert.DoesNotContain(Logs.All, e => e.Text.Contains("AAAAAAAAAAAAAAAA", StringComparison.Ordinal) || e.Text.Contains("<script>", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> ScrapeAsync(string token)
    {
        var prometheus = Client();
        prometheus.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return prometheus.GetAsync("/metrics");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        Assert.True(request.Headers.TryAddWithoutValidation(header, value));
        return client.SendAsync(request);
    }

    private static string Id(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("X-Request-ID"));

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/>; fails when there is none.</summary>
    private static double Value(string metrics, string name, string label)
    {
        var samples = SampleLine().Matches(metrics)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(samples.Count > 0, $"No sample of {name} with {label} in:\n{metrics}");
        return samples.Sum();
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>[^ \n]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    /// <summary>Every log entry of the site with the scopes it was written in.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<(string Category, string Message, string? CorrelationId, string Text)> All { get; } = new();

        public IEnumerable<(string Category, string Message, string? CorrelationId, string Text)> Requests() =>
            All.Where(e => e.Category == "CucThongKe.Requests");

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? correlation = null;
                var text = new List<string> { formatter(state, exception) };
                owner._scopes?.ForEachScope((scope, _) =>
                {
                    text.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            text.Add($"{key}={value}");
                            correlation = key == "CorrelationId" ? value?.ToString() : correlation;
                        }
                    }
                }, (object?)null);
                owner.All.Enqueue((category, text[0], correlation, string.Join(" | ", text)));
            }
        }
    }
}

/// <summary>Tests that read the process's meters: run one at a time, after every parallel test class (no other site alive).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "Process-wide meters";
}
