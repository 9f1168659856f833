using System.Collections.Concurrent;
using CucThongKe.Core.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// Who has an item's edit page open, so the page can say "someone else is editing this item" before two saves conflict.
/// Each mark expires unless the page refreshes it. With a shared Redis server (several nodes) the marks are there, so an
/// editor on one node sees one on another: one hash per item (person → expiry), the hash itself expiring with its last mark.
/// Without one, in this node's memory, bounded by <see cref="ContentEditingOptions.MaxPresenceMarks"/>.
/// </summary>
/// <remarks>Redis away: this node's memory answers (its own editors only) rather than the edit page failing.</remarks>
public sealed class EditingPresence(TimeProvider clock, IOptions<ContentEditingOptions> options, SharedRedis? nodes = null, ILogger<EditingPresence>? logger = null)
{
    private readonly ConcurrentDictionary<(string Item, string User), DateTimeOffset> _marks = new();

    /// <summary>Marks <paramref name="user"/> as editing <paramref name="contentItemId"/> on every node and returns the others editing it, by name.</summary>
    public async Task<IReadOnlyList<string>> MarkAsync(string contentItemId, string user)
    {
        if (nodes?.Database is { } redis)
        {
            var now = clock.GetUtcNow();
            var key = nodes.Key("presence:" + contentItemId);
            try
            {
                var batch = redis.CreateBatch();
                var set = batch.HashSetAsync(key, user, (now + options.Value.PresenceExpiry).ToUnixTimeMilliseconds());
                var expire = batch.KeyExpireAsync(key, options.Value.PresenceExpiry);
                var all = batch.HashGetAllAsync(key);
                batch.Execute();
                await Task.WhenAll(set, expire, all);
                var live = (await all).Where(m => (long)m.Value > now.ToUnixTimeMilliseconds()).Select(m => m.Name.ToString()).ToList();
                var gone = (await all).Select(m => m.Name.ToString()).Except(live).Select(n => (RedisValue)n).ToArray();
                if (gone.Length > 0)
                {
                    await redis.HashDeleteAsync(key, gone, CommandFlags.FireAndForget);
                }

                return [.. live.Where(u => u != user).Order(StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger?.LogWarning(ex, "Editing presence: Redis did not answer; this node's marks are shown");
            }
        }

        return Mark(contentItemId, user);
    }

    /// <summary>Removes a mark on every node (the person saved and left the page).</summary>
    public async Task LeaveAsync(string contentItemId, string user)
    {
        Leave(contentItemId, user);
        if (nodes?.Database is { } redis)
        {
            try
            {
                await redis.HashDeleteAsync(nodes.Key("presence:" + contentItemId), user);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger?.LogWarning(ex, "Editing presence: Redis did not answer");
            }
        }
    }

    /// <summary>Marks <paramref name="user"/> as editing <paramref name="contentItemId"/> in this node's memory and returns the others editing it, by name.</summary>
    public IReadOnlyList<string> Mark(string contentItemId, string user)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.PresenceExpiry;
        if (_marks.Count >= options.Value.MaxPresenceMarks)
        {
            Sweep(now);
        }

        // Still full of live marks: the newest editor is not shown rather than the registry growing without bound.
        if (_marks.Count < options.Value.MaxPresenceMarks || _marks.ContainsKey((contentItemId, user)))
        {
            _marks[(contentItemId, user)] = expires;
        }

        return Others(contentItemId, user, now);
    }

    /// <summary>Removes a mark from this node's memory.</summary>
    public void Leave(string contentItemId, string user) => _marks.TryRemove((contentItemId, user), out _);

    /// <summary>How many marks are kept (live or not yet swept).</summary>
    public int Count => _marks.Count;

    private List<string> Others(string contentItemId, string user, DateTimeOffset now) =>
        [.. _marks.Where(m => m.Key.Item == contentItemId && m.Key.User != user && m.Value > now).Select(m => m.Key.User).Order(StringComparer.Ordinal)];

    private void Sweep(DateTimeOffset now)
    {
        foreach (var mark in _marks)
        {
            if (mark.Value <= now)
            {
                _marks.TryRemove(mark.Key, out _);
            }
        }
    }
}

/// <summary>The <c>Cms:ContentEditing</c> section.</summary>
public sealed class ContentEditingOptions
{
    public const string SectionName = "Cms:ContentEditing";

    /// <summary>How long an open edit page counts as "being edited" without a refresh (the page refreshes every 30 seconds).</summary>
    public TimeSpan PresenceExpiry { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The most marks kept in memory (one per person and item being edited).</summary>
    public int MaxPresenceMarks { get; set; } = 5000;
}
