using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// Who has an item's edit page open, so the page can say "someone else is editing this item" before two saves conflict.
/// In memory on this node, each mark expiring unless the page refreshes it; bounded by <see cref="ContentEditingOptions.MaxPresenceMarks"/>.
/// </summary>
/// <remarks>Several nodes behind a load balancer each see only their own editors: the registry must then be shared (issue 18).</remarks>
public sealed class EditingPresence(TimeProvider clock, IOptions<ContentEditingOptions> options)
{
    private readonly ConcurrentDictionary<(string Item, string User), DateTimeOffset> _marks = new();

    /// <summary>Marks <paramref name="user"/> as editing <paramref name="contentItemId"/> and returns the others editing it, by name.</summary>
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

    /// <summary>Removes a mark (the person saved and left the page).</summary>
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
