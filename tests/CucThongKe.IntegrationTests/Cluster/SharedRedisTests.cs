using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Cluster;

/// <summary>The Redis server the test command started (CMS_TEST_REDIS), or a clear failure saying how to get one.</summary>
public static class TestRedis
{
    public const string Variable = "CMS_TEST_REDIS";

    public static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Tests of several nodes need a Redis server: run the README's test command (./build/test.sh), which starts a throw-away " +
                $"redis-server (Debian package redis-server) on loopback, or set {Variable} to one (e.g. 127.0.0.1:6379).");

    /// <summary>Points a site at the test server under a prefix of its own, so that classes running side by side share nothing.</summary>
    public static Action<IServiceCollection> Use(string prefix) =>
        services => services.Configure<ClusterOptions>(o =>
        {
            o.Redis = Server;
            o.RedisPrefix = prefix;
        });
}

/// <summary>Two nodes over one database and one Redis server: what one node changes or counts, the other sees at once.</summary>
/// <remarks>SQLite is enough for what Redis carries (evictions, counts, marks); the two-node test over PostgreSQL, real
/// processes and a proxy is <c>TwoNodeTests</c>. The pair is shared by the class.</remarks>
public sealed class SharedRedisTests(SharedRedisTests.Nodes nodes) : IClassFixture<SharedRedisTests.Nodes>
{
    /// <summary>Sign-in attempts one address may make a minute on these nodes, whichever node it asks.</summary>
    private const int AddressLimit = 4;

    private const int AccountLimit = 3;

    public sealed class Nodes : IDisposable
    {
        private readonly string _folderB = Directory.CreateTempSubdirectory("cucthongke-node-b").FullName;

        public Nodes()
        {
            var prefix = $"test-{Guid.NewGuid():N}:";
            Action<IServiceCollection> configure = services =>
            {
                TestRedis.Use(prefix)(services);
                services.Configure<SecurityOptions>(o =>
                {
                    o.SignInAttemptsPerAddressPerMinute = AddressLimit;
                    o.SignInAttemptsPerAccountPerMinute = AccountLimit;
                });
            };
            A = new TestSite(configureServices: configure);
            B = new TestSite(dataPath: _folderB, sharedConnectionString: A.SharedConnectionString, configureServices: configure);
            _ = A.Services;
            _ = B.Services;
        }

        public TestSite A { get; }

        public TestSite B { get; }

        public void Dispose()
        {
            B.Dispose();
            A.Dispose();
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(_folderB);
        }
    }

    [Fact]
    public async Task A_news_item_published_on_node_a_shows_in_node_bs_cached_listing_within_a_second()
    {
        using var readerOnB = nodes.B.CreateClient(new() { AllowAutoRedirect = false });
        // Node B has the listing in its page cache (the second read is served from it).
        await readerOnB.GetAsync("/tin-tuc");
        var cached = await readerOnB.GetAsync("/tin-tuc");
        Assert.NotNull(cached.Headers.Age);

        var title = $"Thông cáo báo chí tình hình kinh tế – xã hội quý IV {Guid.NewGuid().ToString("N")[..6]}";
        await nodes.A.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("News");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Tổng sản phẩm trên địa bàn tỉnh tăng 7,2%.</p>" };
            item.Content["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong-cua-cuc") } };
            var saved = await contents.CreateAsync(item);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Import, "tester", "thử hai nút"));
        });

        var published = DateTime.UtcNow;
        string listing;
        do
        {
            listing = await readerOnB.GetStringAsync("/tin-tuc");
        }
        while (!listing.Contains(title, StringComparison.Ordinal) && DateTime.UtcNow - published < TimeSpan.FromSeconds(1));

        Assert.Contains(title, listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_counted_for_the_site_not_for_each_node()
    {
        using var onA = nodes.A.CreateClient(new() { AllowAutoRedirect = false });
        using var onB = nodes.B.CreateClient(new() { AllowAutoRedirect = false });

        // Per address (the rate-limit policy): posts alternate between the nodes; the limit's next post is refused on either.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AddressLimit; i++)
        {
            var client = i % 2 == 0 ? onA : onB;
            statuses.Add((await client.PostAsync("/dang-nhap", new FormUrlEncodedContent([]))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..AddressLimit]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Per account (the sign-in throttle), whatever the address: counted once per attempt on either node.
        var account = "nguyễn.văn.thống." + Guid.NewGuid().ToString("N")[..6];
        var allowed = new List<bool>();
        for (var i = 0; i <= AccountLimit; i++)
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            allowed.Add(await node.Services.GetRequiredService<SignInThrottle>().TryAcquireAsync(account));
        }

        Assert.Equal([.. Enumerable.Repeat(true, AccountLimit), false], allowed);
    }

    [Fact]
    public async Task An_editor_on_node_a_is_seen_by_an_editor_of_the_same_item_on_node_b_until_leaving()
    {
        var item = Guid.NewGuid().ToString("N");
        var onA = nodes.A.Services.GetRequiredService<EditingPresence>();
        var onB = nodes.B.Services.GetRequiredService<EditingPresence>();

        Assert.Empty(await onA.MarkAsync(item, "ctv.tonghop"));
        Assert.Equal(["ctv.tonghop"], await onB.MarkAsync(item, "tp.tonghop"));
        Assert.Equal(["tp.tonghop"], await onA.MarkAsync(item, "ctv.tonghop"));

        await onA.LeaveAsync(item, "ctv.tonghop");
        Assert.Empty(await onB.MarkAsync(item, "tp.tonghop"));
        Assert.Equal(0, onB.Count); // held in Redis, not in node B's memory
    }

    [Fact]
    public async Task Several_nodes_without_redis_or_with_a_redis_that_does_not_answer_do_not_start()
    {
        var data = Directory.CreateTempSubdirectory("cucthongke-nodes").FullName;
        string[] postgres = ["--Cms:DataPath=" + data, "--Cms:Database:Provider=Postgres", "--ConnectionStrings:Default=Host=127.0.0.1;Port=1;Database=none", "--Logging:LogLevel:Default=None"];
        var (started, errors) = await StartupTests.InitializeAsync([.. postgres, "--Cms:Cluster:MultipleNodes=true"], () => { });
        Assert.False(started);
        Assert.Equal(CmsInitializer.MultipleNodesWithout(postgres: false, redis: true), errors.Trim());
        Assert.Contains("Redis (Cms:Cluster:Redis)", errors, StringComparison.Ordinal);

        // One node told to use a Redis server that is not there: refused before the database is even asked.
        var (startedAlone, refusal) = await StartupTests.InitializeAsync(
            ["--Cms:DataPath=" + data, "--Cms:Cluster:Redis=127.0.0.1:1,connectTimeout=500", "--Logging:LogLevel:Default=None"], () => TestFolders.Delete(data));
        Assert.False(startedAlone);
        Assert.StartsWith("Không kết nối được máy Redis dùng chung (Cms:Cluster:Redis = '127.0.0.1:1,connectTimeout=500')", refusal.Trim(), StringComparison.Ordinal);
        Assert.Single(refusal.Trim().Split('\n'));
    }
}
