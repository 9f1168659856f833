using System.Net.Sockets;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Cluster;

/// <summary>A node stopping gracefully (SIGTERM, <c>systemctl stop</c>): real Kestrel in the test process, so that a
/// request can be held under way while the host stops.</summary>
/// <remarks>The two-node test (<c>TwoNodeTests</c>) stops a real process with SIGTERM and checks its exit code and leases;
/// this one holds a request open through the stop, which a process from outside cannot do.</remarks>
public sealed class GracefulDrainTests : IDisposable
{
    private const string Node = "node-drain";

    private readonly string _data = Directory.CreateTempSubdirectory("cucthongke-drain").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing thread; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task A_stopping_node_finishes_the_request_under_way_takes_no_new_one_and_releases_its_leases()
    {
        var recipe = Path.Combine(AppContext.BaseDirectory, "Recipes", "cucthongke-thainguyen.recipe.json");
        if (TestTemplates.For(DatabaseProvider.Sqlite, recipe, new Dictionary<string, string>()) is { } template)
        {
            File.Copy(template, Path.Combine(_data, "cucthongke.db"));
        }

        var app = Program.BuildSite([
            "--environment", "Testing", "--urls", "http://127.0.0.1:0", "--Cms:DataPath=" + _data, "--Cms:Setup:Recipe=" + recipe,
            "--Cms:Setup:AdminUserName=" + TestSite.AdminUserName, "--Cms:Setup:AdminPassword=" + TestSite.AdminPassword,
            "--Cms:Cluster:NodeId=" + Node, "--Cms:Cluster:ShutdownSeconds=30", "--Logging:LogLevel:Default=Warning"]);
        await using (app)
        {
            var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            app.UseCms();
            app.MapGet("/kiem-thu/dang-xu-ly", async () =>
            {
                inside.TrySetResult();
                await finish.Task;
                return "Đã xử lý xong.";
            });
            Assert.True(await CmsInitializer.InitializeAsync(app.Services));
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

            // The scheduled publisher takes its lease at its first round.
            for (var i = 0; i < 200 && await HeldLeasesAsync(app) == 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.True(await HeldLeasesAsync(app) >= 1, "The node never took the scheduled publishing lease.");

            using var reader = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            var underWay = reader.GetStringAsync("/kiem-thu/dang-xu-ly");
            await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var stopping = app.StopAsync();
            // Draining: the stop waits for the request, and the node no longer accepts connections.
            await Task.Delay(500);
            Assert.False(stopping.IsCompleted, "The host stopped with a request under way.");
            using (var late = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) })
            {
                var refused = await Assert.ThrowsAsync<HttpRequestException>(() => late.GetAsync("/health"));
                Assert.IsType<SocketException>(refused.InnerException);
            }

            finish.SetResult();
            Assert.Equal("Đã xử lý xong.", await underWay.WaitAsync(TimeSpan.FromSeconds(30)));
            await stopping.WaitAsync(TimeSpan.FromSeconds(30));

            // Released at the stop (expired now), not left to run out: another node takes the work at once.
            Assert.Equal(0, await HeldLeasesAsync(app));
            Assert.True(await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CmsDbContext>().Set<BackgroundLease>()
                .AnyAsync(l => l.Holder == Node), "The lease row should stay, released, for the next holder.");
        }
    }

    private static async Task<int> HeldLeasesAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var now = DateTime.UtcNow;
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Set<BackgroundLease>().CountAsync(l => l.Holder == Node && l.ExpiresUtc > now);
    }
}
