using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CucThongKe.Core.Settings;

/// <summary>Reads and writes named settings documents, with a short in-memory cache.</summary>
public sealed class SettingsStore(CmsDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <remarks>Read straight from the stored text: through a <see cref="JsonObject"/> the document was parsed, written
    /// out again and read a second time, and every public page reads the site settings twice (page and layout).</remarks>
    public async Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default) where T : new()
    {
        var text = await GetTextAsync(name, cancellationToken);
        return text is null ? new T() : JsonSerializer.Deserialize<T>(text, CmsJson.Options) ?? new T();
    }

    private Task<string?> GetTextAsync(string name, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CacheKey(name), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheDuration;
            return await db.Set<SettingsDocument>().AsNoTracking()
                .Where(s => s.Name == name)
                .Select(s => s.Json)
                .FirstOrDefaultAsync(cancellationToken);
        });

    /// <summary>Merges <paramref name="values"/> into the stored document; the caller saves the context.</summary>
    public async Task MergeAsync(string name, JsonObject values, CancellationToken cancellationToken = default)
    {
        var document = await db.Set<SettingsDocument>().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        var current = document is null ? [] : JsonNode.Parse(document.Json)!.AsObject();
        foreach (var (key, value) in values)
        {
            current[key] = value?.DeepClone();
        }

        if (document is null)
        {
            document = new SettingsDocument { Name = name, Json = "{}" };
            db.Set<SettingsDocument>().Add(document);
        }

        document.Json = current.ToJsonString(CmsJson.Options);
        document.ModifiedUtc = DateTime.UtcNow;
        cache.Remove(CacheKey(name));
    }

    public void Invalidate(string name) => cache.Remove(CacheKey(name));

    private static string CacheKey(string name) => "settings:" + name;
}
