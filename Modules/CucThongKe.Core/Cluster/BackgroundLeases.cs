using System.Collections.Concurrent;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Cluster;

/// <summary>Who runs one kind of background work (<see cref="Name"/>) until when: one row per kind, shared by every node.</summary>
public sealed class BackgroundLease
{
    public required string Name { get; set; }

    /// <summary>The node holding the lease (<see cref="ClusterOptions.NodeId"/>).</summary>
    public required string Holder { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

internal sealed class BackgroundLeaseConfiguration : IEntityTypeConfiguration<BackgroundLease>
{
    public void Configure(EntityTypeBuilder<BackgroundLease> builder)
    {
        builder.ToTable("Leases");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Holder).HasMaxLength(200);
    }
}

/// <summary>
/// Background work that must run on one node at a time (scheduled publishing, deadline escalation, mail, backups): a loop
/// does a round only while <see cref="HoldAsync"/> says this node holds the work's lease. A lease is a row taken or renewed
/// by one conditional UPDATE (held by this node, or expired), so of two nodes asking at once exactly one gets it, on SQLite
/// and PostgreSQL alike. A node that dies stops renewing and another takes the work over once the lease expires; a node
/// that stops gracefully releases its leases (this service stops after the loops, being registered before them).
/// </summary>
/// <remarks>On one node nothing changes: it takes every lease at its first round and keeps it. Nodes' clocks are assumed
/// to agree to well within a lease (NTP): the expiry is written by the holder's clock and read by the others'. While the
/// node runs, the leases it holds are renewed every third of a lease whatever the loops do: a loop may sleep longer than a
/// lease (the deadline escalation's minute, the backup's five minutes) without another node taking its work between two
/// of its rounds; a node that dies stops renewing, so the work still moves after one lease.</remarks>
public sealed class BackgroundLeases : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<BackgroundLeases> _logger;
    private readonly TimeSpan _duration;

    /// <summary>The leases this node believes it holds, with their expiry as last written.</summary>
    private readonly ConcurrentDictionary<string, DateTime> _held = new(StringComparer.Ordinal);

    /// <summary>When each lease's loop last asked for it (<see cref="HoldAsync"/>).</summary>
    private readonly ConcurrentDictionary<string, DateTime> _asked = new(StringComparer.Ordinal);

    public BackgroundLeases(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ClusterOptions> options, ILogger<BackgroundLeases> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _duration = TimeSpan.FromSeconds(Math.Max(5, options.Value.LeaseSeconds));
        NodeId = string.IsNullOrWhiteSpace(options.Value.NodeId)
            ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}"
            : options.Value.NodeId.Trim();
    }

    /// <summary>How long a loop may go without asking for its lease before the renewal stops keeping it (the longest
    /// sleep is the daily backup's five minutes).</summary>
    public static readonly TimeSpan LoopSilence = TimeSpan.FromMinutes(15);

    /// <summary>This node's name in the lease rows.</summary>
    public string NodeId { get; }

    /// <summary>How long a lease lasts without renewal.</summary>
    public TimeSpan Duration => _duration;

    /// <summary>Takes or renews the lease of <paramref name="name"/>: true when this node may do a round of that work now.</summary>
    /// <remarks>A lease with more than two thirds of its time left is not renewed (no database round trip), so a loop may
    /// call this as often as it likes; between its rounds the renewal loop keeps the lease.</remarks>
    public Task<bool> HoldAsync(string name, CancellationToken cancellationToken)
    {
        _asked[name] = _clock.GetUtcNow().UtcDateTime;
        return TakeOrRenewAsync(name, cancellationToken);
    }

    private async Task<bool> TakeOrRenewAsync(string name, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (_held.TryGetValue(name, out var until) && until - now > _duration * 2 / 3)
        {
            return true;
        }

        var expires = now + _duration;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var holder = NodeId;
        var taken = await db.Set<BackgroundLease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, expires), cancellationToken) == 1;
        if (!taken)
        {
            // No row yet (the first round of this work ever), or another node's lease: the INSERT tells them apart.
            taken = await TryInsertAsync(db, name, expires, cancellationToken);
        }

        if (taken)
        {
            if (!_held.ContainsKey(name))
            {
                _logger.LogInformation("Nút {Node} nhận việc nền '{Lease}'.", NodeId, name);
            }

            _held[name] = expires;
        }
        else if (_held.TryRemove(name, out _))
        {
            _logger.LogWarning("Nút {Node} mất việc nền '{Lease}' cho nút khác.", NodeId, name);
        }

        return taken;
    }

    /// <summary>Gives the lease up at once (it expires now), so that another node need not wait for it to run out.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        if (!_held.TryRemove(name, out _))
        {
            return;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var holder = NodeId;
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Set<BackgroundLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, now), cancellationToken);
    }

    /// <summary>Renews every lease this node holds (a round of the renewal loop).</summary>
    /// <remarks>A lease whose loop has not asked for it for <see cref="LoopSilence"/> (longer than any loop sleeps) is not
    /// renewed: a loop that died lets its work go to another node.</remarks>
    public async Task RenewHeldAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var name in _held.Keys.ToList())
        {
            if (!_asked.TryGetValue(name, out var asked) || now - asked > LoopSilence)
            {
                continue;
            }

            try
            {
                await TakeOrRenewAsync(name, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database away for a moment: the next round (a third of a lease later) tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Không gia hạn được việc nền '{Lease}'; thử lại sau.", name);
            }
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Graceful shutdown: every lease this node holds is released, after the loops using them have stopped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var name in _held.Keys.ToList())
        {
            try
            {
                await ReleaseAsync(name, cancellationToken);
            }
#pragma warning disable CA1031 // A lease not released runs out by itself; shutdown goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Không trả được việc nền '{Lease}'; nút khác sẽ nhận sau khi hết hạn.", name);
            }
        }
    }

    /// <summary>The first round of a kind of work ever: the row is made; of two nodes making it at once the key keeps one
    /// (the same statement on SQLite and PostgreSQL, and no error logged for the one that lost).</summary>
    private async Task<bool> TryInsertAsync(CmsDbContext db, string name, DateTime expires, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"Leases\" (\"Name\", \"Holder\", \"ExpiresUtc\") VALUES ({name}, {NodeId}, {expires}) ON CONFLICT (\"Name\") DO NOTHING",
            cancellationToken) == 1;
}

/// <summary>Renews the leases this node holds every third of a lease (see <see cref="BackgroundLeases"/>).</summary>
/// <remarks>Registered right after <see cref="BackgroundLeases"/>: it stops after the loops and before the leases are released.</remarks>
internal sealed class BackgroundLeaseRenewal(BackgroundLeases leases, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(leases.Duration / 3, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await leases.RenewHeldAsync(stoppingToken);
        }
    }
}
