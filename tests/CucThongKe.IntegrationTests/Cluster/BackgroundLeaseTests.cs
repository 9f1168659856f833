using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CucThongKe.Tests.Cluster;

/// <summary>Two nodes' lease holders over one database, in one process, on one shifted clock.</summary>
public abstract class BackgroundLeaseTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    protected ShiftedClock Clock { get; } = new();

    protected BackgroundLeases Node(string id, int leaseSeconds = 30) => new(
        Site.Services.GetRequiredService<IServiceScopeFactory>(), Clock,
        Options.Create(new ClusterOptions { NodeId = id, LeaseSeconds = leaseSeconds }), NullLogger<BackgroundLeases>.Instance);

    [Fact]
    public async Task Of_two_nodes_asking_at_once_exactly_one_gets_the_lease_whether_it_is_new_or_expired()
    {
        var a = Node("node-a");
        var b = Node("node-b");

        for (var round = 0; round < 10; round++)
        {
            var name = "race-" + round;
            // A new row: both try the UPDATE (nothing), then the INSERT; the key refuses one.
            var fresh = await Task.WhenAll(a.HoldAsync(name, default), b.HoldAsync(name, default));
            Assert.Equal(1, fresh.Count(held => held));
        }

        Clock.Advance(TimeSpan.FromSeconds(31));
        for (var round = 0; round < 10; round++)
        {
            // Every lease has expired: both try the conditional UPDATE; one row changes for one of them.
            var expired = await Task.WhenAll(a.HoldAsync("race-" + round, default), b.HoldAsync("race-" + round, default));
            Assert.Equal(1, expired.Count(held => held));
        }

        var holders = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<BackgroundLease>()
            .Where(l => l.Name.StartsWith("race-")).Select(l => l.Holder).ToListAsync());
        Assert.Equal(10, holders.Count);
        Assert.All(holders, h => Assert.True(h is "node-a" or "node-b", h));
    }
}

public sealed class SqliteBackgroundLeaseTests() : BackgroundLeaseTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task One_node_runs_the_work_the_other_takes_it_over_when_the_holder_stops_renewing_and_at_once_when_it_releases()
    {
        var a = Node("node-a");
        var b = Node("node-b");
        const string Work = "test-work";

        Assert.True(await a.HoldAsync(Work, default));
        Assert.False(await b.HoldAsync(Work, default));

        // The holder renews as it goes: the other never gets in.
        Clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(await a.HoldAsync(Work, default));
        Assert.False(await b.HoldAsync(Work, default));

        // The holder dies (stops renewing): not before its lease runs out, then the other takes over, and the dead one,
        // were it to come back, no longer holds it.
        Clock.Advance(TimeSpan.FromSeconds(25));
        Assert.False(await b.HoldAsync(Work, default));
        Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await b.HoldAsync(Work, default));
        Assert.False(await a.HoldAsync(Work, default));

        // Graceful shutdown: released, so the other node need not wait for the lease to run out.
        await b.StopAsync(default);
        Assert.True(await a.HoldAsync(Work, default));
        Assert.False(await b.HoldAsync(Work, default));
    }

    [Fact]
    public async Task A_held_lease_is_renewed_while_the_loop_that_took_it_sleeps_longer_than_a_lease()
    {
        // The shortest lease (5 s), renewed every third of it on real time; the loop that took it never asks again (the
        // deadline escalation sleeps a minute, the backup five).
        var a = Node("node-a", leaseSeconds: 5);
        var b = Node("node-b", leaseSeconds: 5);
        const string Work = "test-sleeping-work";
        using var renewal = new BackgroundLeaseRenewal(a, Clock);
        await renewal.StartAsync(default);
        Assert.True(await a.HoldAsync(Work, default));

        // 4 s of the lease's 5 gone: the renewal takes it to 5 s from now (within 1.7 s of real time).
        Clock.Advance(TimeSpan.FromSeconds(4));
        var renewed = false;
        for (var i = 0; i < 60 && !renewed; i++)
        {
            await Task.Delay(50);
            var now = Clock.GetUtcNow().UtcDateTime;
            renewed = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<BackgroundLease>()
                .AnyAsync(l => l.Name == Work && l.Holder == "node-a" && l.ExpiresUtc > now.AddSeconds(3)));
        }

        Assert.True(renewed, "The held lease was not renewed between the loop's rounds.");
        // 8 s after it was taken, past the first lease: still node A's.
        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(await b.HoldAsync(Work, default));
        await renewal.StopAsync(default);

        // A loop silent for longer than any loop sleeps (dead): the renewal no longer keeps its work from the other node.
        Clock.Advance(BackgroundLeases.LoopSilence + TimeSpan.FromSeconds(1));
        await a.RenewHeldAsync(default);
        Assert.True(await b.HoldAsync(Work, default));
    }

    [Fact]
    public async Task The_sites_own_loops_take_their_leases_on_a_single_node()
    {
        var leases = Site.Services.GetRequiredService<BackgroundLeases>();
        // The scheduled publisher asks at its first round, at start.
        for (var i = 0; i < 100 && !await HeldAsync(leases.NodeId); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await HeldAsync(leases.NodeId));
        Assert.False(await Node("node-b").HoldAsync("scheduled-publishing", default));
    }

    private Task<bool> HeldAsync(string node) => Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<BackgroundLease>()
        .AnyAsync(l => l.Name == "scheduled-publishing" && l.Holder == node));
}

/// <summary>On PostgreSQL the two holders race through the same UPDATE and INSERT (its row locks and unique index).</summary>
public sealed class PostgresBackgroundLeaseTests() : BackgroundLeaseTests(DatabaseProvider.Postgres);
