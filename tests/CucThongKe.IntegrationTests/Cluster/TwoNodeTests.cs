using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;
using Yarp.ReverseProxy.Configuration;

namespace CucThongKe.Tests.Cluster;

/// <summary>
/// Two site processes (<c>dotnet CucThongKe.Web.dll</c>, real Kestrel, each its own data folder) over one PostgreSQL
/// database and one Redis server, behind a reverse proxy on loopback (YARP, in the test process), as an operator runs them.
/// </summary>
/// <remarks>
/// Real processes, not in-process hosts: a node must be killed (<c>kill -9</c>, no graceful stop releasing its leases) and
/// each node must have only what it shares through the database and Redis. The pair starts once for the class. The proxy
/// sends a request to node A or B when it carries <c>X-Test-Node: a</c> or <c>b</c>, round robin otherwise. The tests run
/// in the order of their names: the last one kills a node.
/// </remarks>
[TestCaseOrderer("CucThongKe.Tests.Cluster.ByName", "CucThongKe.IntegrationTests")]
public sealed partial class TwoNodeTests(TwoNodeTests.Pair pair, ITestOutputHelper output) : IClassFixture<TwoNodeTests.Pair>
{
    private const string AdminPassword = TestSite.AdminPassword;

    public sealed class Pair : IAsyncLifetime
    {
        private readonly string _database = "cms_test_nodes_" + Guid.NewGuid().ToString("N")[..12];
        private readonly string _root = Directory.CreateTempSubdirectory("cucthongke-two-nodes").FullName;

        /// <summary>The folder holding each node's data folder (<c>a</c>, <c>b</c>).</summary>
        public string Root => _root;
        private WebApplication? _proxy;

        public Node A { get; private set; } = null!;

        public Node B { get; private set; } = null!;

        public string ConnectionString { get; private set; } = "";

        public Uri Proxy { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var redis = TestRedis.Server;
            var recipe = Path.Combine(AppContext.BaseDirectory, "Recipes", "cucthongke-thainguyen.recipe.json");
            ConnectionString = TestPostgres.CreateDatabase(_database, TestTemplates.For(DatabaseProvider.Postgres, recipe, new Dictionary<string, string>()));
            var prefix = $"test-{Guid.NewGuid():N}:";
            A = Node.Start("a", _root, ConnectionString, redis, prefix);
            B = Node.Start("b", _root, ConnectionString, redis, prefix);
            await Task.WhenAll(A.WaitReadyAsync(), B.WaitReadyAsync());
            _proxy = StartProxy(A.Address, B.Address);
            await _proxy.StartAsync();
            Proxy = new Uri(_proxy.Urls.First());
        }

        public async Task DisposeAsync()
        {
            if (_proxy is not null)
            {
                await _proxy.DisposeAsync();
            }

            A?.Dispose();
            B?.Dispose();
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(_database);
            TestFolders.Delete(_root);
        }

        /// <summary>A client of the proxy with its own cookies.</summary>
        public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Proxy,
            Timeout = TimeSpan.FromSeconds(30),
        };

