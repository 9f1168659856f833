using CucThongKe.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CucThongKe.Core.Cluster;

/// <summary>
/// The Redis server the nodes share (<c>Cms:Cluster:Redis</c>), for what must reach every node at once: messages (the page
/// cache's evictions), counters (rate limits) and short-lived marks (who is editing what). Without the setting nothing is
/// shared and every caller keeps to its node's memory, as one node needs.
/// </summary>
/// <remarks>
/// Connected at start-up (<see cref="CheckAsync"/>: a configured server that does not answer stops start-up with one
/// sentence); afterwards StackExchange.Redis reconnects by itself. Every key and channel starts with
/// <see cref="ClusterOptions.RedisPrefix"/>. Calls made while the server is away fail fast and are logged; their callers
/// fall back (a rate limit lets the request through, presence shows this node's editors, the page cache empties itself when
/// the connection comes back, for it may have missed evictions).
/// </remarks>
public sealed class SharedRedis : ISharedCounters, IStartupCheck, IAsyncDisposable
{
    /// <summary>INCR with the key's expiry set on the window's first hit, in one step, so that no key outlives its window.</summary>
    private const string HitScript = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";

    private readonly string? _configuration;
    private readonly string _prefix;
    private readonly TimeProvider _clock;
    private readonly ILogger<SharedRedis> _logger;
    private readonly SemaphoreSlim _connecting = new(1, 1);

    /// <summary>Marks this process's messages, which it does not hand back to itself.</summary>
    private readonly string _sender = Guid.NewGuid().ToString("N");

    private ConnectionMultiplexer? _connection;

    public SharedRedis(IOptions<ClusterOptions> options, TimeProvider clock, ILogger<SharedRedis> logger)
    {
        _configuration = string.IsNullOrWhiteSpace(options.Value.Redis) ? null : options.Value.Redis.Trim();
        _prefix = options.Value.RedisPrefix;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Whether a Redis server is configured.</summary>
    public bool Shared => _configuration is not null;

    /// <summary>The server's database once connected; null without a server (callers then keep to their memory).</summary>
    public IDatabase? Database => _connection?.GetDatabase();

    /// <summary>A key of this site in Redis.</summary>
    public RedisKey Key(string name) => _prefix + name;

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return null;
        }

        try
        {
            var connection = await ConnectAsync();
            await connection.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return $"Không kết nối được máy Redis dùng chung (Cms:Cluster:Redis = '{_configuration}'): {ex.Message.Split('\n')[0]} Hãy khởi động Redis hoặc sửa cấu hình.";
        }
    }

    public async ValueTask<long?> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        if (Database is not { } database)
        {
            return null;
        }

        var ms = (long)window.TotalMilliseconds;
        var slot = _clock.GetUtcNow().ToUnixTimeMilliseconds() / ms;
        try
        {
            return (long)await database.ScriptEvaluateAsync(HitScript, [Key($"{key}:{slot}")], [ms]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Redis did not count a hit of {Key}; the request is let through", key);
            return null;
        }
    }

    /// <summary>Sends <paramref name="message"/> to every other node listening on <paramref name="channel"/> (fire and forget;
    /// nothing without a server).</summary>
    public void Publish(string channel, string message)
    {
        if (_connection is not { } connection)
        {
            return;
        }

        try
        {
            connection.GetSubscriber().Publish(RedisChannel.Literal(_prefix + channel), _sender + "\n" + message, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Redis did not take a message on {Channel}", channel);
        }
    }

    /// <summary>Hands every other node's message on <paramref name="channel"/> to <paramref name="received"/>; calls
    /// <paramref name="missed"/> when the connection fails and when it comes back, for messages sent meanwhile were lost.</summary>
    public async Task SubscribeAsync(string channel, Action<string> received, Action missed)
    {
        if (!Shared)
        {
            return;
        }

        var connection = await ConnectAsync();
        connection.ConnectionFailed += (_, e) => Missed(e.ConnectionType, missed);
        connection.ConnectionRestored += (_, e) => Missed(e.ConnectionType, missed);
        await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_prefix + channel), (_, value) =>
        {
            var text = (string?)value ?? "";
            var split = text.IndexOf('\n');
            if (split > 0 && !text.AsSpan(0, split).SequenceEqual(_sender))
            {
                received(text[(split + 1)..]);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private static void Missed(ConnectionType type, Action missed)
    {
        if (type == ConnectionType.Subscription)
        {
            missed();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_connection is { } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync();
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(_configuration!);
                // Start-up wants a yes or no; later losses are reconnected by the client itself.
                options.AbortOnConnectFail = true;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
                options.ClientName ??= "cucthongke";
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }
}