        private static WebApplication StartProxy(Uri a, Uri b)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            static RouteConfig To(string node, int order, string? header) => new()
            {
                RouteId = node,
                ClusterId = node,
                Order = order,
                Match = new RouteMatch { Path = "{**all}", Headers = header is null ? null : [new RouteHeader { Name = "X-Test-Node", Values = [header] }] },
            };
            static ClusterConfig Cluster(string id, params Uri[] nodes) => new()
            {
                ClusterId = id,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = nodes.Select((n, i) => (n, i)).ToDictionary(x => $"{id}{x.i}", x => new DestinationConfig { Address = x.n.ToString() }),
            };
            builder.Services.AddReverseProxy().LoadFromMemory(
                [To("a", 1, "a"), To("b", 1, "b"), To("both", 2, null)],
                [Cluster("a", a), Cluster("b", b), Cluster("both", a, b)]);
            var app = builder.Build();
            app.MapReverseProxy();
            return app;
        }
    }

    /// <summary>One site process.</summary>
    public sealed class Node : IDisposable
    {
        private readonly Process _process;
        private readonly string _log;

        private Node(string name, Process process, Uri address, string log)
        {
            Name = name;
            _process = process;
            Address = address;
            _log = log;
        }

        public string Name { get; }

        public Uri Address { get; }

        public bool Running => !_process.HasExited;

        public static Node Start(string name, string root, string connectionString, string redis, string prefix)
        {
            var data = Path.Combine(root, name);
            Directory.CreateDirectory(data);
            var port = FreePort();
            var web = WebProject();
            var log = Path.Combine(root, name + ".log");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = web,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                Path.Combine(web, "bin", "Release", "net10.0", "CucThongKe.Web.dll"),
                "--environment", "Testing",
                "--urls", $"http://127.0.0.1:{port}",
                "--Cms:DataPath=" + data,
                "--Cms:Database:Provider=Postgres",
                "--ConnectionStrings:Default=" + connectionString,
                "--Cms:Cluster:MultipleNodes=true",
                "--Cms:Cluster:NodeId=node-" + name,
                "--Cms:Cluster:LeaseSeconds=5",
                "--Cms:Cluster:Redis=" + redis,
                "--Cms:Cluster:RedisPrefix=" + prefix,
                // No shared folder between the nodes: the library's files are kept in the database.
                "--Cms:Media:Store=Database",
                "--Cms:Network:KnownProxies:0=127.0.0.1",
                "--Cms:Security:RequireTwoFactorForRoles=",
                "--Cms:Setup:AdditionalRecipes:0=",
                "--Logging:LogLevel:Default=Warning",
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var writer = new StreamWriter(log) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => { lock (writer) { writer.WriteLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (writer) { writer.WriteLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Node(name, process, new Uri($"http://127.0.0.1:{port}"), log);
        }

        public async Task WaitReadyAsync()
        {
            using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
            var started = Stopwatch.StartNew();
            while (started.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Node {Name} stopped at start-up: {File.ReadAllText(_log)}");
                }

                try
                {
                    if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but not answering within the request's 5 s (its first request on a loaded machine): ask again.
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"Node {Name} did not answer /health in 90 s: {File.ReadAllText(_log)}");
        }

        /// <summary>SIGTERM, as systemd and docker stop a node: the exit code of its graceful stop.</summary>
        public async Task<int> TerminateAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        /// <summary>kill -9: no graceful stop, its leases stay until they expire.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string WebProject()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CucThongKe.slnx")))
                {
                    return Path.Combine(folder.FullName, "CucThongKe.Web");
                }
            }

            throw new InvalidOperationException("The repository (CucThongKe.slnx) was not found above the test assembly.");
        }
    }

    [Fact]
    public async Task Publication_on_node_a_is_read_on_node_b_sitemap_page_and_search_within_moments()
    {
        using var editor = pair.Client();
        using var reader = pair.Client();
        await SignInAsync(editor, "a");
        // Node B has the sitemap in its page cache before the publication.
        await GetAsync(reader, "b", "/sitemap.xml");
        Assert.NotNull((await SendAsync(reader, "b", HttpMethod.Get, "/sitemap.xml")).Headers.Age);

        // A word no other item has, of letters only (the analyser splits letters from digits).
        var word = "thainguyen" + new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26)))]);
        var title = $"Công bố kết quả điều tra lao động việc làm {word}";
        var created = await PostFormAsync(editor, "a", "/admin/contents/create/Page", "/admin/contents/create/Page", new()
        {
            ["TitlePart.Title"] = title,
            ["HtmlBodyPart.Html"] = "<p>Tỷ lệ thất nghiệp của tỉnh Thái Nguyên là 1,9%.</p>",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var published = await PostFormAsync(editor, "a", edit, edit, new() { ["version"] = "1", ["intent"] = "publish", ["TitlePart.Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var at = Stopwatch.StartNew();

        // Node B, side by side: its cached sitemap (evicted by A's message) and its own search index (following the
        // indexing-task log). Each is timed at the start of the first request that shows the item, so a slow answer on a
        // loaded machine does not count against the other, nor the time to read it against the node.
        var inSitemap = FirstSeenAsync(at, () => GetAsync(reader, "b", "/sitemap.xml"), s => s.Contains(word, StringComparison.Ordinal));
        var inSearch = FirstSeenAsync(at, () => GetAsync(reader, "b", "/tim-kiem?q=" + word), s => s.Contains(title, StringComparison.Ordinal));
        var (sitemap, sitemapAt) = await inSitemap;
        var (search, searchAt) = await inSearch;
        output.WriteLine($"Published on A; on B in the sitemap after {sitemapAt.TotalMilliseconds:0} ms, in the search after {searchAt.TotalMilliseconds:0} ms");
        var found = sitemap.IndexOf(word, StringComparison.Ordinal);
        Assert.True(found > 0, $"Node B's sitemap does not list the page {at.ElapsedMilliseconds} ms after its publication.");
        Assert.True(search.Contains(title, StringComparison.Ordinal), $"Node B's search does not find the page {at.ElapsedMilliseconds} ms after its publication.");
        var start = sitemap.LastIndexOf("<loc>", found, StringComparison.Ordinal) + "<loc>".Length;
        var loc = sitemap[start..sitemap.IndexOf("</loc>", found, StringComparison.Ordinal)];
        var path = Uri.TryCreate(loc, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : loc;
        // The page itself was in no cache: node B reads it from the database.
        var page = await UntilAsync(() => GetAsync(reader, "b", path), s => s.Contains(title, StringComparison.Ordinal));

        // The node stamps the publication with the machine's clock (no test clock leaks into a node process).
        await using (var db = new NpgsqlConnection(pair.ConnectionString))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"PublishedUtc\" FROM \"ContentItems\" WHERE \"DisplayText\" = @title AND \"Published\"", db);
            command.Parameters.AddWithValue("title", title);
            var stamped = (DateTime)(await command.ExecuteScalarAsync())!;
            output.WriteLine($"PublishedUtc {stamped:O} ({stamped.Kind}); the test's clock {DateTime.UtcNow:O}");
            Assert.InRange(DateTime.SpecifyKind(stamped, DateTimeKind.Utc), DateTime.UtcNow - TimeSpan.FromSeconds(30), DateTime.UtcNow);
        }

        // The issue's figure is a second, and a quiet machine shows a few milliseconds for the sitemap and a few hundred for
        // the search (printed above, and in bench/README.md). The bound here is what no loaded CI machine should reach
        // while the mechanism works: the search follows the task log every 250 ms and indexes with what CPU is left (2.3 s
        // was seen once with three test lanes and a build on two cores), and a broken one leaves the old page for the
        // output cache's whole lifetime or never finds the item.
        var bound = TimeSpan.FromSeconds(5);
        Assert.True(sitemapAt < bound, $"Node B's sitemap listed the publication after {sitemapAt.TotalMilliseconds:0} ms.");
        Assert.True(searchAt < bound, $"Node B's search found the publication after {searchAt.TotalMilliseconds:0} ms.");
        Assert.Contains(word, path, StringComparison.Ordinal);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\"", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_on_node_a_and_the_editor_continues_on_node_b_with_node_as_form()
    {
        using var editor = pair.Client();
        await SignInAsync(editor, "a");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(editor, "b", HttpMethod.Get, "/admin")).StatusCode);

        // The create form (and its antiforgery token) from node A, posted to node B.
        var title = "Báo cáo nhanh tình hình sản xuất nông nghiệp tháng 11";
        var created = await PostFormAsync(editor, "a", "/admin/contents/create/Page", "/admin/contents/create/Page", new()
        {
            ["TitlePart.Title"] = title,
        }, postTo: "b");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = await GetAsync(editor, "a", created.Headers.Location!.OriginalString);
        Assert.Contains(title, edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_on_node_a_and_download_on_node_b_from_the_database_store()
    {
        using var editor = pair.Client();
        await SignInAsync(editor, "a");
        var html = await GetAsync(editor, "a", "/admin/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Tin tức"), "folder" },
            { new ByteArrayContent(BackOffice.MediaLibraryTests.Png(640, 480)), "file", "Ảnh hội nghị tổng kết năm 2026.png" },
        };
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/admin/media") { Content = form };
        upload.Headers.Add("X-Test-Node", "a");
        var uploaded = await editor.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var path = StoredPathPattern().Match(await uploaded.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("tin-tuc/anh-hoi-nghi-tong-ket-nam-2026-", path, StringComparison.Ordinal);

        // Node B has no copy on its disk: it reads the file from the database, resizes it, and keeps both.
        var variant = await SendAsync(editor, "b", HttpMethod.Get, $"/anh/160/{path}");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal("image/png", variant.Content.Headers.ContentType?.MediaType);
        using (var image = SkiaSharp.SKBitmap.Decode(await variant.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((160, 120), (image.Width, image.Height));
        }

        Assert.False(File.Exists(Path.Combine(pair.Root, "a", "media", path)));
        Assert.True(File.Exists(Path.Combine(pair.Root, "b", "media-store-cache", path)));
        await using var db = new NpgsqlConnection(pair.ConnectionString);
        await db.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM \"MediaBlobs\" WHERE \"Path\" = @id", path));
    }

    [Fact]
    public async Task When_the_node_holding_scheduled_publishing_is_killed_the_other_publishes_once()
    {
        // Both nodes run the scheduler; the lease row says which one publishes.
        var holder = await UntilAsync(() => LeaseHolderAsync(), h => h is "node-a" or "node-b");
        var (doomed, survivor) = holder == "node-a" ? (pair.A, pair.B) : (pair.B, pair.A);
        Assert.True(survivor.Running);

        var title = $"Lịch công bố: chỉ số giá tiêu dùng tháng 12 {Guid.NewGuid().ToString("N")[..6]}";
        var id = await ScheduleNewsAsync(title, TimeSpan.FromSeconds(2));
        doomed.Kill();
        var killed = Stopwatch.StartNew();

        using var reader = pair.Client();
        var feed = await UntilAsync(() => GetAsync(reader, survivor.Name, "/rss"), s => s.Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        output.WriteLine($"Node {doomed.Name} killed; node {survivor.Name} published after {killed.ElapsedMilliseconds} ms");
        Assert.Contains(title, feed, StringComparison.Ordinal);

        // Exactly once: the schedule completed without a refusal, one published version, one log entry for the publication.
        await using var db = new NpgsqlConnection(pair.ConnectionString);
        await db.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM \"ScheduledPublications\" WHERE \"ContentItemId\" = @id AND \"CompletedUtc\" IS NOT NULL AND \"Outcome\" = 'Đã đăng.'", id));
        Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM \"ContentItems\" WHERE \"ContentItemId\" = @id AND \"Published\"", id));
        Assert.Equal(2L, await ScalarAsync(db, "SELECT count(*) FROM \"IndexingTasks\" WHERE \"ContentItemId\" = @id", id)); // created, published
        Assert.Equal("node-" + survivor.Name, await LeaseHolderAsync());
    }

    [Fact]
    public async Task With_sigterm_the_last_node_stops_cleanly_and_releases_its_leases_at_once()
    {
        var node = pair.A.Running ? pair.A : pair.B;
        await using var db = new NpgsqlConnection(pair.ConnectionString);
        await db.OpenAsync();
        const string Held = "SELECT count(*) FROM \"Leases\" WHERE \"Holder\" = @id AND \"ExpiresUtc\" > now()";
        // The only node left holds scheduled publishing, renewed every half lease: without a release it would still be
        // held for seconds after the node stopped.
        Assert.True(await UntilAsync(() => ScalarAsync(db, Held, "node-" + node.Name), n => n >= 1, TimeSpan.FromSeconds(10)) >= 1);

        var exitCode = await node.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(0L, await ScalarAsync(db, Held, "node-" + node.Name));
    }

    private async Task<string?> LeaseHolderAsync()
    {
        await using var db = new NpgsqlConnection(pair.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Holder\" FROM \"Leases\" WHERE \"Name\" = 'scheduled-publishing'", db);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, string id)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A news item scheduled by a third process over the same database (the release calendar's path), due after <paramref name="delay"/>.</summary>
    private async Task<string> ScheduleNewsAsync(string title, TimeSpan delay)
    {
        var site = Program.BuildSite(["--environment", "Testing", "--Cms:Database:Provider=Postgres", "--ConnectionStrings:Default=" + pair.ConnectionString,
            "--Cms:DataPath=" + Path.Combine(Path.GetTempPath(), "cucthongke-tests", Guid.NewGuid().ToString("N")), "--Logging:LogLevel:Default=None"]);
        await using (site)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("News");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Chỉ số giá tiêu dùng tháng 12 tăng 0,3% so với tháng trước.</p>" };
            item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } };
            var saved = await contents.CreateAsync(item);
            await contents.ScheduleAsync(saved.ContentItemId, saved.Id, DateTime.UtcNow + delay, new PublishRequest(PublishSource.Import, "tester", "lịch công bố (kiểm thử hai nút)"));
            return saved.ContentItemId;
        }
    }

    private static async Task SignInAsync(HttpClient client, string node)
    {
        var signedIn = await PostFormAsync(client, node, "/dang-nhap", "/dang-nhap", new()
        {
            ["Input.UserName"] = TestSite.AdminUserName,
            ["Input.Password"] = AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string node, string page, string url, Dictionary<string, string> values, string? postTo = null)
    {
        var html = await GetAsync(client, node, page);
        values["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        post.Headers.Add("X-Test-Node", postTo ?? node);
        return await client.SendAsync(post);
    }

    private static async Task<string> GetAsync(HttpClient client, string node, string url)
    {
        var response = await SendAsync(client, node, HttpMethod.Get, url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} on node {node}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string node, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Test-Node", node);
        return client.SendAsync(request);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || started.Elapsed > (within ?? TimeSpan.FromSeconds(5)))
            {
                return value;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Polls until <paramref name="done"/>: the value, and when (on <paramref name="clock"/>) the request that first showed it was sent.</summary>
    private static async Task<(T Value, TimeSpan AskedAt)> FirstSeenAsync<T>(Stopwatch clock, Func<Task<T>> read, Func<T, bool> done)
    {
        while (true)
        {
            var asked = clock.Elapsed;
            var value = await read();
            if (done(value) || asked > TimeSpan.FromSeconds(5))
            {
                return (value, asked);
            }

            await Task.Delay(20);
        }
    }

    [GeneratedRegex("<code class=\"media-path\">([^<]+)</code>")]
    private static partial Regex StoredPathPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

}

/// <summary>Runs a class's tests in the order of their names (<see cref="TwoNodeTests"/>: the test that kills a node comes last).</summary>
public sealed class ByName : Xunit.Sdk.ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : Xunit.Abstractions.ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
